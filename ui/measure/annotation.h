#pragma once
// One measurement or note drawn on a frame, in image pixel coordinates (x = column, y = row;
// pixel (c, r) covers [c, c+1) x [r, r+1)), so it follows zoom, pan, rotation and flips.
// Points per kind: Length and Arrow 2 (for Arrow: tip, then tail); Angle 3 (arm end, vertex,
// arm end); Ellipse and Rectangle 2 (opposite corners of the bounding box); Text 1 (anchor).
// Thread-safety: plain values and pure functions.

#include <optional>

#include <QJsonObject>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QUuid>

namespace ui {

enum class AnnotationKind { Length, Angle, Ellipse, Rectangle, Arrow, Text };

struct Annotation {
    QUuid id;
    AnnotationKind kind = AnnotationKind::Length;
    QList<QPointF> points;  // image pixels
    QString text;           // Text: the note

    bool isRegion() const {
        return kind == AnnotationKind::Ellipse || kind == AnnotationKind::Rectangle;
    }
    QRectF bounds() const;  // normalised rectangle through the points
    void translate(QPointF delta);
    bool operator==(const Annotation& other) const;
};

// How many points a finished annotation of `kind` has.
int pointCount(AnnotationKind kind);

QJsonObject toJson(const Annotation& annotation);
// Null when the object is not a well-formed annotation (unknown kind, wrong point count).
std::optional<Annotation> annotationFromJson(const QJsonObject& object);

}  // namespace ui
