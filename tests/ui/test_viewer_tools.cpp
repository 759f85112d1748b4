// The viewer's reading tools driven through the real main window: window/level presets on the
// number keys and the file's own windows, measurements drawn with the mouse on the sample CT
// (a 20 mm lesion, a 60 HU liver) and kept across zoom, rotation and a save/reload, cine on a
// series and on a multi-frame instance, and the 2x2 layout with synchronised scrolling.
#include <QtTest>

#include <QAction>
#include <QMenu>
#include <QSet>
#include <QTemporaryDir>
#include <QTreeWidget>

#include "dicom/sample_study.h"
#include "synthetic_series.h"
#include "ui/browser/study_browser.h"
#include "ui/main_window.h"
#include "ui/measure/annotation_layer.h"
#include "ui/measure/annotation_store.h"
#include "ui/measure/measurement.h"
#include "ui/study/study_loader.h"
#include "ui/viewer/cine_player.h"
#include "ui/viewer/image_viewer.h"
#include "ui/viewer/overlay_planes.h"
#include "ui/viewer/series_viewer.h"
#include "ui/viewer/slice_geometry.h"
#include "ui/viewer/viewer_grid.h"
#include "ui/viewer/viewport.h"
#include "tests/ui/browser_items.h"

using namespace ui;
namespace sample = dicom::sample;

class TestViewerTools : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void presetsOnNumberKeys_data();
    void presetsOnNumberKeys();
    void fileWindowsAreListedAndCycled();
    void presetsDoNothingOnRadiograph();
    void lengthAcrossLesionIsTwentyMillimetres();
    void radiographLengthIsAtDetector();
    void ellipseInLiverReadsSixtyHu();
    void angleOfKnownGeometry();
    void annotationsFollowZoomAndRotation();
    void deleteKeyRemovesSelected();
    void annotationsSurviveSaveAndReload();
    void cineAdvancesAndStops();
    void cinePlaysMultiFrameInstance();
    void quadLayoutScrollsInSync();
    void overlayPlanesShowAndHide();
    void newActionsHaveDistinctShortcuts();

private:
    Viewport* viewport(int i) const { return m_window->viewerGrid()->viewport(i); }
    SeriesViewer* active() const { return m_window->viewerGrid()->activeViewer(); }
    ImageViewer* image() const { return active()->viewer(); }
    AnnotationLayer* layer() const { return m_window->viewerGrid()->active()->annotations(); }
    void showModality(const QString& modality);
    void showSeriesTitled(const QString& text);
    void goToInstance(int instanceNumber);
    QPoint at(QPointF imagePoint) const;
    void drag(QPointF fromImage, QPointF toImage);
    void key(int key, Qt::KeyboardModifiers modifiers = {});

    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_extra;
};

void TestViewerTools::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QVERIFY(QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                 QStringLiteral("/annotations"))
                .removeRecursively());
    QVERIFY(testutil::writeMultiFrame(m_extra.filePath(QStringLiteral("cine.dcm")), 8, 64));
    QVERIFY(testutil::writeWithOverlay(m_extra.filePath(QStringLiteral("overlay.dcm")), 64));
    testutil::VolumeSpec prior;
    prior.slices = 40;
    prior.size = 64;
    prior.description = "Prior volume";
    QVERIFY(QDir(m_extra.path()).mkpath(QStringLiteral("prior")));
    QVERIFY(testutil::writeVolume(m_extra.filePath(QStringLiteral("prior")), prior));

    m_window = std::make_unique<MainWindow>();
    m_window->setSampleStudyPath(QStringLiteral(MEDGEMMA_BINARY_DIR "/sample-study"));
    m_window->resize(1500, 1000);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QSignalSpy loaded(m_window.get(), &MainWindow::studiesLoaded);
    m_window->openPaths({QStringLiteral(MEDGEMMA_BINARY_DIR "/sample-study"), m_extra.path()});
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->loader()->isBusy(), 20000);
    QCOMPARE(m_window->session().collection().errors.size(), std::size_t(0));
}

