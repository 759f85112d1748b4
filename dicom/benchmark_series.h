#pragma once
// Synthetic data for reproducible speed figures (`medgemma-cli bench-dicom --synthesize`): an
// axial CT series of the sample study's abdomen phantom at any size, written as
// CT000001.dcm ... in explicit VR little endian, signed 16-bit, 0.5 mm apart. No patient data.
// Thread-safety: re-entrant; concurrent calls must use different folders.

#include <string>

#include "dicom/result.h"

namespace dicom {

// Creates `folder` and writes `slices` slices of `size` x `size` pixels (200 mm field).
// Fails with WriteFailed, naming the file.
Status writeBenchmarkCtSeries(const std::string& folder, int slices, int size = 512);

}  // namespace dicom
