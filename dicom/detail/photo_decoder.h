#pragma once
// Decoding photographs with OpenCV: EXIF orientation applied (for JPEG, where OpenCV reads it),
// alpha dropped, grey replicated to RGB, 16-bit kept as Rgb16. Photographs are never Grey32F.
// Thread-safety: re-entrant.

#include <string>

#include "dicom/image.h"
#include "dicom/result.h"

namespace dicom::detail {

Result<Image> decodePhotograph(const std::string& path);

}  // namespace dicom::detail