void TestViewerTools::init() {
    m_window->actions().viewer.layoutSingle->trigger();
    m_window->actions().viewer.toolWindowLevel->trigger();
    if (m_window->actions().viewer.syncScroll->isChecked()) {
        m_window->actions().viewer.syncScroll->trigger();
    }
}

void TestViewerTools::key(int k, Qt::KeyboardModifiers modifiers) {
    QTest::keyClick(image(), Qt::Key(k), modifiers);
}

void TestViewerTools::showModality(const QString& modality) {
    QTreeWidget* tree = m_window->browser()->tree();
    QTreeWidgetItem* item = testutil::firstSeriesOfModality(tree, modality);
    QVERIFY2(item, qPrintable(modality));
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(item).center());
    QTRY_VERIFY(active()->series() &&
                active()->series().series->modality == modality.toStdString());
    QTRY_VERIFY(image()->hasImage() && !active()->isWaitingForFrame());
}

void TestViewerTools::showSeriesTitled(const QString& text) {
    QTreeWidget* tree = m_window->browser()->tree();
    const auto items = tree->findItems(text, Qt::MatchExactly | Qt::MatchRecursive);
    QVERIFY2(!items.isEmpty(), qPrintable(text));
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {},
                      tree->visualItemRect(items.first()).center());
    QTRY_VERIFY(active()->series() && active()->series().series->description == text.toStdString());
    QTRY_VERIFY(image()->hasImage() && !active()->isWaitingForFrame());
}

void TestViewerTools::goToInstance(int instanceNumber) {
    const auto& instances = active()->series().series->instances;
    for (int i = 0; i < int(instances.size()); ++i) {
        if (instances[i].instanceNumber == instanceNumber) {
            active()->setIndex(i);
        }
    }
    QTRY_VERIFY(active()->currentInstance()->instanceNumber == instanceNumber &&
                !active()->isWaitingForFrame());
}

QPoint TestViewerTools::at(QPointF imagePoint) const {
    return image()->geometryState().mapToWidget(imagePoint).toPoint();
}

void TestViewerTools::drag(QPointF fromImage, QPointF toImage) {
    const QPoint from = at(fromImage);
    const QPoint to = at(toImage);
    QTest::mousePress(image(), Qt::LeftButton, {}, from);
    QTest::mouseMove(image(), (from + to) / 2);
    QTest::mouseMove(image(), to);
    QTest::mouseRelease(image(), Qt::LeftButton, {}, to);
}

void TestViewerTools::presetsOnNumberKeys_data() {
    QTest::addColumn<int>("key");
    QTest::addColumn<double>("center");
    QTest::addColumn<double>("width");
    QTest::newRow("1 lung") << int(Qt::Key_1) << -600.0 << 1500.0;
    QTest::newRow("2 mediastinum") << int(Qt::Key_2) << 50.0 << 350.0;
    QTest::newRow("3 abdomen") << int(Qt::Key_3) << 40.0 << 400.0;
    QTest::newRow("4 liver") << int(Qt::Key_4) << 60.0 << 150.0;
    QTest::newRow("5 bone") << int(Qt::Key_5) << 300.0 << 1500.0;
    QTest::newRow("6 brain") << int(Qt::Key_6) << 40.0 << 80.0;
    QTest::newRow("0 file window") << int(Qt::Key_0) << 40.0 << 400.0;  // the file's ABDOMEN
}

void TestViewerTools::presetsOnNumberKeys() {
    QFETCH(int, key);
    QFETCH(double, center);
    QFETCH(double, width);
    showModality(QStringLiteral("CT"));
    image()->setWindow({123, 456, dicom::VoiFunction::Linear, {}});
    this->key(key);
    QCOMPARE(image()->window().center, center);
    QCOMPARE(image()->window().width, width);
    // Scrolling keeps the preset.
    key == Qt::Key_0 ? active()->step(1) : this->key(Qt::Key_Down);
    QTRY_VERIFY(!active()->isWaitingForFrame());
    QCOMPARE(image()->window().center, center);
}

