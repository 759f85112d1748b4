#include "ui/assistant/model_inputs.h"

#include <QtConcurrent>

#include "ui/assistant/series_input_plan.h"
#include "ui/study/study_session.h"
#include "ui/viewer/frame_cache.h"
#include "ui/viewer/image_viewer.h"
#include "ui/viewer/series_viewer.h"

namespace ui {
namespace {

// Scrolling through a series emits a frame per step; preparing only after the scrolling
// settles keeps the pool free for the viewer's own decoding.
constexpr int kSettleMs = 150;

}  // namespace

ModelInputs::ModelInputs(StudySession& session, SeriesViewer& viewer, FrameCache& cache,
                         QObject* parent)
    : QObject(parent), m_session(session), m_viewer(viewer), m_cache(cache) {
    m_settle.setSingleShot(true);
    connect(&m_settle, &QTimer::timeout, this, &ModelInputs::start);
    connect(&m_watcher, &QFutureWatcher<PreparedInputs>::finished, this, &ModelInputs::onFinished);
    connect(&m_watcher, &QFutureWatcher<PreparedInputs>::progressValueChanged, this,
            [this](int done) { Q_EMIT preparing(done, m_watcher.progressMaximum()); });
    for (auto signal : {&SeriesViewer::frameShown, &SeriesViewer::seriesChanged}) {
        connect(&m_viewer, signal, this, [this] {
            if (m_marks.isEmpty()) {
                schedule(kSettleMs);  // the frame on screen is the input
            }
            Q_EMIT currentImageChanged(currentImageIndex());
        });
    }
    connect(&m_session, &StudySession::changed, this, &ModelInputs::onSessionChanged);
}

ModelInputs::~ModelInputs() {
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

FrameMark ModelInputs::currentMark() const {
    if (!m_viewer.series() || !m_viewer.currentInstance()) {
        return {};
    }
    const FrameRef ref = m_viewer.currentFrame();
    return {QString::fromStdString(m_viewer.series().series->seriesInstanceUid), ref.instance,
            ref.frame};
}

bool ModelInputs::currentFrameMarked() const {
    return isMarked(currentMark());
}

void ModelInputs::toggleCurrentFrame() {
    const FrameMark mark = currentMark();
    if (mark.seriesUid.isEmpty()) {
        return;
    }
    if (!m_marks.removeOne(mark)) {
        m_marks.append(mark);
        sortMarks(m_marks, m_session);
    }
    Q_EMIT selectionChanged();
    schedule(0);
}

void ModelInputs::markWholeSeries() {
    const SeriesRef ref = m_viewer.series();
    if (!ref) {
        return;
    }
    const QString uid = QString::fromStdString(ref.series->seriesInstanceUid);
    m_marks.removeIf([&](const FrameMark& m) { return m.seriesUid == uid; });
    m_marks.append(wholeSeriesMarks(uid, *ref.series));
    sortMarks(m_marks, m_session);
    Q_EMIT selectionChanged();
    schedule(0);
}

void ModelInputs::clearMarks() {
    m_marks.clear();
    Q_EMIT selectionChanged();
    schedule(0);
}

void ModelInputs::removeImage(int imageIndex) {
    if (imageIndex < 0 || imageIndex >= m_imageSources.size()) {
        return;
    }
    if (m_marks.removeOne(m_imageSources[imageIndex])) {
        Q_EMIT selectionChanged();
        schedule(0);
    }
}

void ModelInputs::showImage(int imageIndex) {
    if (imageIndex < 0 || imageIndex >= m_imageSources.size() || !m_viewer.series()) {
        return;
    }
    const FrameMark& mark = m_imageSources[imageIndex];
    if (mark.seriesUid == QString::fromStdString(m_viewer.series().series->seriesInstanceUid)) {
        m_viewer.setIndex(frameIndexOf(*m_viewer.series().series, mark));
    }
}

void ModelInputs::setRegion(const QRect& imageRect) {
    const FrameMark mark = currentMark();
    m_region = imageRect.isEmpty() || mark.seriesUid.isEmpty()
                   ? ModelRegion{}
                   : ModelRegion{mark.seriesUid, imageRect};
    Q_EMIT selectionChanged();
    schedule(0);
}

void ModelInputs::clearRegion() {
    setRegion({});
}

void ModelInputs::onSessionChanged() {
    sortMarks(m_marks, m_session);  // drops marks of closed series
    if (!m_region.isEmpty() && !m_session.findSeries(m_region.seriesUid)) {
        m_region = {};
    }
    m_volumeRanges.clear();
    Q_EMIT selectionChanged();
    schedule(kSettleMs);
}

void ModelInputs::schedule(int delayMs) {
    m_dirty = true;
    m_settle.start(delayMs);
}

void ModelInputs::prepareNow() {
    if (m_settle.isActive()) {
        m_settle.stop();
        start();
    }
}

bool ModelInputs::isReady() const {
    return !m_dirty && !m_running && !m_settle.isActive();
}

void ModelInputs::start() {
    if (m_watcher.isRunning()) {
        m_watcher.cancel();  // its result is dropped; a fresh run follows when it ends
        return;
    }
    const InputPlan plan = buildPlan();
    m_dirty = false;
    m_running = true;
    Q_EMIT preparing(0, int(plan.jobs.size()));
    m_watcher.setFuture(QtConcurrent::run(
        [plan](QPromise<PreparedInputs>& promise) { prepareInputs(promise, plan); }));
}

InputPlan ModelInputs::buildPlan() {
    QList<FrameMark> sources = m_marks;
    if (sources.isEmpty() && m_viewer.viewer()->hasImage()) {
        sources << currentMark();
    }
    InputPlan plan;
    m_plannedSources.clear();
    for (int i = 0; i < sources.size(); ++i) {
        const SeriesRef ref = m_session.findSeries(sources[i].seriesUid);
        if (!ref) {
            continue;
        }
        InputJob job = jobFor(sources[i], ref);
        if (ref.series->modality == "MR" && !m_volumeRanges.contains(job.volumeKey)) {
            plan.volumeFrames.insert(job.volumeKey, volumeSources(*ref.series));
        }
        plan.jobs.push_back(std::move(job));
        m_plannedSources << sources[i];
    }
    plan.knownRanges = m_volumeRanges;
    return plan;
}

InputJob ModelInputs::jobFor(const FrameMark& mark, const SeriesRef& ref) const {
    InputJob job;
    job.source = {ref.series->instances[std::size_t(mark.instance)], mark.frame};
    job.modality = ref.series->modality;
    job.volumeKey = mark.seriesUid;
    // A frame the viewer decoded already (the one on screen, its neighbours) is shared with
    // the worker instead of decoded again.
    job.decoded = m_cache.cached(job.source.instance, mark.frame);
    if (m_region.seriesUid == mark.seriesUid) {
        job.region = m_region.rect;
    }
    job.label = frameLabel(*ref.series, mark);
    return job;
}

void ModelInputs::onFinished() {
    m_running = false;
    if (m_watcher.isCanceled() || m_dirty) {
        if (!m_settle.isActive()) {
            start();  // the selection changed while the cancelled run finished
        }
        return;
    }
    const PreparedInputs result =
        m_watcher.future().resultCount() > 0 ? m_watcher.result() : PreparedInputs{};
    for (auto it = result.computedRanges.cbegin(); it != result.computedRanges.cend(); ++it) {
        m_volumeRanges.insert(it.key(), it.value());
    }
    m_images = result.images;
    m_errors = result.errors;
    m_imageSources.clear();
    for (int job : result.sourceJobs) {
        m_imageSources << m_plannedSources.value(job);
    }
    Q_EMIT ready();
    Q_EMIT currentImageChanged(currentImageIndex());
}

}  // namespace ui
