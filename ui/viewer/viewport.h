#pragma once
// Viewport: one cell of the viewer layout: a series viewer with its annotation layer, framed
// by a border that is highlighted while the viewport is the active one (the one the browser,
// keyboard and toolbar act on). A click or focus inside activates it; a series dragged from
// the browser can be dropped on it.
// Ownership: owns its viewer and layer; cache and store are not owned.
// Thread-safety: GUI thread only.

#include <QWidget>

namespace ui {

class AnnotationLayer;
class AnnotationStore;
class FrameCache;
class OverlayPlanes;
class SeriesViewer;

class Viewport : public QWidget {
    Q_OBJECT
public:
    Viewport(FrameCache& cache, AnnotationStore& store, QWidget* parent = nullptr);

    SeriesViewer* seriesViewer() const { return m_series; }
    AnnotationLayer* annotations() const { return m_annotations; }
    OverlayPlanes* overlayPlanes() const { return m_overlayPlanes; }
    void setActive(bool active);
    bool isActive() const { return m_active; }
    // Draw the highlight only when there is more than one viewport to tell apart.
    void setHighlightEnabled(bool enabled);

Q_SIGNALS:
    void activated();
    void seriesDropped(const QString& seriesUid);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    SeriesViewer* m_series = nullptr;
    OverlayPlanes* m_overlayPlanes = nullptr;  // under the annotations
    AnnotationLayer* m_annotations = nullptr;
    bool m_active = false;
    bool m_highlight = false;
};

}  // namespace ui
