#pragma once
// JPEG 2000 codestreams for tests, made with OpenJPEG's encoder from known samples.

#include <cstdint>
#include <vector>

#include "synthetic_dicom.h"

namespace synthetic {

struct J2kOptions {
    bool lossless = true;  // reversible 5/3 wavelet; else irreversible 9/7 at `ratio`
    bool mct = false;      // multi-component transform (RCT lossless, ICT lossy)
    float ratio = 8.0f;    // compression ratio of the lossy layer
    bool jp2 = false;      // a JP2 file instead of a raw codestream
};

// One frame of `spec` (samples in interleaved order, planar configuration 0) as a codestream;
// empty on failure.
std::vector<std::uint8_t> encodeJ2k(const PixelSpec& spec, const std::int64_t* frameSamples,
                                    const J2kOptions& options);

}  // namespace synthetic
