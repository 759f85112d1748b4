#pragma once
// Photograph files written byte by byte for tests, so that the metadata OpenCV cannot write
// (EXIF orientation in PNG, TIFF and WebP; embedded ICC profiles; several TIFF pages) is
// exactly what the test says: a baseline TIFF writer, PNG chunks, JPEG APP segments and the
// WebP extended container spliced around what OpenCV encodes.

#include <cstdint>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

namespace photofiles {

using Bytes = std::vector<std::uint8_t>;

// A TIFF structure holding only Orientation, as EXIF blocks carry it (little endian).
Bytes exifBlock(int orientation);

// An RGB profile of Adobe RGB (1998) primaries, D65 white, gamma 563/256, made with lcms2.
Bytes adobeRgbProfile();

struct TiffPage {
    cv::Mat rgb;          // CV_8UC3 / CV_16UC3 in R, G, B order, or CV_8UC1
    int orientation = 1;  // written when not 1
    Bytes icc;            // written when not empty
};
// Classic TIFF, or BigTIFF (8-byte offsets) when `big`.
Bytes tiff(const std::vector<TiffPage>& pages, bool big = false);

// `bgr` encoded by OpenCV, then the metadata added (orientation 1 and an empty profile add
// nothing). WebP is lossless.
Bytes png(const cv::Mat& bgr, int orientation, const Bytes& icc = {});
Bytes jpeg(const cv::Mat& bgr, int orientation, const Bytes& icc = {});
Bytes webp(const cv::Mat& bgr, int orientation, const Bytes& icc = {});

void write(const std::string& path, const Bytes& bytes);

}  // namespace photofiles
