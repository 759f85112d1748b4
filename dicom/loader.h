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
// recursively in name order, skipping hidden entries; a DICOMDIR found in a folder is skipped
// (its files are found by the walk). Photographs (PNG, JPEG, TIFF, BMP, WebP) become
// instances of kind Photograph. `progress` is called on the calling thread before each file
// (filesTotal 0 while folders are still being listed) and once at the end; when `cancel`
// becomes true the scan stops before the next file and returns what it has, with
// Collection::cancelled set.
Collection scanPaths(const std::vector<std::string>& paths, const ScanProgressFn& progress = {},
                     const std::atomic<bool>* cancel = nullptr);

// Decodes frame `frame` (0-based) of one instance into modality values or RGB, reading only
// that frame's bytes. DICOM: native transfer syntaxes (implicit/explicit VR little endian,
// explicit big endian, deflated); MONOCHROME1/2 through the Modality LUT into Grey32F, RGB,
// YBR_FULL, YBR_FULL_422 and PALETTE COLOR into Rgb8/Rgb16. Photographs: Rgb8 or Rgb16 with
// EXIF orientation applied (JPEG), a single frame.
// Errors (message "<path>: <reason>"): FileNotFound, NotDicom, Corrupt (truncated, lengths
// that do not add up, damaged photograph), UnsupportedSyntax (compressed), UnsupportedPixels,
// NoPixelData, TooLarge, FrameOutOfRange.
Result<Image> decodeFrame(const InstanceInfo& instance, int frame = 0);

}  // namespace dicom
