// The main window driven through its real widgets: open the sample study, pick series in the
// browser, change window/level by dragging, step through slices, and check the pixels the
// viewer shows at points of known Hounsfield value.
#include <QtTest>

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QSettings>
#include <QTreeWidget>

#include "dicom/display.h"
#include "dicom/sample_study.h"
#include "ui/assistant/model_notice.h"
#include "ui/assistant/prompt_panel.h"
#include "ui/browser/study_browser.h"
#include "ui/main_window.h"
#include "ui/report/report_editor.h"
#include "ui/study/study_session.h"
#include "ui/viewer/image_viewer.h"
#include "ui/viewer/series_viewer.h"
#include "tests/ui/browser_items.h"

using namespace ui;

namespace {

QString samplePath() { return QStringLiteral(MEDGEMMA_BINARY_DIR "/sample-study"); }

int indexOfInstanceNumber(const SeriesViewer* viewer, int instanceNumber) {
    const auto& instances = viewer->series().series->instances;
    for (int i = 0; i < int(instances.size()); ++i) {
        if (instances[i].instanceNumber == instanceNumber) {
            return i;
        }
    }
    return -1;
}

// The value the viewer should show for `hu` under `window`, as the display pipeline defines it.
int expectedGrey(double hu, const dicom::WindowPreset& window) {
    return int(std::lround(dicom::applyVoi(hu, window)));
}

}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void opensSampleStudyIntoBrowserAndViewer();
    void showsKnownHounsfieldValuesAfterKnownWindow();
    void dragChangesWindowLevel();
    void wheelAndKeysStepThroughSlices();
    void arrowKeysBelongToAFocusedComboBox();
    void photographAndRadiographOpen();
    void draftingIsDisabledWithoutModel();
    void everyActionHasAShortcutOrMenu();

private:
    void selectModality(const QString& modality);
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QVERIFY2(QFileInfo(samplePath()).isDir(), "the build generates the sample study");
    m_window = std::make_unique<MainWindow>();
    m_window->setSampleStudyPath(samplePath());
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::selectModality(const QString& modality) {
    QTreeWidgetItem* item = testutil::firstSeriesOfModality(m_window->browser()->tree(), modality);
    QVERIFY2(item, qPrintable(modality));
    QTreeWidget* tree = m_window->browser()->tree();
    const QRect rect = tree->visualItemRect(item);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, rect.center());
    QTRY_VERIFY(m_window->seriesViewer()->series() &&
                m_window->seriesViewer()->series().series->modality == modality.toStdString());
    QTRY_VERIFY(m_window->seriesViewer()->viewer()->hasImage());
}

void TestMainWindow::opensSampleStudyIntoBrowserAndViewer() {
    QSignalSpy loaded(m_window.get(), &MainWindow::studiesLoaded);
    m_window->actions().openSample->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
    const auto& collection = m_window->session().collection();
    QCOMPARE(collection.errors.size(), std::size_t(0));
    QVERIFY(testutil::firstSeriesOfModality(m_window->browser()->tree(), QStringLiteral("CT")));
    QVERIFY(testutil::firstSeriesOfModality(m_window->browser()->tree(), QStringLiteral("DX")));
    QTreeWidgetItem* photographs =
        testutil::firstSeriesOfModality(m_window->browser()->tree(), QStringLiteral("XC"));
    QVERIFY(photographs);
    // Photographs carry no patient; their group is named by the browser, not left blank.
    QCOMPARE(photographs->parent()->parent()->text(0), StudyBrowser::tr("Photographs — no patient data"));
    // The first DICOM series is shown at once.
    QTRY_VERIFY(m_window->seriesViewer()->viewer()->hasImage());
}

void TestMainWindow::showsKnownHounsfieldValuesAfterKnownWindow() {
    selectModality(QStringLiteral("CT"));
    SeriesViewer* series = m_window->seriesViewer();
    QCOMPARE(series->frameCount(), dicom::sample::kCtSlices);
    const int lesionIndex = indexOfInstanceNumber(series, dicom::sample::kLesionInstanceNumber);
    QVERIFY(lesionIndex >= 0);
    series->setIndex(lesionIndex);
    QTRY_COMPARE(series->currentInstance()->instanceNumber, dicom::sample::kLesionInstanceNumber);
    ImageViewer* viewer = series->viewer();
    // The previous slice stays on screen until this one is decoded.
    QTRY_VERIFY(viewer->hasImage() && !series->isWaitingForFrame());

    const dicom::WindowPreset abdomen{40, 400, dicom::VoiFunction::Linear, "ABDOMEN"};
    viewer->setWindow(abdomen);
    const QImage shown = viewer->renderedImage();
    QCOMPARE(shown.size(), QSize(dicom::sample::kCtSize, dicom::sample::kCtSize));
    const struct {
        const int* point;
        double hu;
    } probes[] = {
        {dicom::sample::kAirPoint, dicom::sample::kAirHu},
        {dicom::sample::kSoftTissuePoint, dicom::sample::kSoftTissueHu},
        {dicom::sample::kFatPoint, dicom::sample::kFatHu},
        {dicom::sample::kLiverPoint, dicom::sample::kLiverHu},
        {dicom::sample::kCorticalBonePoint, dicom::sample::kCorticalBoneHu},
    };
    for (const auto& probe : probes) {
        const int value = qGray(shown.pixel(probe.point[0], probe.point[1]));
        QCOMPARE(value, expectedGrey(probe.hu, abdomen));
    }
    // The lesion is darker than the liver around it under the abdomen window.
    const int lesion = qGray(shown.pixel(dicom::sample::kLesionColumn, dicom::sample::kLesionRow));
    QCOMPARE(lesion, expectedGrey(dicom::sample::kLesionHu, abdomen));
    QVERIFY(lesion < qGray(shown.pixel(dicom::sample::kLiverPoint[0], dicom::sample::kLiverPoint[1])));

    // What is painted on screen at the liver point is that value too.
    const QPointF onScreen = viewer->geometryState().mapToWidget(
        QPointF(dicom::sample::kLiverPoint[0] + 0.5, dicom::sample::kLiverPoint[1] + 0.5));
    const QImage grabbed = viewer->grab().toImage();
    const qreal dpr = grabbed.devicePixelRatio();
    QCOMPARE(qGray(grabbed.pixel((onScreen * dpr).toPoint())),
             expectedGrey(dicom::sample::kLiverHu, abdomen));
}

