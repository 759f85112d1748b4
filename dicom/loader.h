#pragma once
// Finding and decoding what the user opened: files, folders (recursive), DICOMDIR, ZIP
// archives, photographs.
// Thread-safety: every function is re-entrant; call from worker threads. `cancel` may be set
// from any thread and is honoured between files.

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "dicom/image.h"
#include "dicom/result.h"
#include "dicom/study.h"

namespace dicom {

struct ScanProgress {
    std::size_t filesDone = 0;
    std::size_t filesTotal = 0;   // 0 while still counting
    std::string currentPath;
};

using ScanProgressFn = std::function<void(const ScanProgress&)>;

// Reads headers only (no pixel data) of every file under `paths` and groups them. Unreadable
// files become entries of Collection::errors; the rest loads. Folders are searched
// recursively in name order, skipping hidden entries. A DICOMDIR (named, or found in a folder)
// drives the load: the files its records reference are read once, first, and grouped as the
// records say; referenced files that are missing are reported; files it does not list are still
// read. ZIP archives (named, or found in folders) are opened and their members read like files,
// recorded as "archive.zip!member" (a DICOMDIR inside drives them too; archives inside archives
// are not opened; members beyond 2 GiB or inflating more than 1000-fold are refused).
// Photographs (PNG, JPEG, TIFF, BMP, WebP) become instances of kind Photograph; a multi-page
// TIFF is one instance with a frame per page. `progress` is called on the calling thread before each file
// (filesTotal 0 while folders are still being listed) and once at the end; when `cancel`
// becomes true the scan stops before the next file and returns what it has, with
// Collection::cancelled set.
Collection scanPaths(const std::vector<std::string>& paths, const ScanProgressFn& progress = {},
                     const std::atomic<bool>* cancel = nullptr);

// Decodes frame `frame` (0-based) of one instance into modality values or RGB, reading only
// that frame's bytes. DICOM transfer syntaxes: implicit/explicit VR little endian, explicit big
// endian, deflated; JPEG baseline, extended, spectral selection, progressive, lossless (process
// 14 and SV1); JPEG-LS lossless and near-lossless; RLE; JPEG 2000 (lossless, lossy, Part 2
// multi-component), each frame in one or many fragments with or without the Basic or Extended
// Offset Table. MONOCHROME1/2 go through the Modality LUT into Grey32F (with the Pixel Padding
// range, if any, in Image::padding); RGB, YBR_FULL, YBR_FULL_422, YBR_ICT, YBR_RCT and PALETTE
// COLOR into Rgb8/Rgb16. Photographs: Rgb8 or Rgb16 in sRGB (embedded ICC profiles converted)
// with the EXIF / TIFF orientation applied for every format, a TIFF page per frame, pictures
// beyond 8192 px or 40 megapixels shrunk by a power of two (Image::reduction). Archive members
// ("archive.zip!member") are read from a private local copy.
// Errors (message "<path>: <reason>"): FileNotFound, NotDicom, Corrupt (truncated, lengths
// that do not add up, damaged compressed data, damaged photograph), UnsupportedSyntax (video and
// other syntaxes without a codec), UnsupportedPixels, NoPixelData, TooLarge, FrameOutOfRange.
Result<Image> decodeFrame(const InstanceInfo& instance, int frame = 0);

// A rectangle of a frame in pixels of its full size, as displayed (after EXIF orientation).
struct PixelRect {
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;
};

// The part of frame `frame` inside `region` (clipped to the frame) at full resolution, also for
// photographs that decodeFrame shrinks for display (Image::reduction > 1). The whole picture is
// decoded on the way, so this holds its full size in memory for the duration of the call.
// Errors as decodeFrame, and FrameOutOfRange when the region misses the frame.
Result<Image> decodeRegion(const InstanceInfo& instance, int frame, const PixelRect& region);

}  // namespace dicom
