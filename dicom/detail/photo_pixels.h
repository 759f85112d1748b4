#pragma once
// OpenCV steps of photograph decoding: channel order and depth, EXIF orientation, shrinking,
// cropping and the hand-over into dicom::Image.
// Thread-safety: pure functions.

#include <opencv2/core.hpp>

#include "dicom/image.h"

namespace dicom::detail {

// 8 and 16 bits stay; any other depth (32-bit float TIFF, signed) is stretched to 8 bits.
cv::Mat toSupportedDepth(const cv::Mat& m);

// OpenCV's BGR / BGRA / grey to R, G, B order, alpha dropped; grey stays one channel.
cv::Mat toRgbOrder(const cv::Mat& m);

// Rotates and flips stored pixels into display order for EXIF / TIFF Orientation 1..8
// (EXIF 2.3 tag 0x0112: the orientation names where the 0th row and 0th column are shown).
cv::Mat applyOrientation(const cv::Mat& m, int orientation);

// Shrinks by `factor` with area averaging (no aliasing on histology), to floor(size / factor).
cv::Mat shrink(const cv::Mat& m, int factor);

// RGB (or grey, replicated) 8/16-bit pixels into an Image.
Image toImage(const cv::Mat& rgb, int reduction);

}  // namespace dicom::detail
