#include "ui/measure/annotation_painter.h"

#include <algorithm>
#include <cmath>

#include <QPainter>
#include <QPainterPath>

namespace ui {
namespace {

const QColor kNormal(255, 214, 64);
const QColor kSelected(64, 224, 255);
const QColor kCasing(0, 0, 0, 170);
const QColor kLabelBox(0, 0, 0, 175);
constexpr double kLineWidth = 1.5;
constexpr double kCasingWidth = 3.5;
constexpr double kHandle = 7.0;
constexpr double kArrowHead = 12.0;
constexpr double kTick = 5.0;  // half length of a length's end bars
constexpr double kLabelGap = 10.0;

}  // namespace

AnnotationPainter::AnnotationPainter(QPainter& painter, const QTransform& imageToWidget,
                                     const QRectF& viewport)
    : m_painter(painter), m_toWidget(imageToWidget), m_viewport(viewport) {}

QRectF AnnotationPainter::paint(const Annotation& annotation, bool selected, const QString& label) {
    m_colour = selected ? kSelected : kNormal;
    m_painter.save();
    m_painter.setRenderHint(QPainter::Antialiasing, true);
    shape(annotation);
    if (selected) {
        handles(annotation);
    }
    const QRectF box =
        label.isEmpty() ? QRectF() : labelBox(annotation, label, labelAnchor(annotation));
    m_painter.restore();
    return box;
}

void AnnotationPainter::shape(const Annotation& a) {
    QPainterPath path;
    switch (a.kind) {
        case AnnotationKind::Length:
        case AnnotationKind::Arrow:
            path.moveTo(a.points[0]);
            path.lineTo(a.points[1]);
            break;
        case AnnotationKind::Angle:
            path.moveTo(a.points[0]);
            for (int i = 1; i < a.points.size(); ++i) {
                path.lineTo(a.points[i]);
            }
            break;
        case AnnotationKind::Ellipse:
            path.addEllipse(a.bounds());
            break;
        case AnnotationKind::Rectangle:
            path.addRect(a.bounds());
            break;
        case AnnotationKind::Text:
            return;  // the label is the annotation
    }
    QPainterPath onScreen = m_toWidget.map(path);
    if (a.kind == AnnotationKind::Length) {
        addEndTicks(onScreen, m_toWidget.map(a.points[0]), m_toWidget.map(a.points[1]));
    }
    stroke(onScreen);
    if (a.kind == AnnotationKind::Arrow) {
        arrowHead(m_toWidget.map(a.points[0]), m_toWidget.map(a.points[1]));
    }
}

void AnnotationPainter::addEndTicks(QPainterPath& path, QPointF p, QPointF q) const {
    // Short cross bars mark exactly where a distance starts and ends.
    const QPointF d = q - p;
    const double length = std::hypot(d.x(), d.y());
    if (length < 1e-6) {
        return;
    }
    const QPointF n = QPointF(-d.y(), d.x()) / length * kTick;
    for (const QPointF end : {p, q}) {
        path.moveTo(end - n);
        path.lineTo(end + n);
    }
}

void AnnotationPainter::stroke(const QPainterPath& widgetPath) {
    m_painter.setBrush(Qt::NoBrush);
    m_painter.setPen(QPen(kCasing, kCasingWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    m_painter.drawPath(widgetPath);
    m_painter.setPen(QPen(m_colour, kLineWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    m_painter.drawPath(widgetPath);
}

void AnnotationPainter::arrowHead(QPointF tip, QPointF tail) {
    const QPointF d = tip - tail;
    const double length = std::hypot(d.x(), d.y());
    if (length < 1e-6) {
        return;
    }
    const QPointF u = d / length;
    const QPointF n(-u.y(), u.x());
    const QPointF base = tip - u * kArrowHead;
    QPainterPath head;
    head.moveTo(tip);
    head.lineTo(base + n * kArrowHead * 0.45);
    head.lineTo(base - n * kArrowHead * 0.45);
    head.closeSubpath();
    m_painter.setPen(QPen(kCasing, 1.5));
    m_painter.setBrush(m_colour);
    m_painter.drawPath(head);
}

void AnnotationPainter::handles(const Annotation& a) {
    m_painter.setPen(QPen(kCasing, 1.0));
    m_painter.setBrush(m_colour);
    for (const QPointF& p : a.points) {
        const QPointF w = m_toWidget.map(p);
        m_painter.drawRect(QRectF(w.x() - kHandle / 2, w.y() - kHandle / 2, kHandle, kHandle));
    }
}

QPointF AnnotationPainter::labelAnchor(const Annotation& a) const {
    switch (a.kind) {
        case AnnotationKind::Angle:
            return m_toWidget.map(a.points[1]);
        case AnnotationKind::Ellipse:
        case AnnotationKind::Rectangle: {
            // Right of the shape as it appears on screen, whatever the rotation.
            const QRectF onScreen = m_toWidget.mapRect(a.bounds());
            return QPointF(onScreen.right(), onScreen.center().y());
        }
        case AnnotationKind::Text:
            return m_toWidget.map(a.points[0]) - QPointF(kLabelGap, 0);
        default: {
            const QPointF p = m_toWidget.map(a.points[0]);
            const QPointF q = m_toWidget.map(a.points[1]);
            return p.x() > q.x() ? p : q;  // beside the right-hand end
        }
    }
}

QRectF AnnotationPainter::labelBox(const Annotation& a, const QString& text, QPointF anchor) {
    const QFontMetricsF metrics(m_painter.font());
    const QRectF textRect =
        metrics.boundingRect(QRectF(0, 0, 1000, 1000), Qt::AlignLeft | Qt::AlignTop, text);
    QRectF box(anchor + QPointF(kLabelGap, -textRect.height() / 2), textRect.size() + QSizeF(8, 4));
    // Keep the label on screen, so measurements near the edges stay readable.
    box.moveLeft(std::clamp(box.left(), m_viewport.left() + 2,
                            std::max(m_viewport.left() + 2, m_viewport.right() - box.width() - 2)));
    box.moveTop(std::clamp(box.top(), m_viewport.top() + 2,
                           std::max(m_viewport.top() + 2, m_viewport.bottom() - box.height() - 2)));
    m_painter.setPen(a.kind == AnnotationKind::Text ? QPen(m_colour, 1.0) : Qt::NoPen);
    m_painter.setBrush(kLabelBox);
    m_painter.drawRoundedRect(box, 3, 3);
    m_painter.setPen(m_colour);
    m_painter.drawText(box.adjusted(4, 2, -4, -2), Qt::AlignLeft | Qt::AlignTop, text);
    return box;
}

}  // namespace ui
