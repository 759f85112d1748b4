#pragma once
// Converting photographs from the colour space of their embedded ICC profile to sRGB with
// lcms2 (relative colorimetric intent), so that a dermatology photograph taken in Adobe RGB or
// Display P3 shows, and reaches the model, with the colours it was taken with.
// Thread-safety: re-entrant (each call builds its own transform).

#include <cstdint>
#include <vector>

#include <opencv2/core.hpp>

namespace dicom::detail {

// `pixels`: CV_8UC3 / CV_16UC3 in R, G, B order, or CV_8UC1 / CV_16UC1 grey. An RGB profile
// converts RGB in place; a grey profile turns grey into sRGB (three channels). A profile that
// does not fit the pixels, cannot be parsed, or already is sRGB leaves them unchanged and
// returns false.
bool convertToSrgb(cv::Mat& pixels, const std::vector<std::uint8_t>& profile);

}  // namespace dicom::detail
