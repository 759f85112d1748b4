#include "ui/measure/measurement.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ui {
namespace {

constexpr double kPi = 3.14159265358979323846;

// Image pixels to physical units along x (columns) and y (rows).
QPointF scaled(QPointF v, const dicom::PixelSpacing& spacing) {
    return hasSpacing(spacing) ? QPointF(v.x() * spacing.column, v.y() * spacing.row) : v;
}

bool inside(RegionShape shape, const QRectF& bounds, double x, double y) {
    if (shape == RegionShape::Rectangle) {
        return bounds.contains(x, y);
    }
    const double rx = bounds.width() / 2;
    const double ry = bounds.height() / 2;
    if (rx <= 0 || ry <= 0) {
        return false;
    }
    const double dx = (x - bounds.center().x()) / rx;
    const double dy = (y - bounds.center().y()) / ry;
    return dx * dx + dy * dy <= 1.0;
}

double shapeArea(RegionShape shape, const QRectF& bounds, const dicom::PixelSpacing& spacing) {
    const QPointF size = scaled(QPointF(bounds.width(), bounds.height()), spacing);
    const double box = size.x() * size.y();
    return shape == RegionShape::Ellipse ? kPi / 4 * box : box;
}

}  // namespace

bool hasSpacing(const dicom::PixelSpacing& spacing) {
    return spacing.source != dicom::SpacingSource::None && spacing.row > 0 && spacing.column > 0;
}

double distance(QPointF a, QPointF b, const dicom::PixelSpacing& spacing) {
    const QPointF d = scaled(b - a, spacing);
    return std::hypot(d.x(), d.y());
}

double angleDegrees(QPointF a, QPointF vertex, QPointF c, const dicom::PixelSpacing& spacing) {
    const QPointF u = scaled(a - vertex, spacing);
    const QPointF v = scaled(c - vertex, spacing);
    const double lu = std::hypot(u.x(), u.y());
    const double lv = std::hypot(v.x(), v.y());
    if (lu <= 0 || lv <= 0) {
        return 0;
    }
    const double cosine = std::clamp((u.x() * v.x() + u.y() * v.y()) / (lu * lv), -1.0, 1.0);
    return std::acos(cosine) * 180.0 / kPi;
}

RegionStats regionStats(const dicom::Image& frame, RegionShape shape, const QRectF& bounds,
                        const dicom::PixelSpacing& spacing) {
    RegionStats stats;
    stats.area = shapeArea(shape, bounds, spacing);
    if (!frame.isGrey() || frame.empty()) {
        return stats;
    }
    const int x0 = std::max(0, int(std::floor(bounds.left())));
    const int x1 = std::min(frame.width - 1, int(std::ceil(bounds.right())));
    const int y0 = std::max(0, int(std::floor(bounds.top())));
    const int y1 = std::min(frame.height - 1, int(std::ceil(bounds.bottom())));
    // Welford's running mean and variance: stable for large values of small spread.
    double mean = 0;
    double squares = 0;
    stats.min = std::numeric_limits<double>::max();
    stats.max = std::numeric_limits<double>::lowest();
    for (int y = y0; y <= y1; ++y) {
        for (int x = x0; x <= x1; ++x) {
            if (!inside(shape, bounds, x + 0.5, y + 0.5)) {
                continue;
            }
            const double v = frame.grey[std::size_t(y) * std::size_t(frame.width) + std::size_t(x)];
            ++stats.pixels;
            const double delta = v - mean;
            mean += delta / stats.pixels;
            squares += delta * (v - mean);
            stats.min = std::min(stats.min, v);
            stats.max = std::max(stats.max, v);
        }
    }
    if (stats.pixels == 0) {
        stats.min = stats.max = 0;
        return stats;
    }
    stats.hasValues = true;
    stats.mean = mean;
    stats.sd = std::sqrt(std::max(0.0, squares / stats.pixels));
    return stats;
}

}  // namespace ui
