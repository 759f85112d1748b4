// Scrolling a 500-slice series: the GUI thread never decodes (a decoder that blocks until the
// test opens a gate would hang a synchronous caller), every step shows its own frame
// eventually, the last frame stays on screen while the next decodes, a new series never shows
// the previous one's pixels, the visible frame is decoded before queued prefetches, and decodes
// the user has scrolled past are skipped. Timings are printed, not asserted.
#include <QtTest>

#include <QElapsedTimer>
#include <QMutex>
#include <QTemporaryDir>
#include <QWaitCondition>

#include <algorithm>
#include <atomic>

#include "dicom/loader.h"
#include "synthetic_series.h"
#include "ui/study/study_session.h"
#include "ui/viewer/frame_cache.h"
#include "ui/viewer/image_viewer.h"
#include "ui/viewer/series_viewer.h"

using namespace ui;

namespace {

constexpr int kSlices = 500;

// Decodes with dicom::decodeFrame once open; while closed, worker threads wait for it. A call
// on the GUI thread is counted (and not held, so a failing test ends instead of hanging).
class GatedDecoder {
public:
    dicom::Result<dicom::Image> decode(const dicom::InstanceInfo& instance, int frame) {
        if (QThread::currentThread() == QCoreApplication::instance()->thread()) {
            ++m_onGuiThread;
        } else {
            QMutexLocker lock(&m_mutex);
            while (!m_open) {
                m_opened.wait(&m_mutex);
            }
        }
        {
            QMutexLocker lock(&m_mutex);
            m_order.append(QString::fromStdString(instance.path) + QLatin1Char('#') +
                           QString::number(frame));
        }
        return dicom::decodeFrame(instance, frame);
    }
    void setOpen(bool open) {
        QMutexLocker lock(&m_mutex);
        m_open = open;
        if (open) {
            m_opened.wakeAll();
        }
    }
    int onGuiThread() const { return m_onGuiThread; }
    QStringList order() {
        QMutexLocker lock(&m_mutex);
        return m_order;
    }
    void resetOrder() {
        QMutexLocker lock(&m_mutex);
        m_order.clear();
    }

private:
    QMutex m_mutex;
    QWaitCondition m_opened;
    bool m_open = true;
    std::atomic<int> m_onGuiThread{0};
    QStringList m_order;
};

double hu(const ImageViewer* viewer) {
    return viewer->frame().grey.at(0);
}

}  // namespace

class TestSeriesScrolling : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void scrollingNeverDecodesOnTheGuiThread();
    void everyStepShowsItsFrame();
    void lastFrameStaysWhileNextDecodes();
    void newSeriesNeverShowsPreviousPixels();
    void visibleFrameGoesBeforePrefetch();

private:
    int sliceShown() const;
    int sliceAt(int index) const;  // the volume's slice number at a viewer index

    QTemporaryDir m_dir;
    StudySession m_session;
    SeriesRef m_volume;
    SeriesRef m_other;
    GatedDecoder m_gate;  // declared before the cache: outlives its worker threads
    std::unique_ptr<FrameCache> m_cache;
    std::unique_ptr<SeriesViewer> m_viewer;
};

void TestSeriesScrolling::initTestCase() {
    QElapsedTimer timer;
    timer.start();
    testutil::VolumeSpec volume;
    volume.slices = kSlices;
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("volume")));
    QVERIFY(testutil::writeVolume(m_dir.filePath(QStringLiteral("volume")), volume));
    testutil::VolumeSpec other;
    other.slices = 5;
    other.seriesUidSuffix = "61.1";
    other.description = "Other";
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("other")));
    QVERIFY(testutil::writeVolume(m_dir.filePath(QStringLiteral("other")), other));
    m_session.add(dicom::scanPaths({m_dir.path().toStdString()}));
    for (const auto& series : m_session.collection().patients.at(0).studies.at(0).series) {
        const SeriesRef ref =
            m_session.findSeries(QString::fromStdString(series.seriesInstanceUid));
        (series.instances.size() == std::size_t(kSlices) ? m_volume : m_other) = ref;
    }
    QVERIFY(m_volume && m_other);
    qInfo("wrote and scanned %d slices in %lld ms", kSlices + 5, timer.elapsed());
}

void TestSeriesScrolling::init() {
    m_gate.setOpen(true);
    m_gate.resetOrder();
    m_cache = std::make_unique<FrameCache>();
    m_cache->setDecoder(
        [this](const dicom::InstanceInfo& i, int f) { return m_gate.decode(i, f); });
    m_viewer = std::make_unique<SeriesViewer>(*m_cache);
    m_viewer->resize(600, 600);
    m_viewer->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_viewer.get()));
}

void TestSeriesScrolling::cleanup() {
    m_gate.setOpen(true);
    m_viewer.reset();
    m_cache.reset();
}

int TestSeriesScrolling::sliceShown() const {
    return m_viewer->viewer()->hasImage() ? int(hu(m_viewer->viewer()) + 1024.0) : -1;
}

int TestSeriesScrolling::sliceAt(int index) const {
    return m_viewer->series().series->instances.at(std::size_t(index)).instanceNumber - 1;
}

