#pragma once
// The numbers behind measurements: distances and areas in mm from the frame's pixel spacing
// (row spacing vertical, column spacing horizontal, so non-square pixels measure correctly),
// angles in physical space, and region statistics over the frame's modality values (HU for CT),
// never over the rendered 8-bit picture.
// Thread-safety: pure functions.

#include <QPointF>
#include <QRectF>

#include "dicom/image.h"
#include "dicom/study.h"

namespace ui {

// True when the spacing gives millimetres; otherwise measurements are in pixels.
bool hasSpacing(const dicom::PixelSpacing& spacing);

// Distance between two image points: mm with spacing, else pixels.
double distance(QPointF a, QPointF b, const dicom::PixelSpacing& spacing);

// The angle at `vertex` between the arms to `a` and `c`, in degrees (0..180), measured in
// physical space when the spacing is known. 0 when an arm has no length.
double angleDegrees(QPointF a, QPointF vertex, QPointF c, const dicom::PixelSpacing& spacing);

enum class RegionShape { Ellipse, Rectangle };

struct RegionStats {
    int pixels = 0;   // pixels whose centre lies inside the shape
    double mean = 0;  // modality units
    double sd = 0;    // population standard deviation, modality units
    double min = 0;
    double max = 0;
    double area = 0;         // of the drawn shape: mm² with spacing, else pixels²
    bool hasValues = false;  // false for colour frames or a region outside the frame
};

// Statistics of the grey values inside `bounds` (image pixels) shaped as `shape`.
RegionStats regionStats(const dicom::Image& frame, RegionShape shape, const QRectF& bounds,
                        const dicom::PixelSpacing& spacing);

}  // namespace ui
