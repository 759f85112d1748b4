#pragma once
// The editing rules for the annotations of one frame, free of widgets so they can be reasoned
// about alone: drawing with a tool (press, drag, release; the angle takes a third click),
// selecting by a click on a point, an outline or a label, moving a point or the whole
// annotation, deleting the selection. All coordinates are image pixels.
// Thread-safety: a plain object for the GUI thread.

#include <optional>

#include <QList>
#include <QPointF>
#include <QUuid>

#include "ui/measure/annotation.h"
#include "ui/measure/measure_tool.h"

namespace ui {

class AnnotationEditor {
public:
    struct Outcome {
        bool consumed = false;               // the press belongs to the annotations
        std::optional<Annotation> finished;  // a new annotation, complete
        std::optional<Annotation> changed;   // an existing one after a move
        bool needsText = false;              // a text annotation waits for finishText()
    };

    // Replaces the frame's annotations; a drawing or drag in progress is dropped.
    void setAnnotations(const QList<Annotation>& annotations);
    const QList<Annotation>& annotations() const { return m_annotations; }
    // The annotation being drawn, if any.
    const std::optional<Annotation>& draft() const { return m_draft; }
    QUuid selected() const { return m_selected; }
    void select(const QUuid& id) { m_selected = id; }

    // `tolerance`: how far from a point or outline a press still hits it (image pixels).
    // `labelHit`: the annotation whose label is under the press, if any.
    Outcome press(QPointF at, double tolerance, MeasureTool tool, const QUuid& labelHit = {});
    Outcome move(QPointF to);
    // `minimumSize`: a drawing shorter than this (image pixels) was a click and is dropped.
    Outcome release(QPointF at, double minimumSize);
    Outcome finishText(const QString& text);  // empty text cancels

    bool isBusy() const { return m_gesture != Gesture::None; }
    bool wantsHover() const { return m_gesture == Gesture::AngleThirdPoint; }
    void cancel();
    // Removes the selected annotation from the list; returns its id.
    std::optional<QUuid> removeSelected();

private:
    enum class Gesture { None, Draw, AngleThirdPoint, MovePoint, MoveWhole, WaitText };

    Annotation* find(const QUuid& id);
    bool hitPoint(QPointF at, double tolerance);
    bool hitOutline(QPointF at, double tolerance);
    Outcome startDrawing(QPointF at, AnnotationKind kind);

    QList<Annotation> m_annotations;
    std::optional<Annotation> m_draft;
    QUuid m_selected;
    Gesture m_gesture = Gesture::None;
    int m_pointIndex = -1;  // MovePoint
    QPointF m_last;         // MoveWhole
};

// Distance from `p` to the outline of `a` (image pixels).
double outlineDistance(const Annotation& a, QPointF p);

}  // namespace ui
