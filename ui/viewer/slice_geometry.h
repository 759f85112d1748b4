#pragma once
// Where a slice lies in the patient: the normal of its plane (row x column direction cosines)
// and its position along that normal (mm), from Image Orientation and Image Position (Patient).
// Used to scroll viewports together by anatomy rather than by image number.
// Thread-safety: pure functions.

#include <array>
#include <optional>

#include "dicom/study.h"

namespace ui {

using Vector3 = std::array<double, 3>;

// Unit normal of the slice plane; none without a valid Image Orientation (Patient).
std::optional<Vector3> sliceNormal(const dicom::InstanceInfo& instance);

// Position of the slice along `normal`, in mm; none without Image Position (Patient).
std::optional<double> positionAlong(const dicom::InstanceInfo& instance, const Vector3& normal);

// +1 when the planes are parallel (within about 10 degrees), -1 when anti-parallel, 0 when
// they are not the same orientation.
int orientationMatch(const Vector3& a, const Vector3& b);

}  // namespace ui
