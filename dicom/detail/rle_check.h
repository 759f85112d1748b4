#pragma once
// Validation of an RLE frame (PS3.5 Annex G) before DCMTK's decoder sees it. That decoder takes
// the segment offsets of the 64-byte header on trust (offsets past the fragment make it read
// outside its buffer) and pads a segment that ends early with its last byte; here both become a
// clean error instead.
// Thread-safety: a pure function.

#include <cstdint>
#include <vector>

#include "dicom/detail/pixel_layout.h"
#include "dicom/result.h"

namespace dicom::detail {

// Checks the header (one segment per byte of each sample, offsets inside the frame and
// increasing) and that every segment's PackBits runs produce a full plane of bytes.
// Fails with Corrupt.
Status checkRleFrame(const std::vector<std::uint8_t>& frame, const PixelLayout& layout);

}  // namespace dicom::detail
