#pragma once
// Draws annotations over the image in widget coordinates (device-independent pixels): shapes
// are mapped through the view transform, so they follow zoom, pan, rotation and flips, while
// line widths, handles and text keep their screen size and stay crisp at any device pixel
// ratio. Every line has a dark casing and every label a dark box, so both read on black
// and on white.
// Thread-safety: GUI thread (paints with a QPainter).

#include <QColor>
#include <QPainterPath>
#include <QList>
#include <QRectF>
#include <QTransform>
#include <QUuid>

#include "ui/measure/annotation.h"

class QPainter;

namespace ui {

struct PaintedLabel {
    QUuid id;
    QRectF rect;  // widget coordinates
};

class AnnotationPainter {
public:
    AnnotationPainter(QPainter& painter, const QTransform& imageToWidget, const QRectF& viewport);

    // Paints one annotation with its label; returns where the label went (empty: none).
    QRectF paint(const Annotation& annotation, bool selected, const QString& label);

private:
    void shape(const Annotation& a);
    void addEndTicks(QPainterPath& path, QPointF p, QPointF q) const;
    void stroke(const QPainterPath& widgetPath);
    void arrowHead(QPointF tip, QPointF tail);
    void handles(const Annotation& a);
    QRectF labelBox(const Annotation& a, const QString& text, QPointF anchor);
    QPointF labelAnchor(const Annotation& a) const;

    QPainter& m_painter;
    QTransform m_toWidget;
    QRectF m_viewport;
    QColor m_colour;
};

}  // namespace ui
