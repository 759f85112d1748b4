#pragma once
// AnnotationLayer: the measurements and notes of the frame a series viewer shows, drawn over
// its image and edited with the mouse. It covers the viewer as a transparent child and watches
// the viewer's mouse events: a left press on an annotation selects and moves it; with a drawing
// tool a left drag draws; everything else (window/level, pan, zoom, scrolling) reaches the
// viewer untouched. Annotations belong to the frame on screen (SOP Instance UID + frame),
// including while the next frame is still decoding, and live in the AnnotationStore.
// Ownership: a child of the viewer's ImageViewer; the store is not owned and must outlive it.
// Thread-safety: GUI thread only.

#include <functional>
#include <optional>

#include <QHash>
#include <QWidget>

#include "ui/measure/annotation_editor.h"
#include "ui/measure/annotation_painter.h"
#include "ui/measure/annotation_store.h"
#include "ui/measure/measure_tool.h"
#include "ui/measure/measurement_label.h"

namespace ui {

class SeriesViewer;

class AnnotationLayer : public QWidget {
    Q_OBJECT
public:
    // Asks for the text of a note; nullopt when the user cancels.
    using TextPrompt =
        std::function<std::optional<QString>(QWidget* parent, const QString& current)>;

    AnnotationLayer(SeriesViewer& series, AnnotationStore& store);

    void setTool(MeasureTool tool);
    MeasureTool tool() const { return m_tool; }
    void setTextPrompt(TextPrompt prompt) { m_textPrompt = std::move(prompt); }

    // The frame on screen and its annotations.
    const ImageKey& imageKey() const { return m_key; }
    const QList<Annotation>& annotations() const { return m_editor.annotations(); }
    QUuid selected() const { return m_editor.selected(); }
    QString labelOf(const Annotation& annotation);
    bool deleteSelected();

Q_SIGNALS:
    void selectionChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void onFrameShown();
    void reload();
    bool mousePress(QMouseEvent* event);
    bool mouseMove(QMouseEvent* event);
    bool mouseRelease(QMouseEvent* event);
    bool doubleClick(QMouseEvent* event);
    void apply(const AnnotationEditor::Outcome& outcome);
    void askText();
    QPointF toImage(QPointF widgetPoint) const;
    double widgetToImageScale() const;
    QUuid labelAt(QPointF widgetPoint) const;

    SeriesViewer& m_series;
    AnnotationStore& m_store;
    AnnotationEditor m_editor;
    MeasureTool m_tool = MeasureTool::WindowLevel;
    ImageKey m_key;
    MeasureContext m_context;
    TextPrompt m_textPrompt;
    QList<PaintedLabel> m_labels;                           // where the last paint put each label
    QHash<QUuid, QPair<Annotation, QString>> m_labelCache;  // region statistics are not free
    bool m_pressTaken = false;  // the press went to the annotations: so do its moves and release
};

}  // namespace ui
