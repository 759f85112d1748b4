// The abdomen-like CT phantom of the sample study: hard-edged ellipses and spheres of constant
// HU, so tests know the exact value at any point.
#include "dicom/detail/sample_phantoms.h"

#include <algorithm>
#include <cmath>

#include "dicom/sample_study.h"

namespace dicom::detail {
namespace {

using namespace dicom::sample;

bool inEllipse(double x, double y, double cx, double cy, double a, double b) {
    if (a <= 0 || b <= 0) return false;
    const double u = (x - cx) / a, v = (y - cy) / b;
    return u * u + v * v <= 1.0;
}

double distance(double x, double y, double cx, double cy) { return std::hypot(x - cx, y - cy); }

// Lungs grow from nothing at z = -10 mm to full size at the top slice; the liver shrinks from
// full size at z = 0 to nothing at z = 15 mm, as the diaphragm dome would have them.
double lungScale(double z) { return std::sqrt(std::clamp((z + 10.0) / 37.5, 0.0, 1.0)); }
double liverScale(double z) { return std::sqrt(std::clamp((15.0 - z) / 15.0, 0.0, 1.0)); }

bool inLung(double x, double y, double z) {
    const double s = lungScale(z);
    return inEllipse(x, y, -45, -5, 30 * s, 40 * s) || inEllipse(x, y, 45, -5, 30 * s, 40 * s);
}

bool inLesion(double x, double y, double z) {
    const double lesionX = ctPixelCentre(kLesionColumn);
    const double lesionY = ctPixelCentre(kLesionRow);
    const double dz = z - kLesionZ;
    // Strictly inside: the slices 10 mm away, which the sphere only touches, show none of it.
    return std::sqrt(std::pow(distance(x, y, lesionX, lesionY), 2) + dz * dz) < kLesionDiameter / 2;
}

double bone(double x, double y) {
    const double r = distance(x, y, 0, 40);  // vertebral body
    if (r <= 11) return kCancellousBoneHu;
    if (r <= 14 || inEllipse(x, y, 0, 55, 5, 7)) return kCorticalBoneHu;  // rim, spinous process
    return 0;
}

}  // namespace

bool ctInsideField(double x, double y) { return std::hypot(x, y) <= 100.0; }

double ctPixelCentre(int index) { return (index - kCtSize / 2 + 0.5) * kCtPixelSpacing; }

double ctPhantomHu(double x, double y, double z) {
    if (!inEllipse(x, y, 0, 4, 92, 70)) return kAirHu;
    if (!inEllipse(x, y, 0, 4, 85, 63)) return kFatHu;
    if (const double b = bone(x, y); b != 0) return b;
    if (distance(x, y, 20, 22) <= 10) return kSoftTissueHu + 5;  // aorta, unenhanced blood
    if (inLung(x, y, z)) return kLungHu;
    const double l = liverScale(z);
    if (inEllipse(x, y, -38, 8, 42 * l, 40 * l)) return inLesion(x, y, z) ? kLesionHu : kLiverHu;
    return kSoftTissueHu;
}

}  // namespace dicom::detail
