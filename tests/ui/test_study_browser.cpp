// The study browser: the tree is listed as soon as the studies are in the session, while the
// series thumbnails are still being rendered on a worker thread (a decoder that blocks until
// the test opens a gate would hang a synchronous caller); each thumbnail then shows the
// series' middle image; a series that cannot be decoded keeps its blank placeholder and is not
// retried; patient and study rows are not cut to the series columns; while nothing is open the
// recent studies are listed and a click asks to open one.
#include <QtTest>

#include <QListWidget>
#include <QMutex>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QWaitCondition>

#include <atomic>

#include "dicom/loader.h"
#include "synthetic_series.h"
#include "ui/browser/study_browser.h"
#include "ui/browser/thumbnail_loader.h"
#include "ui/study/study_session.h"

using namespace ui;

namespace {

constexpr int kSlices = 21;

// Records each decode and holds worker threads until the gate opens; may fail every decode.
class GatedDecoder {
public:
    dicom::Result<dicom::Image> decode(const dicom::InstanceInfo& instance, int frame) {
        if (QThread::currentThread() == QCoreApplication::instance()->thread()) {
            ++m_onGuiThread;
        }
        QMutexLocker lock(&m_mutex);
        m_decoded.append(QFileInfo(QString::fromStdString(instance.path)).fileName());
        while (!m_open) {
            m_opened.wait(&m_mutex);
        }
        if (m_fail) {
            return dicom::Error{dicom::ErrorCode::Corrupt, instance.path + ": damaged"};
        }
        lock.unlock();
        return dicom::decodeFrame(instance, frame);
    }
    void reset() {
        QMutexLocker lock(&m_mutex);
        m_decoded.clear();
    }
    void setOpen(bool open, bool fail = false) {
        QMutexLocker lock(&m_mutex);
        m_open = open;
        m_fail = fail;
        m_opened.wakeAll();
    }
    QStringList decoded() {
        QMutexLocker lock(&m_mutex);
        return m_decoded;
    }
    int onGuiThread() const { return m_onGuiThread; }

private:
    QMutex m_mutex;
    QWaitCondition m_opened;
    bool m_open = false;
    bool m_fail = false;
    QStringList m_decoded;
    std::atomic<int> m_onGuiThread{0};
};

// The icon's pixels at the tree's icon size (the placeholder is fully transparent).
QImage iconImage(const QTreeWidgetItem* item, const QSize& size) {
    return item->icon(0).pixmap(size).toImage().convertToFormat(QImage::Format_ARGB32);
}

bool isBlank(const QImage& image) {
    return image.isNull() || qAlpha(image.pixel(image.width() / 2, image.height() / 2)) == 0;
}

}  // namespace

class TestStudyBrowser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void treeIsListedWhileThumbnailsRender();
    void failedThumbnailKeepsPlaceholder();
    void patientAndStudyRowsSpanTheColumns();
    void thumbnailsAreSharpAtTheScreenScale();
    void recentStudiesAreOfferedWhileNothingIsOpen();

private:
    QString seriesUid() const;

    QTemporaryDir m_dir;
    dicom::Collection m_collection;
    GatedDecoder m_gate;  // declared before the browser: outlives the loader's thread
    std::unique_ptr<StudySession> m_session;
    std::unique_ptr<StudyBrowser> m_browser;
};

void TestStudyBrowser::initTestCase() {
    testutil::VolumeSpec volume;
    volume.slices = kSlices;
    volume.size = 64;
    QVERIFY(testutil::writeVolume(m_dir.path(), volume));
    m_collection = dicom::scanPaths({m_dir.path().toStdString()});
    QCOMPARE(m_collection.patients.size(), std::size_t(1));
}

void TestStudyBrowser::init() {
    m_session = std::make_unique<StudySession>();
    m_browser = std::make_unique<StudyBrowser>(*m_session);
    m_browser->thumbnails()->setDecoder(
        [this](const dicom::InstanceInfo& i, int f) { return m_gate.decode(i, f); });
    m_browser->resize(360, 500);
    m_browser->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_browser.get()));
}

void TestStudyBrowser::cleanup() {
    m_gate.setOpen(true);  // let a held render end before the browser waits for it
    m_browser.reset();
    m_session.reset();
    m_gate.setOpen(false);
    m_gate.reset();
}

QString TestStudyBrowser::seriesUid() const {
    return QString::fromStdString(
        m_collection.patients[0].studies[0].series[0].seriesInstanceUid);
}

