#pragma once
// Writing rendered images to disk (the CLI's `render`, exports), so that callers outside dicom/
// need no image codec of their own.
// Thread-safety: re-entrant.

#include <string>

#include "dicom/image.h"
#include "dicom/result.h"

namespace dicom {

// Writes an 8-bit grey (channels 1) or RGB (channels 3) PNG. Fails with WriteFailed (the
// folder does not exist, no permission, disk full) or Internal (an inconsistent Image8).
Status writePng(const Image8& image, const std::string& path);

}  // namespace dicom