void TestViewerTools::fileWindowsAreListedAndCycled() {
    showModality(QStringLiteral("CT"));
    QMenu* menu = m_window->actions().viewer.fileWindowsMenu;
    QStringList texts;
    for (QAction* action : menu->actions()) {
        texts << action->text();
    }
    QCOMPARE(texts, (QStringList{QStringLiteral("ABDOMEN (W 400, L 40)"),
                                 QStringLiteral("LUNG (W 1500, L -600)"),
                                 QStringLiteral("BONE (W 1800, L 400)")}));
    menu->actions().at(2)->trigger();
    QCOMPARE(image()->window().width, 1800.0);
    key(Qt::Key_W, Qt::ShiftModifier);  // next window in the file wraps to the first
    QCOMPARE(image()->window().center, 40.0);
    key(Qt::Key_W, Qt::ShiftModifier);
    QCOMPARE(image()->window().center, -600.0);
}

void TestViewerTools::presetsDoNothingOnRadiograph() {
    showModality(QStringLiteral("DX"));
    const dicom::WindowPreset before = image()->window();
    QVERIFY(!m_window->actions().viewer.ctPresets.first()->isEnabled());
    key(Qt::Key_1);
    QCOMPARE(image()->window().center, before.center);
    QCOMPARE(image()->window().width, before.width);
}

void TestViewerTools::lengthAcrossLesionIsTwentyMillimetres() {
    showModality(QStringLiteral("CT"));
    goToInstance(sample::kLesionInstanceNumber);
    key(Qt::Key_L);
    QVERIFY(m_window->actions().viewer.toolLength->isChecked());
    const int before = layer()->annotations().size();
    const double radius = sample::kLesionDiameter / 2 / sample::kCtPixelSpacing;  // pixels
    const QPointF centre(sample::kLesionColumn + 0.5, sample::kLesionRow + 0.5);
    drag(centre - QPointF(radius, 0), centre + QPointF(radius, 0));
    QCOMPARE(layer()->annotations().size(), before + 1);
    const Annotation& a = layer()->annotations().last();
    QCOMPARE(a.kind, AnnotationKind::Length);
    const double mm = distance(a.points[0], a.points[1], active()->currentInstance()->spacing);
    QVERIFY2(qAbs(mm - 20.0) < 0.5, qPrintable(QString::number(mm)));
    const QString label = layer()->labelOf(a);
    QVERIFY2(label.endsWith(QStringLiteral(" mm")) && !label.contains(QStringLiteral("detector")),
             qPrintable(label));
    // The window/level was not touched by the drag.
    QCOMPARE(layer()->selected(), a.id);
}

void TestViewerTools::radiographLengthIsAtDetector() {
    showModality(QStringLiteral("DX"));
    key(Qt::Key_L);
    drag(QPointF(200, 300), QPointF(450, 300));  // 250 pixels of 0.4 mm at the detector
    const Annotation& a = layer()->annotations().last();
    const QString label = layer()->labelOf(a);
    QVERIFY2(label.contains(QStringLiteral("at detector")), qPrintable(label));
    const double mm = distance(a.points[0], a.points[1], active()->currentInstance()->spacing);
    QVERIFY2(qAbs(mm - 100.0) < 1.0, qPrintable(QString::number(mm)));
}

void TestViewerTools::ellipseInLiverReadsSixtyHu() {
    showModality(QStringLiteral("CT"));
    goToInstance(sample::kLesionInstanceNumber);
    key(Qt::Key_E);
    const QPointF liver(sample::kLiverPoint[0] + 0.5, sample::kLiverPoint[1] + 0.5);
    drag(liver - QPointF(8, 8), liver + QPointF(8, 8));
    const Annotation& a = layer()->annotations().last();
    QCOMPARE(a.kind, AnnotationKind::Ellipse);
    const RegionStats stats = regionStats(image()->frame(), RegionShape::Ellipse, a.bounds(),
                                          active()->currentInstance()->spacing);
    QVERIFY(stats.pixels > 150);
    QCOMPARE(stats.mean, sample::kLiverHu);
    QCOMPARE(stats.sd, 0.0);
    QCOMPARE(stats.min, sample::kLiverHu);
    QCOMPARE(stats.max, sample::kLiverHu);
    const QString label = layer()->labelOf(a);
    QVERIFY2(label.contains(QStringLiteral("Mean 60.0 HU  SD 0.0")), qPrintable(label));
    QVERIFY2(label.contains(QStringLiteral("mm²")) || label.contains(QStringLiteral("cm²")),
             qPrintable(label));
}

