#include "ui/viewer/image_viewer.h"

#include <algorithm>
#include <cmath>

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include "ui/viewer/overlay_corners.h"
#include "ui/viewer/qimage_conversion.h"

namespace ui {
namespace {
constexpr double kWheelZoomStep = 1.15;
constexpr int kWheelNotch = 120;
}  // namespace

ImageViewer::ImageViewer(QWidget* parent) : QWidget(parent) {
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(false);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(200, 200);
    setAccessibleName(tr("Image viewer"));
}

void ImageViewer::setFrame(FramePtr frame, const dicom::WindowPreset& window, double pixelAspect,
                           bool keepWindow) {
    Q_ASSERT(frame);
    m_image = std::move(frame);
    m_loading = false;
    const dicom::Image& image = *m_image;
    const auto [lo, hi] = image.isGrey() ? dicom::valueRange(image) : std::pair<float, float>(0, 255);
    m_valueSpan = std::max(1.0, static_cast<double>(hi) - lo);
    if (!keepWindow) {
        m_window = window;
    }
    m_geometry.setImageSize(QSizeF(image.width, image.height), pixelAspect);
    m_geometry.setViewportSize(size());
    rerender();
}

void ImageViewer::clear() {
    m_image.reset();
    m_rendered = QImage();
    m_loading = false;
    update();
}

void ImageViewer::setLoading(bool loading) {
    m_loading = loading;
    update();
}

const dicom::Image& ImageViewer::frame() const {
    static const dicom::Image none;
    return m_image ? *m_image : none;
}

void ImageViewer::setWindow(const dicom::WindowPreset& window) {
    m_window = window;
    m_window.width = std::max(1.0, m_window.width);
    rerender();
    Q_EMIT windowChanged(m_window);
}

void ImageViewer::setInverted(bool inverted) {
    m_inverted = inverted;
    rerender();
}

void ImageViewer::setOverlayText(const OverlayText& text) {
    m_overlay = text;
    update();
}

void ImageViewer::setOverlayVisible(bool visible) {
    m_overlayVisible = visible;
    update();
}

void ImageViewer::setEmptyMessage(const QString& message) {
    m_emptyMessage = message;
    update();
}

void ImageViewer::fitToWindow() {
    m_geometry.fit();
    update();
    Q_EMIT viewChanged();
}

void ImageViewer::zoomIn() {
    m_geometry.zoomBy(kWheelZoomStep, rect().center());
    update();
    Q_EMIT viewChanged();
}

void ImageViewer::zoomOut() {
    m_geometry.zoomBy(1.0 / kWheelZoomStep, rect().center());
    update();
    Q_EMIT viewChanged();
}

void ImageViewer::resetView() {
    m_geometry.reset();
    m_inverted = false;
    rerender();
    Q_EMIT viewChanged();
}

void ImageViewer::rotateClockwise() {
    m_geometry.rotateClockwise();
    update();
    Q_EMIT viewChanged();
}

void ImageViewer::flipHorizontal() {
    m_geometry.flipHorizontal();
    update();
    Q_EMIT viewChanged();
}

void ImageViewer::rerender() {
    if (!m_image) {
        m_rendered = QImage();
    } else {
        dicom::DisplayParams params;
        params.window = m_window;
        params.invert = m_inverted;
        m_rendered = toQImage(dicom::renderForDisplay(*m_image, params));
    }
    update();
}

void ImageViewer::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    m_geometry.setViewportSize(size());
}

void ImageViewer::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), Qt::black);
    if (m_rendered.isNull()) {
        painter.setPen(QColor(170, 180, 190));
        painter.drawText(rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap,
                         m_loading ? tr("Loading…") : m_emptyMessage);
        return;
    }
    painter.save();
    painter.setTransform(m_geometry.imageToWidget());
    // Magnified pixels stay crisp squares, as diagnostic viewers show them; minified images
    // are smoothed so that fine lines do not alias away.
    painter.setRenderHint(QPainter::SmoothPixmapTransform, m_geometry.zoom() < 1.0);
    painter.drawImage(QPointF(0, 0), m_rendered);
    painter.restore();
    if (m_underlay) {
        painter.save();
        m_underlay(painter);
        painter.restore();
    }
    if (m_overlayVisible) {
        paintOverlay(painter);
    }
}

