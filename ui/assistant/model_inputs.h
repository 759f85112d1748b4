#pragma once
// ModelInputs: which images go to MedGemma and exactly what they look like. The clinician marks
// frames (or a whole series, sampled as the CT/MR recipes do) and may draw a region; without
// marks the frame on screen is the input. Every change prepares the exact padded RGB squares on
// worker threads (decoding, windowing, MR min/max over the acquisition), with progress; the GUI
// thread never decodes. images() then holds what a request carries, in the model's order.
// Ownership: session, viewer and cache are not owned and must outlive this object.
// Thread-safety: GUI thread only; the preparation runs on Qt's global thread pool.

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QTimer>

#include "ui/assistant/frame_marks.h"
#include "ui/assistant/input_preparation.h"

namespace ui {

class FrameCache;
class SeriesViewer;
class StudySession;

class ModelInputs : public QObject {
    Q_OBJECT
public:
    ModelInputs(StudySession& session, SeriesViewer& viewer, FrameCache& cache,
                QObject* parent = nullptr);
    ~ModelInputs() override;

    void toggleCurrentFrame();  // marks or unmarks the frame on screen
    void markWholeSeries();     // replaces the marks of the series on screen by its sample
    void clearMarks();
    void removeImage(int imageIndex);        // unmarks what images()[imageIndex] came from
    void showImage(int imageIndex);          // scrolls the viewer to it when its series is shown
    void setRegion(const QRect& imageRect);  // on the series on screen; empty clears
    void clearRegion();

    const QList<FrameMark>& marks() const { return m_marks; }
    bool isMarked(const FrameMark& mark) const { return m_marks.contains(mark); }
    bool currentFrameMarked() const;
    const ModelRegion& region() const { return m_region; }

    // True when images() matches the selection (nothing queued or running).
    bool isReady() const;
    // Starts a pending preparation now instead of after the short settling delay.
    void prepareNow();
    const QList<DraftImage>& images() const { return m_images; }
    // The index in images() of the frame on screen; -1 when it is not among them.
    int currentImageIndex() const { return int(m_imageSources.indexOf(currentMark())); }
    const QStringList& errors() const { return m_errors; }

Q_SIGNALS:
    void selectionChanged();              // marks or region changed
    void preparing(int done, int total);  // frames decoded so far
    void ready();                         // images() is up to date
    void currentImageChanged(int index);  // see currentImageIndex()

private:
    void schedule(int delayMs);
    void start();
    InputPlan buildPlan();
    InputJob jobFor(const FrameMark& mark, const SeriesRef& ref) const;
    void onFinished();
    void onSessionChanged();
    FrameMark currentMark() const;

    StudySession& m_session;
    SeriesViewer& m_viewer;
    FrameCache& m_cache;
    QList<FrameMark> m_marks;
    ModelRegion m_region;
    QList<DraftImage> m_images;
    QList<FrameMark> m_imageSources;    // what each of m_images came from
    QList<FrameMark> m_plannedSources;  // the same, for the run in flight
    QStringList m_errors;
    QHash<QString, ValueRange> m_volumeRanges;  // MR min/max per series, computed once
    QFutureWatcher<PreparedInputs> m_watcher;
    QTimer m_settle;
    bool m_dirty = true;     // the selection changed since the last run started
    bool m_running = false;  // a run is in flight; images() is older than the selection
};

}  // namespace ui
