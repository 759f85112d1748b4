#pragma once
// SeriesViewer: an ImageViewer plus the series around it: a slice slider, stepping by wheel and
// keys, cine playback, the frame list of the series (multi-frame instances expand to one entry
// per frame), overlay text, and background decoding with prefetch of the frames around the one
// shown (more of them ahead, in the direction of scrolling). While the next frame of the same
// series decodes, the last one stays on screen; a new series never shows the previous one's
// pixels.
// Thread-safety: GUI thread only. Ownership: the cache is not owned; it must outlive every
// call, and may go first when a common parent deletes both.

#include <QPointer>
#include <QWidget>

#include "ui/study/study_session.h"
#include "ui/viewer/frame_cache.h"

class QLabel;
class QSlider;

namespace ui {

class CineControls;
class CinePlayer;
class ImageViewer;

struct FrameRef {
    int instance = 0;  // index into SeriesInfo::instances
    int frame = 0;     // 0-based frame within the instance
};

class SeriesViewer : public QWidget {
    Q_OBJECT
public:
    explicit SeriesViewer(FrameCache& cache, QWidget* parent = nullptr);
    ~SeriesViewer() override;

    void showSeries(const SeriesRef& series);
    // The session's tree was rebuilt (studies added): takes the new pointers of the same
    // series and keeps the frame on screen. An empty ref clears the viewer.
    void rebind(const SeriesRef& series);
    void clear();
    void setIndex(int index);
    void step(int delta);

    int index() const { return m_index; }
    int frameCount() const { return int(m_frames.size()); }
    const SeriesRef& series() const { return m_series; }
    QString seriesUid() const;
    // The instance shown now; null when empty.
    const dicom::InstanceInfo* currentInstance() const;
    FrameRef currentFrame() const;
    FrameRef frameAt(int index) const { return m_frames.at(std::size_t(index)); }
    // True while the frame at index() is still being decoded.
    bool isWaitingForFrame() const { return !m_waitingFor.isEmpty(); }
    ImageViewer* viewer() const { return m_viewer; }
    CinePlayer* cine() const { return m_cine; }

Q_SIGNALS:
    void indexChanged(int index, int count);
    void seriesChanged();
    void frameShown();
    void frameFailed(const QString& message);

private:
    void buildFrames();
    void showCurrent(FramePtr frame);
    void requestFrames();
    void onFrameReady(const QString& key);
    void updateOverlay();
    double pixelAspect(const dicom::InstanceInfo& instance) const;

    FrameCache& m_cache;
    QPointer<FrameCache> m_cacheAlive;  // a parent may delete the cache before its viewers
    ImageViewer* m_viewer = nullptr;
    CinePlayer* m_cine = nullptr;
    CineControls* m_cineControls = nullptr;
    QSlider* m_slider = nullptr;
    QLabel* m_position = nullptr;
    SeriesRef m_series;
    // Identity of what is shown, kept as values: the session's pointers dangle once studies
    // are added, until rebind().
    QString m_seriesUid;
    std::string m_currentSop;
    std::vector<FrameRef> m_frames;
    int m_index = -1;
    int m_direction = 0;       // of the last step, +1 or -1 (0: none yet); prefetch leans that way
    bool m_windowSet = false;  // the first frame of a series sets the window; scrolling keeps it
    QString m_waitingFor;
};

}  // namespace ui
