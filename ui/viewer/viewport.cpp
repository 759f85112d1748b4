#include "ui/viewer/viewport.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QPainter>
#include <QVBoxLayout>

#include "ui/common/series_drag.h"
#include "ui/measure/annotation_layer.h"
#include "ui/viewer/image_viewer.h"
#include "ui/viewer/overlay_planes.h"
#include "ui/viewer/series_viewer.h"

namespace ui {
namespace {
constexpr int kBorder = 2;  // widget pixels
const QColor kActiveBorder(64, 160, 255);
const QColor kIdleBorder(40, 40, 40);
}  // namespace

Viewport::Viewport(FrameCache& cache, AnnotationStore& store, QWidget* parent) : QWidget(parent) {
    m_series = new SeriesViewer(cache, this);
    m_overlayPlanes = new OverlayPlanes(*m_series);
    m_annotations = new AnnotationLayer(*m_series, store);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(kBorder, kBorder, kBorder, kBorder);
    layout->addWidget(m_series);
    setAcceptDrops(true);
    // Presses on the image; focus anywhere inside (slider, cine controls) is watched by the
    // grid.
    m_series->viewer()->installEventFilter(this);
}

void Viewport::setActive(bool active) {
    if (active != m_active) {
        m_active = active;
        update();
    }
}

void Viewport::setHighlightEnabled(bool enabled) {
    m_highlight = enabled;
    update();
}

bool Viewport::eventFilter(QObject* watched, QEvent* event) {
    // A click on the image makes this the active viewport before the click does its work.
    if (event->type() == QEvent::MouseButtonPress && !m_active) {
        Q_EMIT activated();
    }
    return QWidget::eventFilter(watched, event);
}

void Viewport::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const bool lit = m_active && m_highlight;
    painter.setPen(QPen(lit ? kActiveBorder : kIdleBorder, kBorder));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(
        QRectF(rect()).adjusted(kBorder / 2.0, kBorder / 2.0, -kBorder / 2.0, -kBorder / 2.0));
}

void Viewport::dragEnterEvent(QDragEnterEvent* event) {
    if (!draggedSeriesUid(event->mimeData()).isEmpty()) {
        event->acceptProposedAction();
    } else {
        event->ignore();  // files go to the main window, which opens them
    }
}

void Viewport::dropEvent(QDropEvent* event) {
    const QString uid = draggedSeriesUid(event->mimeData());
    if (uid.isEmpty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    Q_EMIT activated();
    Q_EMIT seriesDropped(uid);
}

}  // namespace ui
