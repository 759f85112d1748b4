#pragma once
// The synthetic anatomy of the sample study, as pure functions of position, kept apart from the
// DICOM and PNG writing so that the geometry can be read (and checked) on its own.
// Thread-safety: pure functions.

#include <cstdint>
#include <vector>

#include "dicom/image.h"

namespace dicom::detail {

// CT phantom value in HU at patient coordinates (mm; x to the patient's left, y posterior,
// z cranial), for points inside the 200 mm reconstruction field (see ctInsideField).
double ctPhantomHu(double x, double y, double z);
bool ctInsideField(double x, double y);

// Patient coordinate (mm) of the centre of CT pixel column or row `index`; the image is
// centred on the z axis, so the first pixel centre is at -102.0 mm.
double ctPixelCentre(int index);

// Chest radiograph, rows x columns values of 0..4095, row-major (MONOCHROME2: bright = dense).
std::vector<std::uint16_t> chestRadiograph(int rows, int columns);

// Skin photograph with a pigmented lesion and a millimetre ruler (RGB, 8-bit).
Image8 skinLesionPhotograph(int width, int height, double pixelsPerMm);

}  // namespace dicom::detail
