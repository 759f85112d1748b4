#pragma once
// Pixel spacing (with what it is measured on), orientation and position of an instance, read
// at the top level or, for enhanced multi-frame objects, from the Shared Functional Groups
// (then the first frame's Per-frame Functional Groups).
// Internal to dicom/: DCMTK types never leave this folder.
// Thread-safety: stateless; each call reads only the item it is given.

#include <array>
#include <optional>
#include <string>

#include "dicom/study.h"

class DcmItem;

namespace dicom::detail {

// PS3.3 10.7.1 (Pixel Spacing usage): a Pixel Spacing Calibration Type makes the spacing
// calibrated; a projection image whose Pixel Spacing equals its Imager Pixel Spacing is still
// at the detector; Imager Pixel Spacing alone is at the detector, and an Estimated
// Radiographic Magnification Factor is kept beside it for an estimate in the patient; Nominal
// Scanned Pixel Spacing describes the scanned film.
PixelSpacing readPixelSpacing(DcmItem& dataset);

std::optional<std::array<double, 6>> readOrientation(DcmItem& dataset);
std::optional<std::array<double, 3>> readPosition(DcmItem& dataset);

}  // namespace dicom::detail