void TestStudyBrowser::treeIsListedWhileThumbnailsRender() {
    m_session->add(m_collection);
    // Listed at once, with the render held on the worker thread.
    QTreeWidgetItem* item = m_browser->seriesItemOf(seriesUid());
    QVERIFY(item);
    QCOMPARE(item->text(2), QString::number(kSlices));
    const QSize iconSize = m_browser->tree()->iconSize();
    QVERIFY(isBlank(iconImage(item, iconSize)));
    QTRY_COMPARE(m_gate.decoded().size(), 1);
    // The middle image of the series: slices are numbered from 1 (slice-0001 .. slice-0021).
    QVERIFY2(m_gate.decoded().first().contains(QStringLiteral("%1").arg(kSlices / 2 + 1, 4,
                                                                          10, QLatin1Char('0'))),
             qPrintable(m_gate.decoded().first()));
    QCOMPARE(m_gate.onGuiThread(), 0);
    m_browser->tree()->setCurrentItem(item);  // the tree answers while the render waits

    QSignalSpy ready(m_browser->thumbnails(), &ThumbnailLoader::thumbnailReady);
    m_gate.setOpen(true);
    QTRY_COMPARE(ready.count(), 1);
    QVERIFY(!isBlank(iconImage(m_browser->seriesItemOf(seriesUid()), iconSize)));

    // A second listing of the same studies reuses the thumbnail without decoding again.
    m_session->add(dicom::Collection{});
    QVERIFY(!isBlank(iconImage(m_browser->seriesItemOf(seriesUid()), iconSize)));
    QCOMPARE(m_gate.decoded().size(), 1);
}

void TestStudyBrowser::failedThumbnailKeepsPlaceholder() {
    m_gate.setOpen(true, true);
    m_session->add(m_collection);
    QTRY_COMPARE(m_gate.decoded().size(), 1);
    QTRY_VERIFY(!m_browser->thumbnails()->isRendering(seriesUid()));
    m_session->add(dicom::Collection{});
    QCOMPARE(m_gate.decoded().size(), 1);  // not tried again
    QVERIFY(isBlank(iconImage(m_browser->seriesItemOf(seriesUid()), m_browser->tree()->iconSize())));
}

void TestStudyBrowser::patientAndStudyRowsSpanTheColumns() {
    m_session->add(m_collection);
    QTreeWidgetItem* patient = m_browser->tree()->topLevelItem(0);
    QVERIFY(patient->isFirstColumnSpanned());
    QVERIFY(patient->child(0)->isFirstColumnSpanned());
    // The study row names its date, since its own Date column is hidden under the span.
    QVERIFY2(patient->child(0)->text(0).contains(QStringLiteral("2024")),
             qPrintable(patient->child(0)->text(0)));
    QVERIFY(!m_browser->seriesItemOf(seriesUid())->isFirstColumnSpanned());
}

// Run also with QT_SCALE_FACTOR=2 (test_ui_study_browser_hidpi): the thumbnail has as many
// pixels as the screen shows for it.
void TestStudyBrowser::thumbnailsAreSharpAtTheScreenScale() {
    const qreal expected = qEnvironmentVariableIsSet("QT_SCALE_FACTOR")
                               ? qEnvironmentVariable("QT_SCALE_FACTOR").toDouble()
                               : qApp->devicePixelRatio();
    QCOMPARE(qApp->devicePixelRatio(), expected);
    m_gate.setOpen(true);
    m_session->add(m_collection);
    const dicom::SeriesInfo& series = m_collection.patients[0].studies[0].series[0];
    QTRY_VERIFY(!m_browser->thumbnails()->thumbnail(seriesUid(), series).isNull());
    const QImage thumbnail = m_browser->thumbnails()->thumbnail(seriesUid(), series);
    QCOMPARE(thumbnail.devicePixelRatio(), expected);
    QCOMPARE(std::max(thumbnail.width(), thumbnail.height()),
             qRound(m_browser->thumbnails()->edge() * expected));
}

void TestStudyBrowser::recentStudiesAreOfferedWhileNothingIsOpen() {
    QListWidget* recent = m_browser->recentList();
    QVERIFY(!recent->isVisible());  // nothing opened before
    m_browser->setRecentPaths({QStringLiteral("/data/studies/knee-mr"),
                               QStringLiteral("/data/photos/lesion.jpg")});
    QVERIFY(recent->isVisible());
    QCOMPARE(recent->count(), 2);
    QCOMPARE(recent->item(0)->text(), QStringLiteral("knee-mr"));
    QCOMPARE(recent->item(1)->toolTip(), QStringLiteral("/data/photos/lesion.jpg"));
    QSignalSpy open(m_browser.get(), &StudyBrowser::openRequested);
    QTest::mouseClick(recent->viewport(), Qt::LeftButton, {},
                      recent->visualItemRect(recent->item(1)).center());
    QCOMPARE(open.count(), 1);
    QCOMPARE(open[0][0].toString(), QStringLiteral("/data/photos/lesion.jpg"));

    m_gate.setOpen(true);
    m_session->add(m_collection);  // studies open: the tree has the room
    QVERIFY(!recent->isVisible());
    m_session->clear();
    QVERIFY(recent->isVisible());
}

QTEST_MAIN(TestStudyBrowser)
#include "test_study_browser.moc"
