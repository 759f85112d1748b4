#include "ui/measure/annotation_editor.h"

#include <algorithm>
#include <cmath>

namespace ui {
namespace {

double segmentDistance(QPointF p, QPointF a, QPointF b) {
    const QPointF ab = b - a;
    const double lengthSquared = QPointF::dotProduct(ab, ab);
    const double t = lengthSquared > 0
                         ? std::clamp(QPointF::dotProduct(p - a, ab) / lengthSquared, 0.0, 1.0)
                         : 0.0;
    const QPointF d = p - (a + t * ab);
    return std::hypot(d.x(), d.y());
}

double ellipseDistance(const QRectF& r, QPointF p) {
    const double rx = r.width() / 2;
    const double ry = r.height() / 2;
    if (rx <= 0 || ry <= 0) {
        return segmentDistance(p, r.topLeft(), r.bottomRight());
    }
    // Radial distance to the outline: exact for circles, close enough to hit-test ellipses.
    const QPointF d = p - r.center();
    const double normalised = std::hypot(d.x() / rx, d.y() / ry);
    return std::abs(normalised - 1.0) * std::min(rx, ry);
}

double rectangleDistance(const QRectF& r, QPointF p) {
    const QPointF corners[] = {r.topLeft(), r.topRight(), r.bottomRight(), r.bottomLeft()};
    double best = segmentDistance(p, corners[3], corners[0]);
    for (int i = 0; i < 3; ++i) {
        best = std::min(best, segmentDistance(p, corners[i], corners[i + 1]));
    }
    return best;
}

AnnotationEditor::Outcome taken() {
    AnnotationEditor::Outcome out;
    out.consumed = true;
    return out;
}

}  // namespace

double outlineDistance(const Annotation& a, QPointF p) {
    switch (a.kind) {
        case AnnotationKind::Length:
        case AnnotationKind::Arrow:
            return segmentDistance(p, a.points[0], a.points[1]);
        case AnnotationKind::Angle:
            return std::min(segmentDistance(p, a.points[0], a.points[1]),
                            segmentDistance(p, a.points[1], a.points[2]));
        case AnnotationKind::Ellipse:
            return ellipseDistance(a.bounds(), p);
        case AnnotationKind::Rectangle:
            return rectangleDistance(a.bounds(), p);
        case AnnotationKind::Text:
            return std::hypot(p.x() - a.points[0].x(), p.y() - a.points[0].y());
    }
    return 1e9;
}

void AnnotationEditor::setAnnotations(const QList<Annotation>& annotations) {
    m_annotations = annotations;
    cancel();
    if (!find(m_selected)) {
        m_selected = QUuid();
    }
}

Annotation* AnnotationEditor::find(const QUuid& id) {
    for (Annotation& a : m_annotations) {
        if (!id.isNull() && a.id == id) {
            return &a;
        }
    }
    return nullptr;
}

bool AnnotationEditor::hitPoint(QPointF at, double tolerance) {
    // The selected annotation's points win over others stacked at the same place.
    QList<Annotation*> order;
    if (Annotation* s = find(m_selected)) {
        order.append(s);
    }
    for (Annotation& a : m_annotations) {
        order.append(&a);
    }
    for (Annotation* a : order) {
        for (int i = 0; i < a->points.size(); ++i) {
            const QPointF d = a->points[i] - at;
            if (std::hypot(d.x(), d.y()) <= tolerance) {
                m_selected = a->id;
                m_pointIndex = i;
                m_gesture =
                    a->kind == AnnotationKind::Text ? Gesture::MoveWhole : Gesture::MovePoint;
                return true;
            }
        }
    }
    return false;
}

bool AnnotationEditor::hitOutline(QPointF at, double tolerance) {
    for (auto it = m_annotations.crbegin(); it != m_annotations.crend(); ++it) {
        if (outlineDistance(*it, at) <= tolerance) {
            m_selected = it->id;
            m_gesture = Gesture::MoveWhole;
            return true;
        }
    }
    return false;
}

AnnotationEditor::Outcome AnnotationEditor::press(QPointF at, double tolerance, MeasureTool tool,
                                                  const QUuid& labelHit) {
    if (m_gesture == Gesture::AngleThirdPoint) {
        m_draft->points[2] = at;
        return release(at, 0);
    }
    cancel();
    m_last = at;
    if (hitPoint(at, tolerance) || hitOutline(at, tolerance)) {
        return taken();
    }
    if (find(labelHit)) {
        m_selected = labelHit;
        m_gesture = Gesture::MoveWhole;
        return taken();
    }
    m_selected = QUuid();
    const auto kind = kindDrawnBy(tool);
    return kind ? startDrawing(at, *kind) : Outcome{};
}

AnnotationEditor::Outcome AnnotationEditor::startDrawing(QPointF at, AnnotationKind kind) {
    Annotation a;
    a.id = QUuid::createUuid();
    a.kind = kind;
    a.points = {at};
    if (kind == AnnotationKind::Text) {
        m_draft = a;
        m_gesture = Gesture::WaitText;
        Outcome out = taken();
        out.needsText = true;
        return out;
    }
    a.points.append(at);
    m_draft = a;
    m_gesture = Gesture::Draw;
    return taken();
}

AnnotationEditor::Outcome AnnotationEditor::move(QPointF to) {
    switch (m_gesture) {
        case Gesture::Draw:
        case Gesture::AngleThirdPoint:
            m_draft->points.last() = to;
            return taken();
        case Gesture::MovePoint:
            find(m_selected)->points[m_pointIndex] = to;
            return taken();
        case Gesture::MoveWhole:
            find(m_selected)->translate(to - m_last);
            m_last = to;
            return taken();
        default:
            return {};
    }
}

AnnotationEditor::Outcome AnnotationEditor::release(QPointF at, double minimumSize) {
    Outcome out;
    out.consumed = m_gesture != Gesture::None && m_gesture != Gesture::WaitText;
    if (m_gesture == Gesture::MovePoint || m_gesture == Gesture::MoveWhole) {
        out.changed = *find(m_selected);
        m_gesture = Gesture::None;
        return out;
    }
    if (m_gesture == Gesture::Draw) {
        m_draft->points.last() = at;
        const QPointF d = m_draft->points[1] - m_draft->points[0];
        if (std::hypot(d.x(), d.y()) < minimumSize) {
            cancel();  // a click, not a drawing
            return out;
        }
        if (m_draft->kind == AnnotationKind::Angle) {
            m_draft->points.append(at);  // the second arm follows the mouse until a click
            m_gesture = Gesture::AngleThirdPoint;
            return out;
        }
    }
    if (m_gesture == Gesture::Draw || m_gesture == Gesture::AngleThirdPoint) {
        out.finished = *m_draft;
        m_annotations.append(*m_draft);
        m_selected = m_draft->id;
        m_draft.reset();
        m_gesture = Gesture::None;
    }
    return out;
}

AnnotationEditor::Outcome AnnotationEditor::finishText(const QString& text) {
    Outcome out = taken();
    if (m_gesture != Gesture::WaitText || text.trimmed().isEmpty()) {
        cancel();
        return out;
    }
    m_draft->text = text.trimmed();
    out.finished = *m_draft;
    m_annotations.append(*m_draft);
    m_selected = m_draft->id;
    m_draft.reset();
    m_gesture = Gesture::None;
    return out;
}

void AnnotationEditor::cancel() {
    m_draft.reset();
    m_gesture = Gesture::None;
    m_pointIndex = -1;
}

std::optional<QUuid> AnnotationEditor::removeSelected() {
    const QUuid id = m_selected;
    if (id.isNull() ||
        m_annotations.removeIf([&id](const Annotation& a) { return a.id == id; }) == 0) {
        return std::nullopt;
    }
    m_selected = QUuid();
    cancel();
    return id;
}

}  // namespace ui
