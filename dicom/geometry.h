#pragma once
// Words and markers for an image's geometry: what its pixel spacing measures, and which
// patient direction each edge of the image faces (the letters a viewer shows at its edges).
// Patient directions follow DICOM: L/R left/right, A/P anterior/posterior, H/F head/foot.
// Thread-safety: pure functions.

#include <optional>
#include <string>

#include "dicom/study.h"

namespace dicom {

// One English line, e.g. "0.143 x 0.143 mm, Imager Pixel Spacing: at the detector, not
// calibrated (sizes in the patient are smaller by the geometric magnification)".
std::string describeSpacing(const PixelSpacing& spacing);

struct EdgeLabels {
    std::string left, right, top, bottom;  // e.g. "R", "L", "A", "P" for an axial slice
};

// From Image Orientation (Patient) when present (oblique directions combine up to three letters,
// strongest first, e.g. "LP"), else from Patient Orientation of a projection image; nullopt
// when neither is known.
std::optional<EdgeLabels> edgeLabels(const InstanceInfo& instance);

// The letters of a direction in patient coordinates (x towards L, y towards P, z towards H).
std::string directionLetters(double x, double y, double z);

}  // namespace dicom
