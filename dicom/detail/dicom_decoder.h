#pragma once
// Decoding one frame of a DICOM instance, native or compressed (see dicom::decodeFrame for the
// transfer syntaxes), into modality values or RGB. Only that frame's bytes are read from the
// file.
// Thread-safety: re-entrant.

#include <string>

#include "dicom/image.h"
#include "dicom/result.h"

namespace dicom::detail {

// `path` is the file; `frame` is 0-based. Errors: see dicom::decodeFrame.
Result<Image> decodeDicomFrame(const std::string& path, int frame);

}  // namespace dicom::detail
