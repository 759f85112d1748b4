#include "ui/viewer/slice_geometry.h"

#include <cmath>

namespace ui {
namespace {

constexpr double kParallel = 0.985;  // cos(10 degrees): gantry tilt and prior positioning vary

double dot(const Vector3& a, const Vector3& b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

}  // namespace

std::optional<Vector3> sliceNormal(const dicom::InstanceInfo& instance) {
    if (!instance.imageOrientation) {
        return std::nullopt;
    }
    const auto& o = *instance.imageOrientation;
    const Vector3 n{o[1] * o[5] - o[2] * o[4], o[2] * o[3] - o[0] * o[5],
                    o[0] * o[4] - o[1] * o[3]};
    const double length = std::sqrt(dot(n, n));
    if (!(length > 1e-6)) {
        return std::nullopt;
    }
    return Vector3{n[0] / length, n[1] / length, n[2] / length};
}

std::optional<double> positionAlong(const dicom::InstanceInfo& instance, const Vector3& normal) {
    if (!instance.imagePosition) {
        return std::nullopt;
    }
    return dot(*instance.imagePosition, normal);
}

int orientationMatch(const Vector3& a, const Vector3& b) {
    const double d = dot(a, b);
    return d >= kParallel ? 1 : d <= -kParallel ? -1 : 0;
}

}  // namespace ui