void TestMainWindow::dragChangesWindowLevel() {
    selectModality(QStringLiteral("CT"));
    ImageViewer* viewer = m_window->seriesViewer()->viewer();
    viewer->setWindow({40, 400, dicom::VoiFunction::Linear, {}});
    QSignalSpy changed(viewer, &ImageViewer::windowChanged);
    const QPoint start = viewer->rect().center();
    QTest::mousePress(viewer, Qt::LeftButton, {}, start);
    QTest::mouseMove(viewer, start + QPoint(60, 0));
    QTest::mouseMove(viewer, start + QPoint(60, 40));
    QTest::mouseRelease(viewer, Qt::LeftButton, {}, start + QPoint(60, 40));
    QVERIFY(changed.count() >= 1);
    QVERIFY(viewer->window().width > 400);   // dragging right widens
    QVERIFY(viewer->window().center > 40);   // dragging down raises the level
}

void TestMainWindow::wheelAndKeysStepThroughSlices() {
    selectModality(QStringLiteral("CT"));
    SeriesViewer* series = m_window->seriesViewer();
    series->setIndex(3);
    const dicom::WindowPreset before = series->viewer()->window();
    QWheelEvent wheel(QPointF(50, 50), series->viewer()->mapToGlobal(QPointF(50, 50)), QPoint(),
                      QPoint(0, -120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(series->viewer(), &wheel);
    QCOMPARE(series->index(), 4);
    m_window->actions().previousImage->trigger();
    QCOMPARE(series->index(), 3);
    QTRY_VERIFY(series->viewer()->hasImage());
    // Scrolling keeps the window the user chose.
    QCOMPARE(series->viewer()->window().center, before.center);
}

// Up/Down step through images, except while a combo box has the focus: then they choose in it
// (the window's shortcuts would otherwise take the keys first).
void TestMainWindow::arrowKeysBelongToAFocusedComboBox() {
    selectModality(QStringLiteral("CT"));
    SeriesViewer* series = m_window->seriesViewer();
    series->setIndex(3);
    QComboBox* box = m_window->promptPanel()->templateBox();
    QVERIFY(box->isEnabled() && box->count() > 1);
    box->setCurrentIndex(0);
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    box->setFocus();
    QTRY_VERIFY(box->hasFocus());
    QTest::keyClick(box, Qt::Key_Down);
    QCOMPARE(box->currentIndex(), 1);
    QCOMPARE(series->index(), 3);
    series->viewer()->setFocus();
    QTRY_VERIFY(series->viewer()->hasFocus());
    QTest::keyClick(series->viewer(), Qt::Key_Down);
    QCOMPARE(series->index(), 4);
}

void TestMainWindow::photographAndRadiographOpen() {
    selectModality(QStringLiteral("DX"));
    ImageViewer* viewer = m_window->seriesViewer()->viewer();
    QCOMPARE(viewer->renderedImage().size(),
             QSize(dicom::sample::kDxColumns, dicom::sample::kDxRows));
    selectModality(QStringLiteral("XC"));
    QCOMPARE(viewer->renderedImage().size(),
             QSize(dicom::sample::kPhotoWidth, dicom::sample::kPhotoHeight));
    QVERIFY(viewer->renderedImage().format() == QImage::Format_RGB888);
}

void TestMainWindow::draftingIsDisabledWithoutModel() {
    PromptPanel* panel = m_window->promptPanel();
    QVERIFY(!panel->draftEnabled());
    QVERIFY(panel->notice()->isVisible());
    QVERIFY(m_window->reportEditor()->findChild<QLabel*>(QStringLiteral("researchNotice"))
                ->isVisible());
}

void TestMainWindow::everyActionHasAShortcutOrMenu() {
    for (QAction* action : m_window->actions().all()) {
        QVERIFY(action);
        QVERIFY2(!action->shortcut().isEmpty() || !action->associatedObjects().isEmpty(),
                 qPrintable(action->text()));
    }
}

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