void ImageViewer::setUnderlay(Underlay underlay) {
    m_underlay = std::move(underlay);
    update();
}

QString ImageViewer::windowLevelText() const {
    if (!frame().isGrey()) {
        return tr("Colour");
    }
    const QString values =
        tr("W %1  L %2").arg(std::lround(m_window.width)).arg(std::lround(m_window.center));
    return m_window.explanation.empty()
               ? values
               : values +
                     QStringLiteral("  (%1)").arg(QString::fromStdString(m_window.explanation));
}

void ImageViewer::paintOverlay(QPainter& painter) const {
    QFont font = painter.font();
    font.setPointSizeF(std::max(8.0, font.pointSizeF() - 0.5));
    painter.setFont(font);
    const QRect area = rect().adjusted(8, 6, -8, -6);
    const QString bottomRight = windowLevelText() + QLatin1Char('\n') +
                                tr("Zoom %1%").arg(std::lround(m_geometry.zoom() * 100)) +
                                (m_overlay.bottomRightExtra.isEmpty()
                                     ? QString()
                                     : QLatin1Char('\n') + m_overlay.bottomRightExtra);
    paintOverlayCorners(painter, area,
                        {m_overlay.topLeft, m_overlay.topRight, m_overlay.bottomLeft, bottomRight});
}

void ImageViewer::mousePressEvent(QMouseEvent* event) {
    m_lastMouse = event->position().toPoint();
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    if (event->button() == Qt::LeftButton) {
        m_drag = shift ? Drag::Pan : Drag::WindowLevel;
    } else if (event->button() == Qt::MiddleButton) {
        m_drag = Drag::Pan;
    } else if (event->button() == Qt::RightButton) {
        m_drag = Drag::Zoom;
    }
}

void ImageViewer::mouseMoveEvent(QMouseEvent* event) {
    const QPoint pos = event->position().toPoint();
    const QPoint delta = pos - m_lastMouse;
    m_lastMouse = pos;
    switch (m_drag) {
        case Drag::WindowLevel:
            dragWindowLevel(delta);
            break;
        case Drag::Pan:
            m_geometry.panBy(delta);
            update();
            Q_EMIT viewChanged();
            break;
        case Drag::Zoom:
            m_geometry.zoomBy(std::pow(1.01, -delta.y()), rect().center());
            update();
            Q_EMIT viewChanged();
            break;
        case Drag::None:
            break;
    }
}

void ImageViewer::dragWindowLevel(QPoint delta) {
    if (!frame().isGrey() || m_rendered.isNull()) {
        return;
    }
    // One viewport width of drag sweeps the whole value range, so sensitivity suits both
    // 8-bit photographs-as-DICOM and 16-bit CT.
    const double perPixel = m_valueSpan / std::max(200, width());
    dicom::WindowPreset w = m_window;
    w.width = std::max(1.0, w.width + delta.x() * perPixel);
    w.center += delta.y() * perPixel;
    w.explanation.clear();
    setWindow(w);
}

void ImageViewer::mouseReleaseEvent(QMouseEvent*) { m_drag = Drag::None; }

void ImageViewer::mouseDoubleClickEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        fitToWindow();
    }
}

void ImageViewer::wheelEvent(QWheelEvent* event) {
    const int dy = event->angleDelta().y();
    if (event->modifiers() & Qt::ControlModifier) {
        m_geometry.zoomBy(std::pow(kWheelZoomStep, dy / double(kWheelNotch)),
                          event->position());
        update();
        Q_EMIT viewChanged();
        return;
    }
    // Accumulate high-resolution wheel deltas into whole slice steps.
    m_wheelRemainder += dy;
    const int steps = m_wheelRemainder / kWheelNotch;
    m_wheelRemainder -= steps * kWheelNotch;
    if (steps != 0) {
        Q_EMIT stepRequested(-steps);
    }
}

}  // namespace ui
