#include "ui/assistant/region_overlay.h"

#include <cmath>

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include "ui/viewer/image_viewer.h"

namespace ui {
namespace {

const QColor kRegionColour(255, 200, 40);

}  // namespace

RegionOverlay::RegionOverlay(ImageViewer* viewer) : QWidget(viewer), m_viewer(viewer) {
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::NoFocus);
    resize(viewer->size());
    viewer->installEventFilter(this);
    // The dimming goes under the viewer's corner texts; a layer on top would dim them too
    // wherever the image reaches the corners.
    viewer->setUnderlay([this](QPainter& painter) { paintDimming(painter); });
}

RegionOverlay::~RegionOverlay() { m_viewer->setUnderlay({}); }

bool RegionOverlay::event(QEvent* event) {
    // Esc is also the window's "stop drafting" shortcut; while drawing it cancels the drawing.
    if (event->type() == QEvent::ShortcutOverride && m_drawing &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape) {
        event->accept();
        return true;
    }
    return QWidget::event(event);
}

bool RegionOverlay::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_viewer && event->type() == QEvent::Resize) {
        resize(m_viewer->size());
    }
    return QWidget::eventFilter(watched, event);
}

void RegionOverlay::setRegion(const QRect& imageRect) {
    m_region = imageRect;
    repaintAll();
}

// The dimming is painted by the viewer, the frame and labels by this layer.
void RegionOverlay::repaintAll() {
    update();
    m_viewer->update();
}

void RegionOverlay::setMarked(bool marked) {
    m_marked = marked;
    update();
}

void RegionOverlay::setDrawing(bool drawing) {
    if (drawing == m_drawing) {
        return;
    }
    m_drawing = drawing && m_viewer->hasImage();
    m_dragging = false;
    setAttribute(Qt::WA_TransparentForMouseEvents, !m_drawing);
    setCursor(m_drawing ? Qt::CrossCursor : Qt::ArrowCursor);
    setFocusPolicy(m_drawing ? Qt::StrongFocus : Qt::NoFocus);
    if (m_drawing) {
        raise();
        setFocus();
    }
    repaintAll();
    Q_EMIT drawingChanged(m_drawing);
}

QRect RegionOverlay::imageRectBetween(QPointF a, QPointF b) const {
    const QPointF p = m_viewer->geometryState().mapToImage(a);
    const QPointF q = m_viewer->geometryState().mapToImage(b);
    const QRect frame(0, 0, m_viewer->frame().width, m_viewer->frame().height);
    const QPoint topLeft(int(std::floor(std::min(p.x(), q.x()))),
                         int(std::floor(std::min(p.y(), q.y()))));
    const QPoint bottomRight(int(std::ceil(std::max(p.x(), q.x()))),
                             int(std::ceil(std::max(p.y(), q.y()))));
    return QRect(topLeft, bottomRight - QPoint(1, 1)).intersected(frame);
}

QPolygonF RegionOverlay::toWidget(const QRect& r) const {
    const QTransform t = m_viewer->geometryState().imageToWidget();
    return t.map(QPolygonF(QRectF(r)));
}

void RegionOverlay::paintEvent(QPaintEvent*) {
    if (!m_viewer->hasImage()) {
        return;
    }
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRect shown = shownRegion();
    if (!shown.isEmpty()) {
        paintRegion(painter, shown);
    }
    if (m_marked && !m_drawing) {
        // A frame around the viewport says "this image goes to the model" without covering
        // any of the corner texts.
        painter.setPen(QPen(kRegionColour, 3));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(rect()).adjusted(1.5, 1.5, -1.5, -1.5));
    }
    paintBadge(painter);
}

QRect RegionOverlay::shownRegion() const { return m_dragging ? m_rubber : m_region; }

void RegionOverlay::paintDimming(QPainter& painter) const {
    const QRect shown = shownRegion();
    if (shown.isEmpty() || !m_viewer->hasImage()) {
        return;
    }
    // Only the image outside the region is dimmed.
    const QRect frame(0, 0, m_viewer->frame().width, m_viewer->frame().height);
    QPainterPath outside;
    outside.addPolygon(toWidget(frame));
    QPainterPath inside;
    inside.addPolygon(toWidget(shown));
    painter.fillPath(outside.subtracted(inside), QColor(0, 0, 0, 90));
}

void RegionOverlay::paintRegion(QPainter& painter, const QRect& shown) const {
    painter.setPen(QPen(kRegionColour, 1.5, Qt::DashLine));
    painter.setBrush(Qt::NoBrush);
    painter.drawPolygon(toWidget(shown));
    painter.drawText(toWidget(shown).boundingRect().topLeft() + QPointF(4, -5),
                     tr("Model region %1 × %2 px").arg(shown.width()).arg(shown.height()));
}

void RegionOverlay::paintBadge(QPainter& painter) const {
    QString text;
    if (m_drawing) {
        text = tr("Drag a rectangle for the model (Esc cancels)");
    } else if (m_marked) {
        text = tr("Marked for the model");
    }
    if (text.isEmpty()) {
        return;
    }
    // Bottom centre, between the corner texts.
    const QRect box = painter.fontMetrics().boundingRect(text).adjusted(-8, -3, 8, 3);
    const QRect at(QPoint((width() - box.width()) / 2, height() - box.height() - 10), box.size());
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0, 0, 0, 170));
    painter.drawRoundedRect(at, 4, 4);
    painter.setPen(kRegionColour);
    painter.drawText(at, Qt::AlignCenter, text);
}

void RegionOverlay::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) {
        return;
    }
    m_dragging = true;
    m_pressAt = event->position();
    m_rubber = imageRectBetween(m_pressAt, m_pressAt);
    repaintAll();
}

void RegionOverlay::mouseMoveEvent(QMouseEvent* event) {
    if (m_dragging) {
        m_rubber = imageRectBetween(m_pressAt, event->position());
        repaintAll();
    }
}

void RegionOverlay::mouseReleaseEvent(QMouseEvent* event) {
    if (!m_dragging || event->button() != Qt::LeftButton) {
        return;
    }
    const QRect drawn = imageRectBetween(m_pressAt, event->position());
    setDrawing(false);
    // A click without a drag is not a region; a few pixels are a slip of the hand.
    if (drawn.width() >= 8 && drawn.height() >= 8) {
        Q_EMIT regionDrawn(drawn);
    }
}

void RegionOverlay::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape) {
        setDrawing(false);
        return;
    }
    QWidget::keyPressEvent(event);
}

}  // namespace ui
