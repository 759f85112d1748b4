#pragma once
// What a correct decoder must produce from known stored samples, written directly from the
// formulas of PS3.3 C.7.6.3 for the tests (one place, so every test agrees on the meaning).

#include <cmath>
#include <cstdint>
#include <vector>

#include "dicom/image.h"
#include "synthetic_dicom.h"

namespace expectations {

inline std::size_t sampleIndex(const synthetic::PixelSpec& s, std::size_t frameStart, std::size_t pixel,
                               int channel) {
    const std::size_t n = std::size_t(s.rows) * std::size_t(s.columns);
    if (s.photometric == "YBR_FULL_422") {
        const std::size_t pair = frameStart + (pixel / 2) * 4;
        return channel == 0 ? pair + pixel % 2 : pair + 1 + std::size_t(channel);
    }
    if (s.planar == 1) return frameStart + std::size_t(channel) * n + pixel;
    return frameStart + pixel * 3 + std::size_t(channel);
}

// RGB of one pixel in the output's range (8 or 16 bits), from stored RGB or YCbCr samples.
inline std::vector<double> expectedRgb(const synthetic::PixelSpec& s, const std::vector<std::int64_t>& samples,
                                       std::size_t frameStart, std::size_t pixel) {
    double v[3];
    for (int c = 0; c < 3; ++c) v[c] = double(samples[sampleIndex(s, frameStart, pixel, c)]);
    const double maxIn = std::ldexp(1.0, s.bitsStored) - 1;
    const double maxOut = s.bitsAllocated > 8 ? 65535.0 : 255.0;
    double rgb[3] = {v[0], v[1], v[2]};
    if (s.photometric.rfind("YBR_FULL", 0) == 0) {
        const double half = std::ldexp(1.0, s.bitsStored - 1);
        rgb[0] = v[0] + 1.402 * (v[2] - half);
        rgb[1] = v[0] - 0.344136 * (v[1] - half) - 0.714136 * (v[2] - half);
        rgb[2] = v[0] + 1.772 * (v[1] - half);
    }
    std::vector<double> out(3);
    for (int c = 0; c < 3; ++c) out[std::size_t(c)] = std::round(std::fmin(std::fmax(rgb[c], 0.0), maxIn) * maxOut / maxIn);
    return out;
}

inline double colourAt(const dicom::Image& image, std::size_t index) {
    return image.format == dicom::PixelFormat::Rgb16 ? double(image.rgb16[index]) : double(image.rgb8[index]);
}

}  // namespace expectations