void TestViewerTools::angleOfKnownGeometry() {
    showModality(QStringLiteral("CT"));
    key(Qt::Key_A);
    const QPointF vertex(128, 128);
    drag(vertex + QPointF(40, 0), vertex);  // first arm, to the vertex
    const QPoint third = at(vertex + QPointF(0, -40));
    QTest::mouseMove(image(), at(vertex + QPointF(0, -20)));
    QTest::mouseClick(image(), Qt::LeftButton, {}, third);
    const Annotation& a = layer()->annotations().last();
    QCOMPARE(a.kind, AnnotationKind::Angle);
    const double degrees =
        angleDegrees(a.points[0], a.points[1], a.points[2], active()->currentInstance()->spacing);
    QVERIFY2(qAbs(degrees - 90.0) < 1.5, qPrintable(QString::number(degrees)));
    QVERIFY(layer()->labelOf(a).endsWith(QStringLiteral("°")));
}

void TestViewerTools::annotationsFollowZoomAndRotation() {
    showModality(QStringLiteral("CT"));
    goToInstance(sample::kLesionInstanceNumber);
    key(Qt::Key_L);
    drag(QPointF(100, 60), QPointF(160, 60));
    const Annotation drawn = layer()->annotations().last();
    key(Qt::Key_W);  // back to window/level: clicks on the image no longer draw
    m_window->actions().zoomIn->trigger();
    m_window->actions().rotate->trigger();
    m_window->actions().flip->trigger();
    // Stored in image pixels: unchanged by the view.
    QCOMPARE(layer()->annotations().last().points, drawn.points);
    // Drawn where the image point now is: that screen pixel is coloured, the CT around is grey.
    const QPointF middle = (drawn.points[0] + drawn.points[1]) / 2;
    const QImage shot = viewport(0)->seriesViewer()->viewer()->grab().toImage();
    const QColor pixel = shot.pixelColor(
        (image()->geometryState().mapToWidget(middle) * shot.devicePixelRatio()).toPoint());
    QVERIFY2(pixel.red() != pixel.blue(), qPrintable(pixel.name()));
    // And picked there: a click on its new screen position selects it.
    layer()->setTool(MeasureTool::WindowLevel);
    QTest::mouseClick(image(), Qt::LeftButton, {}, at(QPointF(50, 200)));  // empty: deselects
    QVERIFY(layer()->selected().isNull());
    QTest::mouseClick(image(), Qt::LeftButton, {}, at(middle));
    QCOMPARE(layer()->selected(), drawn.id);
    m_window->actions().resetView->trigger();
}

void TestViewerTools::deleteKeyRemovesSelected() {
    showModality(QStringLiteral("CT"));
    key(Qt::Key_B);
    drag(QPointF(110, 180), QPointF(150, 200));
    const QUuid id = layer()->annotations().last().id;
    QCOMPARE(layer()->selected(), id);
    const int count = layer()->annotations().size();
    key(Qt::Key_Delete);
    QCOMPARE(layer()->annotations().size(), count - 1);
    for (const Annotation& a : layer()->annotations()) {
        QVERIFY(a.id != id);
    }
}

