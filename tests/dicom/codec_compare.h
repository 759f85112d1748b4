#pragma once
// Comparing a decoded frame with what it was made from: the samples' modality values for grey
// frames, their RGB (PS3.3 YCbCr conversion for YBR sources) for colour frames.

#include <algorithm>
#include <cmath>
#include <vector>

#include "dicom/image.h"
#include "pixel_expectations.h"
#include "synthetic_dicom.h"

namespace codec_compare {

struct Difference {
    double max = 0;
    double mean = 0;
    std::size_t worst = 0;  // sample index of the largest difference
    std::size_t count = 0;
};

inline void add(Difference& d, double e, std::size_t index) {
    if (e > d.max) {
        d.max = e;
        d.worst = index;
    }
    d.mean += e;
    ++d.count;
}

// Grey frames: decoded modality values against the samples (no rescale in synthetic files).
// Colour frames: against expectedRgb of the source samples.
inline Difference compareFrame(const synthetic::PixelSpec& s,
                               const std::vector<std::int64_t>& samples, int frame,
                               const dicom::Image& image) {
    Difference d;
    const std::size_t perFrame = s.samplesPerFrame();
    const std::size_t pixels = std::size_t(s.rows) * std::size_t(s.columns);
    for (std::size_t p = 0; p < pixels; ++p) {
        if (image.isGrey()) {
            // Grey frames hold float: 32-bit samples beyond 2^24 keep float precision only.
            const double expected = double(float(samples[std::size_t(frame) * perFrame + p]));
            add(d, std::fabs(double(image.grey[p]) - expected), p);
            continue;
        }
        const auto rgb = expectations::expectedRgb(s, samples, std::size_t(frame) * perFrame, p);
        for (std::size_t c = 0; c < 3; ++c)
            add(d, std::fabs(expectations::colourAt(image, p * 3 + c) - rgb[c]), p * 3 + c);
    }
    if (d.count)
        d.mean /= double(d.count);
    return d;
}

}  // namespace codec_compare
