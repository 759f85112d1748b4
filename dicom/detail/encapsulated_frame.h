#pragma once
// Decoding one frame of encapsulated (compressed) Pixel Data: finds the frame's fragments,
// reads only those, and hands them to the codec of the transfer syntax (DCMTK for JPEG,
// JPEG-LS and RLE; OpenJPEG for JPEG 2000).
// Thread-safety: re-entrant; works on the dataset it is given.

#include <string>

#include "dicom/detail/frame_cells.h"
#include "dicom/result.h"

class DcmDataset;
class DcmElement;

namespace dicom::detail {

// `layout` is the file's, `frame` 0-based and in range. Fails with UnsupportedSyntax (video, or
// a syntax without a codec), UnsupportedPixels (1-bit compressed pixels) or Corrupt.
Result<FrameCells> decodeEncapsulatedFrame(DcmDataset& dataset, DcmElement& pixels,
                                           const PixelLayout& layout,
                                           const std::string& transferSyntaxUid, int frame);

}  // namespace dicom::detail