void TestViewerTools::annotationsSurviveSaveAndReload() {
    showModality(QStringLiteral("CT"));
    goToInstance(sample::kLesionInstanceNumber);
    layer()->setTextPrompt([](QWidget*, const QString&) {
        return std::optional<QString>(QStringLiteral("Hypodense lesion"));
    });
    key(Qt::Key_T);
    QTest::mouseClick(image(), Qt::LeftButton, {}, at(QPointF(100, 150)));
    const QList<Annotation> before = layer()->annotations();
    QVERIFY(!before.isEmpty());
    QCOMPARE(before.last().text, QStringLiteral("Hypodense lesion"));
    const ImageKey key = layer()->imageKey();
    AnnotationStore* store = m_window->annotations();
    QVERIFY(store->saveNow());
    QVERIFY(QFileInfo::exists(store->fileFor(key.studyUid)));
    // Reopening the study: what is in memory is dropped, the sidecar brings it back.
    store->forget(key.studyUid);
    active()->step(1);
    QTRY_VERIFY(!active()->isWaitingForFrame());
    QVERIFY(layer()->annotations().isEmpty() ||
            layer()->imageKey().sopInstanceUid != key.sopInstanceUid);
    active()->step(-1);
    QTRY_VERIFY(!active()->isWaitingForFrame() &&
                layer()->imageKey().sopInstanceUid == key.sopInstanceUid);
    QCOMPARE(layer()->annotations(), before);
    QCOMPARE(AnnotationStore().annotations(key), before);  // a fresh store reads the same file
}

void TestViewerTools::cineAdvancesAndStops() {
    showModality(QStringLiteral("CT"));
    CinePlayer* cine = active()->cine();
    cine->setFramesPerSecond(30);
    QSignalSpy stepped(active(), &SeriesViewer::indexChanged);
    key(Qt::Key_P);
    QVERIFY(cine->isPlaying());
    QVERIFY(m_window->actions().viewer.cinePlay->isChecked());
    QTRY_VERIFY(stepped.count() >= sample::kCtSlices + 2);  // past the end: it loops
    key(Qt::Key_P);
    QVERIFY(!cine->isPlaying());
    const int count = stepped.count();
    // Several cine periods later nothing has moved.
    QTimer ticks;
    QSignalSpy ticked(&ticks, &QTimer::timeout);
    ticks.start(1000 / 30);
    QTRY_VERIFY(ticked.count() >= 6);
    QCOMPARE(stepped.count(), count);
    // The rate keys step through the usual rates.
    key(Qt::Key_BracketRight);
    QCOMPARE(cine->framesPerSecond(), 40);
    key(Qt::Key_BracketLeft);
    key(Qt::Key_BracketLeft);
    QCOMPARE(cine->framesPerSecond(), 25);
}

void TestViewerTools::cinePlaysMultiFrameInstance() {
    showModality(QStringLiteral("XA"));
    QCOMPARE(active()->frameCount(), 8);
    QCOMPARE(active()->series().series->instances.size(), std::size_t(1));
    QSet<int> seen;
    connect(active(), &SeriesViewer::frameShown, this, [this, &seen] {
        seen.insert(int(image()->frame().grey.at(0)));  // frame f holds the value f
        QCOMPARE(active()->currentFrame().frame, int(image()->frame().grey.at(0)));
    });
    active()->cine()->setFramesPerSecond(60);
    active()->cine()->setPlaying(true);
    QTRY_COMPARE(seen.size(), 8);
    active()->cine()->setPlaying(false);
    disconnect(active(), &SeriesViewer::frameShown, this, nullptr);
}

