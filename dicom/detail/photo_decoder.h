#pragma once
// Decoding photographs with OpenCV, then doing what OpenCV leaves out: the EXIF / TIFF
// orientation for every format (read from the file, not only JPEG's), the embedded ICC profile
// converted to sRGB, a TIFF page per frame, and very large pictures shrunk for display by a
// power of two (JPEG in the decoder's DCT domain, so memory stays bounded; other formats after
// decoding, with area averaging). Alpha is dropped, grey replicated to RGB, 16-bit kept as
// Rgb16. Photographs are never Grey32F.
// Thread-safety: re-entrant.

#include <string>

#include "dicom/image.h"
#include "dicom/loader.h"
#include "dicom/result.h"

namespace dicom::detail {

inline constexpr int kDisplayMaxSide = 8192;                         // pixels
inline constexpr std::uint64_t kDisplayMaxPixels = 40'000'000;       // 40 megapixels
inline constexpr std::uint64_t kMaxPhotoPixels = std::uint64_t(1) << 30;  // OpenCV's own limit

// The power of two that brings a width x height picture within the display limits (1 if it fits).
int displayReduction(std::uint64_t width, std::uint64_t height);

// `frame`: the page (TIFF) or 0. Errors name `path`.
Result<Image> decodePhotograph(const std::string& path, int frame);

// Full resolution, clipped to `region` (displayed coordinates).
Result<Image> decodePhotographRegion(const std::string& path, int frame, const PixelRect& region);

}  // namespace dicom::detail