void TestSeriesScrolling::scrollingNeverDecodesOnTheGuiThread() {
    m_viewer->showSeries(m_volume);
    QTRY_COMPARE(sliceShown(), sliceAt(kSlices / 2));
    m_gate.setOpen(false);
    // Spin through the whole series as a fast wheel would, while no decode can finish.
    QList<qint64> nanoseconds;
    for (int i = 0; i < kSlices; ++i) {
        QElapsedTimer timer;
        timer.start();
        m_viewer->setIndex(i);
        nanoseconds.append(timer.nsecsElapsed());
    }
    QCOMPARE(m_gate.onGuiThread(), 0);
    QCOMPARE(m_viewer->index(), kSlices - 1);
    QVERIFY(m_viewer->isWaitingForFrame());
    std::sort(nanoseconds.begin(), nanoseconds.end());
    qInfo("setIndex with decoding blocked: median %.3f ms, max %.3f ms",
          nanoseconds[nanoseconds.size() / 2] / 1e6, nanoseconds.last() / 1e6);
    m_gate.setOpen(true);
    QTRY_COMPARE(sliceShown(), sliceAt(kSlices - 1));
    // Decodes of slices scrolled past were dropped: only those already running and the
    // neighbourhood of the last slice ran, not 500.
    QTRY_COMPARE(m_cache->queuedOrRunning(), 0);
    const int decodes = int(m_gate.order().size());
    qInfo("decodes after a 500-slice spin: %d", decodes);
    QVERIFY2(decodes < 40, qPrintable(QString::number(decodes)));
}

void TestSeriesScrolling::everyStepShowsItsFrame() {
    m_viewer->showSeries(m_volume);
    QTRY_COMPARE(sliceShown(), sliceAt(kSlices / 2));
    m_viewer->setIndex(0);
    QTRY_COMPARE(sliceShown(), sliceAt(0));
    QElapsedTimer total;
    total.start();
    QList<qint64> steps;
    for (int i = 1; i < kSlices; ++i) {
        QElapsedTimer step;
        step.start();
        m_viewer->step(1);
        steps.append(step.nsecsElapsed());
        QVERIFY(m_viewer->viewer()->hasImage());  // the previous frame at worst, never blank
        QTRY_COMPARE(sliceShown(), sliceAt(i));
    }
    QCOMPARE(m_gate.onGuiThread(), 0);
    std::sort(steps.begin(), steps.end());
    qInfo(
        "stepped through %d slices, each shown, in %lld ms (%.2f ms per slice); step() median "
        "%.3f ms, 95th percentile %.3f ms, max %.3f ms",
        kSlices, total.elapsed(), double(total.elapsed()) / kSlices, steps[steps.size() / 2] / 1e6,
        steps[steps.size() * 95 / 100] / 1e6, steps.last() / 1e6);
}

void TestSeriesScrolling::lastFrameStaysWhileNextDecodes() {
    m_viewer->showSeries(m_volume);
    QTRY_COMPARE(sliceShown(), sliceAt(kSlices / 2));
    m_viewer->setIndex(100);
    QTRY_COMPARE(sliceShown(), sliceAt(100));
    m_gate.setOpen(false);
    m_viewer->setIndex(300);  // far away: not prefetched
    QVERIFY(m_viewer->isWaitingForFrame());
    QCOMPARE(sliceShown(), sliceAt(100));
    QWheelEvent wheel(QPointF(50, 50), m_viewer->viewer()->mapToGlobal(QPointF(50, 50)), QPoint(),
                      QPoint(0, -120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_viewer->viewer(), &wheel);
    QCOMPARE(m_viewer->index(), 301);
    QCOMPARE(sliceShown(), sliceAt(100));
    m_gate.setOpen(true);
    QTRY_COMPARE(sliceShown(), sliceAt(301));
}

void TestSeriesScrolling::newSeriesNeverShowsPreviousPixels() {
    m_viewer->showSeries(m_volume);
    QTRY_COMPARE(sliceShown(), sliceAt(kSlices / 2));
    m_gate.setOpen(false);
    m_viewer->showSeries(m_other);
    QVERIFY(!m_viewer->viewer()->hasImage());
    QCOMPARE(m_viewer->frameCount(), 5);
    m_gate.setOpen(true);
    QTRY_COMPARE(sliceShown(), sliceAt(2));  // the middle of five
}

void TestSeriesScrolling::visibleFrameGoesBeforePrefetch() {
    const auto& instances = m_volume.series->instances;
    m_gate.setOpen(false);
    for (int i = 0; i < 100; ++i) {
        m_cache->prefetch(instances[std::size_t(i)], 0);
    }
    const dicom::InstanceInfo& wanted = instances[400];
    QVERIFY(!m_cache->get(wanted, 0));
    m_gate.setOpen(true);
    QTRY_VERIFY(m_cache->cached(wanted, 0));
    // Only the decodes that were already running when it was asked for went first.
    const int position = int(m_gate.order().indexOf(FrameCache::keyOf(wanted, 0)));
    qInfo("visible frame decoded as number %d after 100 queued prefetches", position + 1);
    QVERIFY2(position >= 0 && position <= 6, qPrintable(QString::number(position)));
    QTRY_COMPARE(m_cache->queuedOrRunning(), 0);
}

QTEST_MAIN(TestSeriesScrolling)
#include "test_series_scrolling.moc"
