#pragma once
// Reading one frame of native (uncompressed) Pixel Data: only that frame's bytes are read from
// the file, as a little-endian stream whatever the transfer syntax's byte order.
// Thread-safety: re-entrant; works on the element it is given.

#include "dicom/detail/frame_cells.h"
#include "dicom/result.h"

class DcmElement;

namespace dicom::detail {

// `layout` is the file's; `frame` is 0-based and in range. Fails with Corrupt when the value is
// shorter than its frames or cannot be read.
Result<FrameCells> readNativeFrame(DcmElement& pixels, const PixelLayout& layout, int frame);

}  // namespace dicom::detail
