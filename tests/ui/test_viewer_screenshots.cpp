// PNG screenshots of the viewer's reading tools, to be looked at: measurements on the sample
// CT under a preset, on the radiograph (detector spacing) and on the photograph (pixels), the
// 2x2 layout with synchronised scrolling against a prior, annotations after zoom and rotation,
// and cine on a multi-frame instance. Written to $MEDGEMMA_SCREENSHOT_DIR, else
// <build>/screenshots. Run under Xvfb (QT_QPA_PLATFORM=xcb) for real fonts; QT_SCALE_FACTOR=2
// shows the HiDPI rendering.
#include <QtTest>

#include <QAction>
#include <QDir>
#include <QSettings>
#include <QTemporaryDir>
#include <QTreeWidget>

#include "dicom/sample_study.h"
#include "synthetic_series.h"
#include "ui/browser/study_browser.h"
#include "ui/main_window.h"
#include "ui/measure/annotation_layer.h"
#include "ui/study/study_loader.h"
#include "ui/viewer/cine_player.h"
#include "ui/viewer/image_viewer.h"
#include "ui/viewer/overlay_planes.h"
#include "ui/viewer/series_viewer.h"
#include "ui/viewer/viewer_grid.h"
#include "ui/viewer/viewport.h"

using namespace ui;
namespace sample = dicom::sample;

class TestViewerScreenshots : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void ctMeasurements();
    void zoomedAndRotated();
    void radiographMeasurements();
    void photographLength();
    void quadLayoutWithPrior();
    void multiFrameCine();
    void overlayPlanes();

private:
    SeriesViewer* active() const { return m_window->viewerGrid()->activeViewer(); }
    ImageViewer* image() const { return active()->viewer(); }
    void show(const QString& column1Text, int column = 1);
    void goToInstance(int instanceNumber);
    void drag(QPointF fromImage, QPointF toImage);
    void click(QPointF imagePoint);
    void tool(QAction* action) { action->trigger(); }
    void save(const QString& name);
    void saveWidget(QWidget* widget, const QString& name);

    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_extra;
    QDir m_out;
};

void TestViewerScreenshots::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
         QStringLiteral("/annotations"))
        .removeRecursively();
    const QString dir = qEnvironmentVariable("MEDGEMMA_SCREENSHOT_DIR",
                                             QStringLiteral(MEDGEMMA_BINARY_DIR "/screenshots"));
    QVERIFY(QDir().mkpath(dir));
    m_out = QDir(dir);
    QVERIFY(testutil::writeMultiFrame(m_extra.filePath(QStringLiteral("cine.dcm")), 8, 128));
    QVERIFY(testutil::writeWithOverlay(m_extra.filePath(QStringLiteral("overlay.dcm")), 64));
    testutil::VolumeSpec prior;
    prior.slices = 60;
    prior.size = 128;
    prior.pixelSpacing = 1.6;
    prior.studyDate = "20230101";
    prior.description = "Prior volume";
    QVERIFY(QDir(m_extra.path()).mkpath(QStringLiteral("prior")));
    QVERIFY(testutil::writeVolume(m_extra.filePath(QStringLiteral("prior")), prior));
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1600, 1000);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    // Reading: the browser stays, the assistant makes room for the images.
    m_window->actions().showAssistant->setChecked(false);
    QSignalSpy loaded(m_window.get(), &MainWindow::studiesLoaded);
    m_window->openPaths({QStringLiteral(MEDGEMMA_BINARY_DIR "/sample-study"), m_extra.path()});
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1 && !m_window->loader()->isBusy(), 20000);
    for (AnnotationLayer* layer : m_window->findChildren<AnnotationLayer*>()) {
        layer->setTextPrompt([](QWidget*, const QString&) {
            return std::optional<QString>(QStringLiteral("Hypodense lesion, likely cyst"));
        });
    }
}

void TestViewerScreenshots::save(const QString& name) {
    saveWidget(m_window.get(), name);
    // The viewer alone, at full resolution, to judge lines and labels.
    saveWidget(m_window->viewerGrid(), name + QStringLiteral("-viewer"));
}

void TestViewerScreenshots::saveWidget(QWidget* widget, const QString& name) {
    QTest::qWait(50);  // let queued repaints land
    const QImage shot = widget->grab().toImage();
    QVERIFY(!shot.isNull());
    const QString path = m_out.filePath(name + QStringLiteral(".png"));
    QVERIFY(shot.save(path));
    qInfo("screenshot: %s", qPrintable(path));
}

void TestViewerScreenshots::show(const QString& text, int column) {
    QTreeWidget* tree = m_window->browser()->tree();
    for (QTreeWidgetItemIterator it(tree); *it; ++it) {
        if ((*it)->childCount() == 0 && (*it)->text(column) == text) {
            tree->scrollToItem(*it);
            QTest::mouseClick(tree->viewport(), Qt::LeftButton, {},
                              tree->visualItemRect(*it).center());
            break;
        }
    }
    QTRY_VERIFY(active()->series() && image()->hasImage() && !active()->isWaitingForFrame());
}

void TestViewerScreenshots::goToInstance(int instanceNumber) {
    const auto& instances = active()->series().series->instances;
    for (int i = 0; i < int(instances.size()); ++i) {
        if (instances[i].instanceNumber == instanceNumber) {
            active()->setIndex(i);
        }
    }
    QTRY_VERIFY(!active()->isWaitingForFrame());
}

