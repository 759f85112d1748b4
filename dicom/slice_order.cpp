#include "dicom/slice_order.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <tuple>

namespace dicom {
namespace {

// Positions are compared in units of 0.1 micrometre: equal within rounding noise of the
// decimal strings, so Instance Number decides between slices at the same place.
constexpr double kPositionQuantum = 1e-4;  // mm

std::optional<std::array<double, 3>> seriesNormal(const std::vector<InstanceInfo>& instances) {
    for (const auto& i : instances)
        if (i.imageOrientation) return sliceNormal(*i.imageOrientation);
    return std::nullopt;
}

}  // namespace

std::optional<std::array<double, 3>> sliceNormal(const std::array<double, 6>& o) {
    const std::array<double, 3> n = {o[1] * o[5] - o[2] * o[4], o[2] * o[3] - o[0] * o[5],
                                     o[0] * o[4] - o[1] * o[3]};
    const double length = std::sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
    if (!(length > 1e-6)) return std::nullopt;
    return std::array<double, 3>{n[0] / length, n[1] / length, n[2] / length};
}

std::optional<double> slicePosition(const InstanceInfo& instance, const std::array<double, 3>& n) {
    if (!instance.imagePosition) return std::nullopt;
    const auto& p = *instance.imagePosition;
    return p[0] * n[0] + p[1] * n[1] + p[2] * n[2];
}

void sortSeriesInstances(std::vector<InstanceInfo>& instances) {
    const auto normal = seriesNormal(instances);
    bool usePosition = normal.has_value();
    std::vector<std::int64_t> keys(instances.size(), 0);
    for (std::size_t i = 0; i < instances.size() && usePosition; ++i) {
        const auto position = slicePosition(instances[i], *normal);
        usePosition = position.has_value();
        if (usePosition) keys[i] = std::llround(*position / kPositionQuantum);
    }
    std::vector<std::size_t> order(instances.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const auto& x = instances[a];
        const auto& y = instances[b];
        const std::int64_t kx = usePosition ? keys[a] : 0, ky = usePosition ? keys[b] : 0;
        return std::tie(kx, x.instanceNumber, x.path) < std::tie(ky, y.instanceNumber, y.path);
    });
    std::vector<InstanceInfo> sorted;
    sorted.reserve(instances.size());
    for (std::size_t i : order) sorted.push_back(std::move(instances[i]));
    instances = std::move(sorted);
}

}  // namespace dicom
