#pragma once
// One frame's cells from whatever the dataset holds: native Pixel Data read in place, or an
// encapsulated frame decoded. Shared by the image decoder and the overlay reader (overlays may
// live in the unused high bits of the cells).
// Thread-safety: re-entrant; works on the dataset it is given.

#include "dicom/detail/frame_cells.h"
#include "dicom/result.h"

class DcmDataset;

namespace dicom::detail {

// `frame` is 0-based. Fails (message without the file name) with NoPixelData, FrameOutOfRange,
// UnsupportedSyntax, UnsupportedPixels, TooLarge or Corrupt.
Result<FrameCells> readFrameCells(DcmDataset& dataset, int frame);

}  // namespace dicom::detail
