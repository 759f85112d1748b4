#pragma once
// The order of the instances of a series: along the slice normal (Image Position Patient
// projected on the cross product of the Image Orientation Patient row and column cosines,
// ascending), then Instance Number, then file path. Slices without position or orientation fall
// back to Instance Number and path for the whole series, so one odd file never scrambles it.
// Thread-safety: pure functions.

#include <array>
#include <optional>
#include <vector>

#include "dicom/study.h"

namespace dicom {

// The unit normal of an Image Orientation Patient (row x column); nullopt when degenerate.
std::optional<std::array<double, 3>> sliceNormal(const std::array<double, 6>& orientation);

// Position of `instance` along `normal`, in mm; nullopt without Image Position Patient.
std::optional<double> slicePosition(const InstanceInfo& instance, const std::array<double, 3>& normal);

// Sorts in place (stable). Called by scanPaths and mergeCollections for every series.
void sortSeriesInstances(std::vector<InstanceInfo>& instances);

}  // namespace dicom
