#include "ui/viewer/view_geometry.h"

#include <algorithm>

namespace ui {
namespace {
constexpr double kMinZoom = 0.01;
constexpr double kMaxZoom = 64.0;
}  // namespace

void ViewGeometry::setImageSize(QSizeF size, double pixelAspect) {
    m_image = size.isEmpty() ? QSizeF(1, 1) : size;
    m_pixelAspect = pixelAspect > 0 ? pixelAspect : 1.0;
    if (m_fitted) {
        fit();
    }
}

void ViewGeometry::setViewportSize(QSizeF size) {
    m_viewport = size.isEmpty() ? QSizeF(1, 1) : size;
    if (m_fitted) {
        fit();
    }
}

double ViewGeometry::fitZoom() const {
    // The displayed extent of the image after rotation, in units of horizontal pixel size.
    const bool quarterTurn = (m_rotation % 180) != 0;
    const double w = m_image.width();
    const double h = m_image.height() * m_pixelAspect;
    const double shownW = quarterTurn ? h : w;
    const double shownH = quarterTurn ? w : h;
    return std::min(m_viewport.width() / shownW, m_viewport.height() / shownH);
}

void ViewGeometry::fit() {
    m_zoom = std::clamp(fitZoom(), kMinZoom, kMaxZoom);
    m_pan = QPointF();
    m_fitted = true;
}

void ViewGeometry::zoomBy(double factor, QPointF anchorInWidget) {
    const QPointF anchorImage = mapToImage(anchorInWidget);
    m_zoom = std::clamp(m_zoom * factor, kMinZoom, kMaxZoom);
    m_fitted = false;
    // Move the image so the anchor stays under the cursor.
    m_pan += anchorInWidget - mapToWidget(anchorImage);
}

void ViewGeometry::setZoom(double zoom) {
    m_zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    m_fitted = false;
}

void ViewGeometry::panBy(QPointF deltaInWidget) {
    m_pan += deltaInWidget;
    m_fitted = false;
}

void ViewGeometry::rotateClockwise() {
    m_rotation = (m_rotation + 90) % 360;
    if (m_fitted) {
        fit();
    }
}

void ViewGeometry::rotateCounterClockwise() {
    m_rotation = (m_rotation + 270) % 360;
    if (m_fitted) {
        fit();
    }
}

void ViewGeometry::flipHorizontal() { m_flipH = !m_flipH; }
void ViewGeometry::flipVertical() { m_flipV = !m_flipV; }

void ViewGeometry::reset() {
    m_rotation = 0;
    m_flipH = false;
    m_flipV = false;
    fit();
}

QTransform ViewGeometry::imageToWidget() const {
    QTransform t;
    t.translate(m_viewport.width() / 2 + m_pan.x(), m_viewport.height() / 2 + m_pan.y());
    t.rotate(m_rotation);
    t.scale(m_flipH ? -m_zoom : m_zoom, (m_flipV ? -m_zoom : m_zoom) * m_pixelAspect);
    t.translate(-m_image.width() / 2, -m_image.height() / 2);
    return t;
}

QPointF ViewGeometry::mapToImage(QPointF widgetPoint) const {
    return imageToWidget().inverted().map(widgetPoint);
}

QPointF ViewGeometry::mapToWidget(QPointF imagePoint) const {
    return imageToWidget().map(imagePoint);
}

}  // namespace ui
