#pragma once
// SeriesViewer: an ImageViewer plus the series around it: a slice slider, stepping by wheel and
// keys, the frame list of the series (multi-frame instances expand to one entry per frame),
// overlay text, and background decoding with neighbour prefetch.
// Thread-safety: GUI thread only.

#include <QWidget>

#include "ui/study/study_session.h"
#include "ui/viewer/frame_cache.h"

class QLabel;
class QSlider;

namespace ui {

class ImageViewer;

struct FrameRef {
    int instance = 0;  // index into SeriesInfo::instances
    int frame = 0;     // 0-based frame within the instance
};

class SeriesViewer : public QWidget {
    Q_OBJECT
public:
    explicit SeriesViewer(FrameCache& cache, QWidget* parent = nullptr);

    void showSeries(const SeriesRef& series);
    void clear();
    void setIndex(int index);
    void step(int delta);

    int index() const { return m_index; }
    int frameCount() const { return int(m_frames.size()); }
    const SeriesRef& series() const { return m_series; }
    // The instance shown now; null when empty.
    const dicom::InstanceInfo* currentInstance() const;
    FrameRef currentFrame() const;
    ImageViewer* viewer() const { return m_viewer; }

Q_SIGNALS:
    void indexChanged(int index, int count);
    void frameShown();
    void frameFailed(const QString& message);

private:
    void showCurrent();
    void onFrameReady(const QString& key);
    void prefetchNeighbours();
    void updateOverlay();
    double pixelAspect(const dicom::InstanceInfo& instance) const;

    FrameCache& m_cache;
    ImageViewer* m_viewer = nullptr;
    QSlider* m_slider = nullptr;
    QLabel* m_position = nullptr;
    SeriesRef m_series;
    std::vector<FrameRef> m_frames;
    int m_index = -1;
    bool m_windowSet = false;  // the first frame of a series sets the window; scrolling keeps it
    QString m_waitingFor;
};

}  // namespace ui
