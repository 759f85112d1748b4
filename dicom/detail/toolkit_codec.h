#pragma once
// Decoding one frame's compressed bytes with DCMTK's codecs: JPEG (baseline, extended,
// lossless process 14 and SV1), JPEG-LS (lossless and near-lossless) and RLE. The frame is
// handed to the codec as the only fragment of a single-frame pixel sequence, so finding frames
// stays with fragment_index and the codec only decodes.
// Thread-safety: re-entrant (the codec list is read under DCMTK's lock; each call builds its
// own objects).

#include <cstdint>
#include <string>
#include <vector>

#include "dicom/detail/frame_cells.h"
#include "dicom/result.h"

namespace dicom::detail {

enum class ToolkitCodec { Jpeg, JpegLs, Rle };

// `transferSyntaxUid` selects the codec; `layout` is the file's. The cells come back in the
// file's planar configuration; YBR_FULL_422 comes back as full-resolution YBR_FULL, and a lossy
// JPEG labelled RGB whose own markers say YCbCr (a common writer error) as YBR_FULL.
// Fails with Corrupt when the codestream cannot be decoded or does not match the header.
Result<FrameCells> decodeWithToolkit(const std::string& transferSyntaxUid, ToolkitCodec codec,
                                     const PixelLayout& layout,
                                     const std::vector<std::uint8_t>& codestream);

}  // namespace dicom::detail
