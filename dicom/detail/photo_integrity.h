#pragma once
// Cheap structural checks that a photograph file is complete before it is decoded. Image
// libraries often return a partly decoded picture from a truncated file (the rest grey) and
// only print a warning; a clinician must never see such a picture as if it were whole.
// Thread-safety: re-entrant.

#include <string>

#include "dicom/detail/photo_format.h"
#include "dicom/result.h"

namespace dicom::detail {

// PNG: chunks up to IEND; JPEG: an end-of-image marker after the first scan (data appended
// after it, as motion photos do, is fine); BMP: the pixel array of an uncompressed bitmap;
// WebP: the RIFF length. TIFF is left to its decoder. Fails with Corrupt.
Status checkPhotoComplete(const std::string& path, PhotoFormat format);

}  // namespace dicom::detail
