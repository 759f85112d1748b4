#pragma once
// ViewerGrid: the viewports in a 1x1, 1x2 or 2x2 layout, one of them active. Four viewports
// exist from the start; a layout shows the first one, two or four, and a viewport that is
// hidden keeps its series for when it comes back.
// Ownership: owns the viewports. Thread-safety: GUI thread only.

#include <array>

#include <QList>
#include <QWidget>

class QGridLayout;

namespace ui {

class AnnotationStore;
class FrameCache;
class SeriesViewer;
class Viewport;

enum class ViewerLayout { Single, SideBySide, Quad };

class ViewerGrid : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaximumViewports = 4;

    ViewerGrid(FrameCache& cache, AnnotationStore& store, QWidget* parent = nullptr);

    void setViewerLayout(ViewerLayout layout);
    ViewerLayout viewerLayout() const { return m_layout; }
    int visibleCount() const;

    Viewport* viewport(int index) const { return m_viewports.at(std::size_t(index)); }
    QList<Viewport*> visibleViewports() const;
    QList<SeriesViewer*> seriesViewers() const;  // all four, visible or not
    int activeIndex() const { return m_active; }
    Viewport* active() const { return viewport(m_active); }
    SeriesViewer* activeViewer() const;
    void setActive(int index);  // clamped to the visible viewports
    void activateNext();        // cycles through the visible viewports

    void clearAll();

Q_SIGNALS:
    void activeChanged(int index);
    void layoutChanged(ViewerLayout layout);
    void seriesDropped(int viewport, const QString& seriesUid);

private:
    void onFocusChanged(QWidget* now);

    std::array<Viewport*, kMaximumViewports> m_viewports{};
    QGridLayout* m_grid = nullptr;
    ViewerLayout m_layout = ViewerLayout::Single;
    int m_active = 0;
};

}  // namespace ui