void TestViewerScreenshots::drag(QPointF fromImage, QPointF toImage) {
    const QPoint from = image()->geometryState().mapToWidget(fromImage).toPoint();
    const QPoint to = image()->geometryState().mapToWidget(toImage).toPoint();
    QTest::mousePress(image(), Qt::LeftButton, {}, from);
    QTest::mouseMove(image(), (from + to) / 2);
    QTest::mouseMove(image(), to);
    QTest::mouseRelease(image(), Qt::LeftButton, {}, to);
}

void TestViewerScreenshots::click(QPointF imagePoint) {
    QTest::mouseClick(image(), Qt::LeftButton, {},
                      image()->geometryState().mapToWidget(imagePoint).toPoint());
}

void TestViewerScreenshots::ctMeasurements() {
    const ViewerActions& v = m_window->actions().viewer;
    show(QStringLiteral("CT"));
    goToInstance(sample::kLesionInstanceNumber);
    v.ctPresets.at(3)->trigger();  // liver
    const QPointF lesion(sample::kLesionColumn + 0.5, sample::kLesionRow + 0.5);
    tool(v.toolLength);
    drag(lesion - QPointF(12.5, 0), lesion + QPointF(12.5, 0));
    tool(v.toolEllipse);
    drag(QPointF(70, 100), QPointF(90, 120));
    tool(v.toolRectangle);
    drag(QPointF(120, 190), QPointF(136, 204));  // over the vertebral body: bone and soft tissue
    tool(v.toolAngle);
    drag(QPointF(200, 170), QPointF(170, 140));
    QTest::mouseMove(image(), image()->geometryState().mapToWidget(QPointF(200, 120)).toPoint());
    click(QPointF(205, 115));
    tool(v.toolArrow);
    drag(lesion + QPointF(-9, 9), lesion + QPointF(-40, 45));
    tool(v.toolText);
    click(lesion + QPointF(-70, 50));
    tool(v.toolWindowLevel);
    save(QStringLiteral("20-ct-liver-preset-measurements"));
}

void TestViewerScreenshots::zoomedAndRotated() {
    const WindowActions& a = m_window->actions();
    a.zoomIn->trigger();
    a.zoomIn->trigger();
    a.rotate->trigger();
    a.viewer.ctPresets.at(2)->trigger();  // abdomen
    save(QStringLiteral("21-ct-zoomed-rotated-annotations-follow"));
    a.resetView->trigger();
}

void TestViewerScreenshots::radiographMeasurements() {
    const ViewerActions& v = m_window->actions().viewer;
    show(QStringLiteral("DX"));
    tool(v.toolLength);
    drag(QPointF(230, 260), QPointF(620, 260));
    tool(v.toolRectangle);
    drag(QPointF(150, 350), QPointF(330, 600));  // over bright lung/soft-tissue boundary
    tool(v.toolEllipse);
    drag(QPointF(400, 700), QPointF(520, 820));
    tool(v.toolWindowLevel);
    save(QStringLiteral("22-radiograph-detector-spacing"));
}

void TestViewerScreenshots::photographLength() {
    show(QStringLiteral("XC"));
    m_window->actions().viewer.toolLength->trigger();
    drag(QPointF(100, 440), QPointF(300, 440));
    m_window->actions().viewer.toolWindowLevel->trigger();
    save(QStringLiteral("23-photograph-length-in-pixels"));
}

void TestViewerScreenshots::quadLayoutWithPrior() {
    const ViewerActions& v = m_window->actions().viewer;
    v.layoutQuad->trigger();
    ViewerGrid* grid = m_window->viewerGrid();
    grid->setActive(0);
    show(QStringLiteral("CT"));
    grid->setActive(1);
    show(QStringLiteral("Prior volume"), 0);
    grid->setActive(2);
    show(QStringLiteral("CT"));
    v.ctPresets.at(4)->trigger();  // bone
    grid->setActive(3);
    show(QStringLiteral("DX"));
    grid->setActive(0);
    v.syncScroll->trigger();
    grid->viewport(0)->seriesViewer()->step(2);
    for (Viewport* viewport : grid->visibleViewports()) {
        QTRY_VERIFY(!viewport->seriesViewer()->isWaitingForFrame());
    }
    save(QStringLiteral("24-layout-2x2-sync-with-prior"));
    v.syncScroll->trigger();
}

void TestViewerScreenshots::multiFrameCine() {
    const ViewerActions& v = m_window->actions().viewer;
    v.layoutSideBySide->trigger();
    m_window->viewerGrid()->setActive(1);
    show(QStringLiteral("XA"));
    active()->cine()->setFramesPerSecond(20);
    active()->cine()->setPlaying(true);
    QTRY_VERIFY(active()->currentFrame().frame == 5);
    save(QStringLiteral("25-multiframe-cine-playing"));
    active()->cine()->setPlaying(false);
    v.layoutSingle->trigger();
}

void TestViewerScreenshots::overlayPlanes() {
    show(QStringLiteral("OT"));
    QTRY_VERIFY(!m_window->viewerGrid()->active()->overlayPlanes()->planes().isNull());
    save(QStringLiteral("26-overlay-plane"));
}

QTEST_MAIN(TestViewerScreenshots)
#include "test_viewer_screenshots.moc"
