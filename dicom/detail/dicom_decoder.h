#pragma once
// Decoding one frame of a DICOM instance stored in a native (uncompressed) transfer syntax:
// implicit VR little endian, explicit VR little and big endian, deflated explicit VR little
// endian. Only that frame's bytes are read from the file.
// Thread-safety: re-entrant.

#include "dicom/image.h"
#include "dicom/result.h"

namespace dicom::detail {

// `path` is the file; `frame` is 0-based. Errors: see dicom::decodeFrame.
Result<Image> decodeDicomFrame(const std::string& path, int frame);

}  // namespace dicom::detail
