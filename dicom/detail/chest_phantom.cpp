// The chest-radiograph-like projection of the sample study: soft attenuation profiles of torso,
// lungs, mediastinum, heart, spine, ribs and clavicles summed along the beam, mapped to 12-bit
// values (MONOCHROME2: dense is bright). Deterministic texture, no random numbers.
#include "dicom/detail/sample_phantoms.h"

#include <algorithm>
#include <cmath>

#include "dicom/sample_study.h"

namespace dicom::detail {
namespace {

constexpr double kPi = 3.14159265358979323846;

// Path length through an ellipsoid-like structure, 1 at its centre line and 0 at its edge.
double ellipseProfile(double x, double y, double cx, double cy, double a, double b) {
    const double u = (x - cx) / a, v = (y - cy) / b;
    const double r2 = u * u + v * v;
    return r2 < 1.0 ? std::sqrt(1.0 - r2) : 0.0;
}

double bandProfile(double distance, double halfWidth) {
    const double u = distance / halfWidth;
    return std::fabs(u) < 1.0 ? std::sqrt(1.0 - u * u) : 0.0;
}

// Posterior ribs: arcs that fall laterally from the spine, one every ~24 mm.
double ribs(double x, double y) {
    const double ax = std::fabs(x);
    if (ax < 18 || ax > 150) return 0.0;
    double sum = 0.0;
    for (int i = 0; i < 10; ++i) {
        const double y0 = 78 + 24.0 * i;
        const double centreLine = y0 + 0.0045 * (ax - 18) * (ax - 18) - 0.25 * (ax - 18);
        sum += bandProfile(y - centreLine, 5.5);
    }
    return sum;
}

double clavicles(double x, double y) {
    const double ax = std::fabs(x);
    if (ax < 18 || ax > 135) return 0.0;
    const double centreLine = 92 - 0.2 * (ax - 18);
    return bandProfile(y - centreLine, 6.0);
}

double smoothstep(double e0, double e1, double x) {
    const double t = std::clamp((x - e0) / (e1 - e0), 0.0, 1.0);
    return t * t * (3 - 2 * t);
}

// Neck widening into rounded shoulders, then the chest wall.
double torsoHalfWidth(double y) {
    return 48.0 + 112.0 * smoothstep(30, 100, y) + 8.0 * std::exp(-std::pow((y - 110) / 50, 2));
}

double attenuation(double x, double y) {
    double a = 0.55 * bandProfile(x, torsoHalfWidth(y)) * std::clamp((y - 5) / 25, 0.0, 1.0);
    a -= 0.40 * ellipseProfile(x, y, -78, 205, 60, 138);  // right lung (image left)
    a -= 0.38 * ellipseProfile(x, y, 76, 212, 56, 132);   // left lung, smaller beside the heart
    a += 0.20 * ellipseProfile(x, y, 0, 190, 34, 150);    // mediastinum
    a += 0.20 * ellipseProfile(x, y, 38, 278, 76, 60);    // heart
    a += 0.24 * bandProfile(x, 21) * (0.88 + 0.12 * std::cos(y / 28.0 * 2 * kPi));  // spine
    a += 0.10 * ribs(x, y) + 0.14 * clavicles(x, y);
    a += 0.18 * (ellipseProfile(x, y, -150, 92, 30, 30) + ellipseProfile(x, y, 150, 92, 30, 30));
    return std::max(a, 0.0);
}

// Small deterministic grain (a few digital values), so the image is not unnaturally flat.
int grain(int row, int column) {
    std::uint32_t h = std::uint32_t(row) * 73856093u ^ std::uint32_t(column) * 19349663u;
    h ^= h >> 13;
    h *= 0x5bd1e995u;
    h ^= h >> 15;
    return int(h % 13u) - 6;
}

}  // namespace

std::vector<std::uint16_t> chestRadiograph(int rows, int columns) {
    const double spacing = sample::kDxImagerPixelSpacing;
    std::vector<std::uint16_t> out(std::size_t(rows) * std::size_t(columns));
    for (int r = 0; r < rows; ++r) {
        const double y = (r + 0.5) * spacing;
        for (int c = 0; c < columns; ++c) {
            const double x = (c + 0.5 - columns / 2.0) * spacing;
            const double value = 150.0 + 2600.0 * attenuation(x, y) + grain(r, c);
            out[std::size_t(r) * std::size_t(columns) + std::size_t(c)] =
                static_cast<std::uint16_t>(std::clamp(std::lround(value), 0L, 4095L));
        }
    }
    return out;
}

}  // namespace dicom::detail