void TestViewerTools::quadLayoutScrollsInSync() {
    key(Qt::Key_4, Qt::AltModifier);
    ViewerGrid* grid = m_window->viewerGrid();
    QCOMPARE(grid->visibleCount(), 4);
    QVERIFY(viewport(3)->isVisible());
    // CT in 0 and 1 (same study), DX in 2, the prior-like synthetic volume in 3.
    const auto showIn = [&](int index, const std::function<void()>& pick) {
        QTest::mouseClick(viewport(index)->seriesViewer()->viewer(), Qt::LeftButton, {},
                          QPoint(20, 20));
        QCOMPARE(grid->activeIndex(), index);
        QVERIFY(viewport(index)->isActive());
        pick();
    };
    showIn(0, [&] { showModality(QStringLiteral("CT")); });
    showIn(1, [&] { showModality(QStringLiteral("CT")); });
    showIn(2, [&] { showModality(QStringLiteral("DX")); });
    showIn(3, [&] { showSeriesTitled(QStringLiteral("Prior volume")); });
    SeriesViewer* ct = viewport(0)->seriesViewer();
    SeriesViewer* ctCopy = viewport(1)->seriesViewer();
    SeriesViewer* prior = viewport(3)->seriesViewer();
    ct->setIndex(2);
    ctCopy->setIndex(7);
    const int priorStart = prior->index();
    key(Qt::Key_Y);
    QVERIFY(m_window->actions().viewer.syncScroll->isChecked());
    const auto z = [](const SeriesViewer* v) { return (*v->currentInstance()->imagePosition)[2]; };
    const double ctStart = z(ct);
    ct->step(3);
    // Same study: the copy goes to the same position, whatever it showed before.
    QCOMPARE(ctCopy->index(), ct->index());
    // Another study: the prior moves by the same distance from where it was.
    QVERIFY2(qAbs((z(prior) - (*prior->series().series->instances[priorStart].imagePosition)[2]) -
                  (z(ct) - ctStart)) <= 0.5,
             qPrintable(QStringLiteral("%1 -> %2").arg(priorStart).arg(prior->index())));
    QVERIFY(prior->index() != priorStart);
    QCOMPARE(viewport(2)->seriesViewer()->index(), 0);  // the radiograph has one image
    // Scrolling the follower drives the others too.
    ctCopy->step(-1);
    QCOMPARE(ct->index(), ctCopy->index());
    key(Qt::Key_Y);
    ct->step(1);
    QVERIFY(ctCopy->index() != ct->index());
    key(Qt::Key_1, Qt::AltModifier);
    QCOMPARE(grid->visibleCount(), 1);
    QVERIFY(!viewport(3)->isVisible());
}

void TestViewerTools::overlayPlanesShowAndHide() {
    showModality(QStringLiteral("OT"));
    OverlayPlanes* planes = viewport(0)->overlayPlanes();
    QVERIFY(m_window->actions().viewer.overlayPlanes->isChecked());
    QTRY_VERIFY(!planes->planes().isNull());
    QCOMPARE(planes->planes().size(), QSize(64, 64));
    QCOMPARE(qAlpha(planes->planes().pixel(25, 12)), 255);  // column 26, row 13: set
    QCOMPARE(qAlpha(planes->planes().pixel(5, 5)), 0);
    QCOMPARE(qAlpha(planes->planes().pixel(25, 30)), 0);
    // Drawn in image space: the screen pixel over a set bit is coloured.
    const QImage shot = image()->grab().toImage();
    const QPoint onScreen =
        (image()->geometryState().mapToWidget(QPointF(30.5, 15.5)) * shot.devicePixelRatio())
            .toPoint();
    QVERIFY(shot.pixelColor(onScreen).blue() != shot.pixelColor(onScreen).red());
    key(Qt::Key_O, Qt::ShiftModifier);
    QVERIFY(!planes->isShown());
    QVERIFY(!planes->isVisible());
    key(Qt::Key_O, Qt::ShiftModifier);
    QVERIFY(planes->isShown() && planes->isVisible());
    // The sample CT has no planes.
    showModality(QStringLiteral("CT"));
    QTRY_VERIFY(planes->planes().isNull());
}

void TestViewerTools::newActionsHaveDistinctShortcuts() {
    QHash<QString, QString> owners;
    for (QAction* action : m_window->actions().all()) {
        for (const QKeySequence& keys : action->shortcuts()) {
            const QString text = keys.toString();
            QVERIFY2(!owners.contains(text),
                     qPrintable(text + QStringLiteral(": ") + owners.value(text) +
                                QStringLiteral(" and ") + action->text()));
            owners.insert(text, action->text());
        }
    }
    for (QAction* action : m_window->actions().viewer.all()) {
        QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->text()));
    }
}

QTEST_MAIN(TestViewerTools)
#include "test_viewer_tools.moc"
