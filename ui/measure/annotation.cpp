#include "ui/measure/annotation.h"

#include <algorithm>

#include <QJsonArray>

namespace ui {
namespace {

struct KindName {
    AnnotationKind kind;
    const char* name;
};

// Stable names: they are written to the sidecar files.
constexpr KindName kKindNames[] = {
    {AnnotationKind::Length, "length"},   {AnnotationKind::Angle, "angle"},
    {AnnotationKind::Ellipse, "ellipse"}, {AnnotationKind::Rectangle, "rectangle"},
    {AnnotationKind::Arrow, "arrow"},     {AnnotationKind::Text, "text"},
};

QString nameOf(AnnotationKind kind) {
    for (const KindName& k : kKindNames) {
        if (k.kind == kind) {
            return QString::fromLatin1(k.name);
        }
    }
    return {};
}

std::optional<AnnotationKind> kindNamed(const QString& name) {
    for (const KindName& k : kKindNames) {
        if (name == QLatin1String(k.name)) {
            return k.kind;
        }
    }
    return std::nullopt;
}

}  // namespace

QRectF Annotation::bounds() const {
    if (points.isEmpty()) {
        return {};
    }
    QRectF r(points.first(), points.first());
    for (const QPointF& p : points) {
        r.setLeft(std::min(r.left(), p.x()));
        r.setRight(std::max(r.right(), p.x()));
        r.setTop(std::min(r.top(), p.y()));
        r.setBottom(std::max(r.bottom(), p.y()));
    }
    return r;
}

void Annotation::translate(QPointF delta) {
    for (QPointF& p : points) {
        p += delta;
    }
}

bool Annotation::operator==(const Annotation& other) const {
    return id == other.id && kind == other.kind && points == other.points && text == other.text;
}

int pointCount(AnnotationKind kind) {
    switch (kind) {
        case AnnotationKind::Angle:
            return 3;
        case AnnotationKind::Text:
            return 1;
        default:
            return 2;
    }
}

QJsonObject toJson(const Annotation& annotation) {
    QJsonArray points;
    for (const QPointF& p : annotation.points) {
        points.append(QJsonArray{p.x(), p.y()});
    }
    QJsonObject object{{QStringLiteral("id"), annotation.id.toString(QUuid::WithoutBraces)},
                       {QStringLiteral("kind"), nameOf(annotation.kind)},
                       {QStringLiteral("points"), points}};
    if (!annotation.text.isEmpty()) {
        object.insert(QStringLiteral("text"), annotation.text);
    }
    return object;
}

std::optional<Annotation> annotationFromJson(const QJsonObject& object) {
    const auto kind = kindNamed(object.value(QStringLiteral("kind")).toString());
    if (!kind) {
        return std::nullopt;
    }
    Annotation a;
    a.kind = *kind;
    a.id = QUuid::fromString(object.value(QStringLiteral("id")).toString());
    if (a.id.isNull()) {
        a.id = QUuid::createUuid();
    }
    a.text = object.value(QStringLiteral("text")).toString();
    for (const QJsonValue& value : object.value(QStringLiteral("points")).toArray()) {
        const QJsonArray xy = value.toArray();
        if (xy.size() != 2 || !xy[0].isDouble() || !xy[1].isDouble()) {
            return std::nullopt;
        }
        a.points.append(QPointF(xy[0].toDouble(), xy[1].toDouble()));
    }
    if (a.points.size() != pointCount(a.kind)) {
        return std::nullopt;
    }
    return a;
}

}  // namespace ui
