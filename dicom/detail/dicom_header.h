#pragma once
// Reads the header of one DICOM file (no pixel data) into a ScannedFile, and checks that an
// image's Pixel Data can hold the frames its header announces.
// Thread-safety: re-entrant.

#include <string>

#include "dicom/detail/scanned_file.h"
#include "dicom/result.h"

class DcmDataset;

namespace dicom::detail {

// Fails as openDicomFile does, and with Corrupt/TooLarge/UnsupportedPixels/NoPixelData when
// the Image Pixel module cannot describe the Pixel Data (an image header without pixels, absurd
// dimensions, a native Pixel Data value shorter than its frames). `recordedPath`, when given,
// is what the result records instead of `path` (a local copy of an archive member).
Result<ScannedFile> readDicomHeader(const std::string& path, const std::string& recordedPath = {});

// The metadata of one dataset, without validation; `path` is recorded as given.
ScannedFile describeDataset(DcmDataset& dataset, const std::string& transferSyntaxUid, const std::string& path);

}  // namespace dicom::detail
