#pragma once
// Decoding one frame of JPEG 2000 (PS3.5 8.2.4; DCMTK has no codec for it) with OpenJPEG: a
// raw codestream or a JP2 file. OpenJPEG undoes the multi-component transform the codestream
// declares, so YBR_RCT and YBR_ICT frames come back as RGB; YBR_FULL frames (transformed before
// compression) stay YBR_FULL for colour_frame. Subsampled components are repeated to full size.
// Thread-safety: re-entrant.

#include <cstdint>
#include <vector>

#include "dicom/detail/frame_cells.h"
#include "dicom/result.h"

namespace dicom::detail {

// `layout` is the file's. The cells come back interleaved (planar configuration 0), High Bit
// at Bits Stored - 1. Fails with Corrupt when the codestream is damaged or its size, component
// count or depth contradicts the header.
Result<FrameCells> decodeJpeg2000(const PixelLayout& layout,
                                  const std::vector<std::uint8_t>& codestream);

}  // namespace dicom::detail
