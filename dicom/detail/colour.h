#pragma once
// Colour frames to RGB: RGB and YBR_FULL with either planar configuration, YBR_FULL_422
// (PS3.3 C.7.6.3.1.2), and PALETTE COLOR through its three lookup tables.
// Thread-safety: pure functions.

#include <cstdint>
#include <vector>

#include "dicom/detail/lut.h"
#include "dicom/detail/pixel_layout.h"
#include "dicom/image.h"

namespace dicom::detail {

// `samples` holds one frame as unpacked by unpackSamples. 8-bit sources give Rgb8, deeper ones
// Rgb16; samples with fewer stored than allocated bits are scaled to the full output range.
Image colourFrame(const std::vector<std::int64_t>& samples, const PixelLayout& layout);

// Maps palette indices through the red, green and blue tables: Rgb8 when all three have 8-bit
// entries, else Rgb16 (8-bit tables scaled by 257).
Image paletteFrame(const std::vector<std::int64_t>& indices, const PixelLayout& layout,
                   const Lut& red, const Lut& green, const Lut& blue);

}  // namespace dicom::detail
