// Selection for the model through the real window with a scripted service: marking frames with
// the keyboard action, "whole series" on the sample CT (all 12 slices, slice order, the CT
// 3-window colours at known HU points), a region cropped before padding (drawn with the mouse),
// the "what the model sees" strip showing exactly the request's images, and the token budget.
#include <QtTest>

#include <QAction>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTreeWidget>

#include "dicom/sample_study.h"
#include "scripted_drafting_service.h"
#include "ui/assistant/assistant_panel.h"
#include "ui/assistant/draft_controller.h"
#include "ui/assistant/draft_progress.h"
#include "ui/assistant/input_strip.h"
#include "ui/assistant/model_inputs.h"
#include "ui/assistant/prompt_panel.h"
#include "ui/assistant/region_overlay.h"
#include "ui/assistant/request_runner.h"
#include "ui/assistant/token_budget.h"
#include "ui/browser/study_browser.h"
#include "ui/main_window.h"
#include "ui/viewer/image_viewer.h"
#include "ui/viewer/series_viewer.h"
#include "tests/ui/browser_items.h"

using namespace ui;

namespace {

int ctWindow(double hu, double lo, double hi) {
    return int(std::nearbyint((std::clamp(hu, lo, hi) - lo) / (hi - lo) * 255.0));
}

}  // namespace

class TestModelInputs : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void marksSeveralImagesInSliceOrder();
    void wholeSeriesTakesEverySliceInOrderWithCtWindows();
    void stripShowsExactlyTheRequestImages();
    void regionIsCroppedBeforePadding();
    void regionDrawnWithTheMouse();
    void regionDimsTheImageButNotTheCornerTexts();
    void tokenBudgetCountsImagesAndPrompt();
    void draftWaitsForPreparationAndSendsMarkedImages();
    void progressLineFollowsPhasesAndModelLoad();

private:
    void showModality(const QString& modality);
    void waitReady();
    int indexOfInstance(int instanceNumber) const;
    ModelInputs* inputs() const { return m_window->assistant()->inputs(); }
    std::unique_ptr<MainWindow> m_window;
    testutil::ScriptedDraftingService* m_service = nullptr;
};

void TestModelInputs::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    m_window = std::make_unique<MainWindow>();
    m_service = new testutil::ScriptedDraftingService(m_window.get());
    m_window->setDraftingService(m_service);
    m_window->setSampleStudyPath(QStringLiteral(MEDGEMMA_BINARY_DIR "/sample-study"));
    m_window->resize(1500, 950);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy loaded(m_window.get(), &MainWindow::studiesLoaded);
    m_window->openSampleStudy();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
}

void TestModelInputs::init() {
    m_window->actions().clearMarks->trigger();
    m_window->actions().clearRegion->trigger();
    m_window->promptPanel()->selectTemplate(QStringLiteral("ct-report"));
    m_service->setState(ModelState::Ready);
}

void TestModelInputs::showModality(const QString& modality) {
    QTreeWidget* tree = m_window->browser()->tree();
    QTreeWidgetItem* item = testutil::firstSeriesOfModality(tree, modality);
    QVERIFY2(item, qPrintable(modality));
    tree->setCurrentItem(item);
    QTRY_VERIFY(m_window->seriesViewer()->series() &&
                m_window->seriesViewer()->series().series->modality == modality.toStdString());
    QTRY_VERIFY(m_window->seriesViewer()->viewer()->hasImage());
}

void TestModelInputs::waitReady() {
    QTRY_VERIFY_WITH_TIMEOUT(inputs()->isReady(), 20000);
    QVERIFY2(inputs()->errors().isEmpty(), qPrintable(inputs()->errors().join(QLatin1Char('\n'))));
}

int TestModelInputs::indexOfInstance(int instanceNumber) const {
    const auto& instances = m_window->seriesViewer()->series().series->instances;
    for (int i = 0; i < int(instances.size()); ++i) {
        if (instances[i].instanceNumber == instanceNumber) {
            return i;
        }
    }
    return -1;
}

void TestModelInputs::marksSeveralImagesInSliceOrder() {
    showModality(QStringLiteral("CT"));
    SeriesViewer* series = m_window->seriesViewer();
    for (int index : {7, 2, 9}) {
        series->setIndex(index);
        QTRY_COMPARE(series->index(), index);
        m_window->actions().markImage->trigger();  // S
    }
    // S again on a marked frame unmarks it.
    m_window->actions().markImage->trigger();
    waitReady();
    const QList<FrameMark>& marks = inputs()->marks();
    QCOMPARE(marks.size(), 2);
    QCOMPARE(marks[0].instance, 2);  // slice order, not marking order
    QCOMPARE(marks[1].instance, 7);
    const DraftRequest request = m_window->draftController()->buildRequest();
    QCOMPARE(request.images.size(), 2);
    const auto& instances = series->series().series->instances;
    QCOMPARE(request.images[0].sopInstanceUid, QString::fromStdString(instances[2].sopInstanceUid));
    QCOMPARE(request.images[1].sopInstanceUid, QString::fromStdString(instances[7].sopInstanceUid));
}

void TestModelInputs::wholeSeriesTakesEverySliceInOrderWithCtWindows() {
    showModality(QStringLiteral("CT"));
    m_window->actions().markSeries->trigger();  // Shift+S
    waitReady();
    const auto& instances = m_window->seriesViewer()->series().series->instances;
    const DraftRequest request = m_window->draftController()->buildRequest();
    QCOMPARE(request.images.size(), dicom::sample::kCtSlices);
    for (int i = 0; i < dicom::sample::kCtSlices; ++i) {
        QCOMPARE(request.images[i].sopInstanceUid,
                 QString::fromStdString(instances[i].sopInstanceUid));
        QVERIFY(request.images[i].recipe.startsWith(QStringLiteral("ct-3-windows")));
    }
    // CT layout: instruction, (image, "SLICE k") x 12, then the question.
    const auto& items = request.turns[0].items;
    QCOMPARE(items.size(), 1 + 2 * dicom::sample::kCtSlices + 1);
    QCOMPARE(items[1].kind, DraftItem::Kind::Image);
    QCOMPARE(items[2].text, QStringLiteral("SLICE 1"));
    QCOMPARE(items[24].text, QStringLiteral("SLICE 12"));
    QVERIFY(items.last().text.startsWith(QStringLiteral("Based on the visual evidence")));

    const int lesion = indexOfInstance(dicom::sample::kLesionInstanceNumber);
    const QImage& slice = request.images[lesion].rgb;
    QCOMPARE(slice.size(),
             QSize(dicom::sample::kCtSize, dicom::sample::kCtSize));  // square already
    const QColor liver =
        slice.pixelColor(dicom::sample::kLiverPoint[0], dicom::sample::kLiverPoint[1]);
    QCOMPARE(liver.red(), 135);    // round((60 + 1024) / 2048 * 255)
    QCOMPARE(liver.green(), 142);  // round((60 + 135) / 350 * 255)
    QCOMPARE(liver.blue(), 191);   // round(60 / 80 * 255)
    const QColor fat = slice.pixelColor(dicom::sample::kFatPoint[0], dicom::sample::kFatPoint[1]);
    QCOMPARE(fat.red(), ctWindow(dicom::sample::kFatHu, -1024, 1024));
    QCOMPARE(fat.green(), ctWindow(dicom::sample::kFatHu, -135, 215));
    QCOMPARE(fat.blue(), 0);
    const QColor bone = slice.pixelColor(dicom::sample::kCorticalBonePoint[0],
                                         dicom::sample::kCorticalBonePoint[1]);
    QCOMPARE(bone.red(), ctWindow(dicom::sample::kCorticalBoneHu, -1024, 1024));
    QCOMPARE(bone.green(), 255);
    QCOMPARE(bone.blue(), 255);
}

void TestModelInputs::stripShowsExactlyTheRequestImages() {
    showModality(QStringLiteral("CT"));
    m_window->actions().markSeries->trigger();
    waitReady();
    InputStrip* strip = m_window->assistant()->strip();
    const DraftRequest request = m_window->draftController()->buildRequest();
    QCOMPARE(strip->imageCount(), int(request.images.size()));
    for (int i = 0; i < strip->imageCount(); ++i) {
        QListWidgetItem* item = strip->list()->item(i);
        QCOMPARE(item->text(), QStringLiteral("SLICE %1").arg(i + 1));
        QVERIFY(item->toolTip().contains(request.images[i].sourceLabel));
        QVERIFY(item->toolTip().contains(QStringLiteral("256 × 256 px RGB")));
    }
    // Clicking a thumbnail shows its slice; Delete removes it from the model's images.
    SeriesViewer* series = m_window->seriesViewer();
    QListWidgetItem* third = strip->list()->item(2);
    QTest::mouseClick(strip->list()->viewport(), Qt::LeftButton, {},
                      strip->list()->visualItemRect(third).center());
    QTRY_COMPARE(series->index(), 2);
    QTest::keyClick(strip->list(), Qt::Key_Delete);
    waitReady();
    QCOMPARE(strip->imageCount(), dicom::sample::kCtSlices - 1);
    QVERIFY(!inputs()->currentFrameMarked());
}

void TestModelInputs::regionIsCroppedBeforePadding() {
    m_window->promptPanel()->selectTemplate(QStringLiteral("cxr-report"));
    showModality(QStringLiteral("DX"));
    waitReady();
    const QImage whole = inputs()->images().first().rgb;
    QCOMPARE(whole.size(), QSize(dicom::sample::kDxRows, dicom::sample::kDxRows));  // padded
    const QRect region(100, 200, 300, 100);
    inputs()->setRegion(region);
    waitReady();
    const QImage cropped = inputs()->images().first().rgb;
    QCOMPARE(cropped.size(), QSize(300, 300));
    QVERIFY(inputs()->images().first().recipe.contains(QStringLiteral("cropped to x 100, y 200")));
    // 200 rows of padding: 100 black rows above and below the 100-row crop.
    const int padLeft = (dicom::sample::kDxRows - dicom::sample::kDxColumns) / 2;
    for (int x : {0, 150, 299}) {
        QCOMPARE(cropped.pixelColor(x, 50), QColor(Qt::black));
        QCOMPARE(cropped.pixelColor(x, 250), QColor(Qt::black));
        QCOMPARE(cropped.pixelColor(x, 100 + 40), whole.pixelColor(padLeft + 100 + x, 200 + 40));
    }
}

void TestModelInputs::regionDrawnWithTheMouse() {
    m_window->promptPanel()->selectTemplate(QStringLiteral("cxr-report"));
    showModality(QStringLiteral("DX"));
    ImageViewer* viewer = m_window->seriesViewer()->viewer();
    RegionOverlay* overlay = m_window->assistant()->regionOverlay();
    m_window->actions().drawRegion->trigger();  // Shift+R
    QVERIFY(overlay->isDrawing());
    const QPoint from = viewer->rect().center() - QPoint(80, 60);
    const QPoint to = viewer->rect().center() + QPoint(60, 90);
    QTest::mousePress(overlay, Qt::LeftButton, {}, from);
    QTest::mouseMove(overlay, to);
    QTest::mouseRelease(overlay, Qt::LeftButton, {}, to);
    QVERIFY(!overlay->isDrawing());
    QVERIFY(!m_window->actions().drawRegion->isChecked());
    const QPointF a = viewer->geometryState().mapToImage(from);
    const QPointF b = viewer->geometryState().mapToImage(to);
    const QRect region = inputs()->region().rect;
    QCOMPARE(region.left(), int(std::floor(a.x())));
    QCOMPARE(region.top(), int(std::floor(a.y())));
    QCOMPARE(region.right() + 1, int(std::ceil(b.x())));
    QCOMPARE(region.bottom() + 1, int(std::ceil(b.y())));
    QCOMPARE(overlay->region(), region);
    waitReady();
    const int side = std::max(region.width(), region.height());
    QCOMPARE(inputs()->images().first().rgb.size(), QSize(side, side));
}

void TestModelInputs::regionDimsTheImageButNotTheCornerTexts() {
    m_window->promptPanel()->selectTemplate(QStringLiteral("cxr-report"));
    showModality(QStringLiteral("DX"));
    ImageViewer* viewer = m_window->seriesViewer()->viewer();
    const QTransform toWidget = viewer->geometryState().imageToWidget();
    const QImage plain = viewer->grab().toImage().convertToFormat(QImage::Format_RGB32);
    const QRect region(dicom::sample::kDxColumns / 2, dicom::sample::kDxRows / 2, 200, 200);
    inputs()->setRegion(region);
    const QImage dimmed = viewer->grab().toImage().convertToFormat(QImage::Format_RGB32);
    QCOMPARE(dimmed.size(), plain.size());
    const qreal ratio = dimmed.devicePixelRatio();
    auto at = [ratio](const QImage& image, QPointF widget) {
        return QColor(image.pixel((widget * ratio).toPoint()));
    };

    // Inside the region the image is as it was; outside it is darker.
    const QPointF inside = toWidget.map(QPointF(region.center()));
    QCOMPARE(at(dimmed, inside), at(plain, inside));
    const QPointF outside = toWidget.map(QPointF(region.left() - 100, region.center().y()));
    QVERIFY(at(plain, outside).lightness() > 20);
    QVERIFY(at(dimmed, outside).lightness() < at(plain, outside).lightness());

    // The corner texts over the image keep their colour (the dimming is painted under them).
    const QColor text(235, 225, 140);
    const QRect image = toWidget.mapRect(QRectF(0, 0, dicom::sample::kDxColumns,
                                                dicom::sample::kDxRows)).toRect();
    const QRect band = QRect(0, 0, viewer->width(), 50).intersected(image);
    int textPixels = 0;
    for (int y = band.top(); y <= band.bottom(); ++y) {
        for (int x = band.left(); x <= band.right(); ++x) {
            const QPointF p(x, y);
            if (at(plain, p) == text) {
                ++textPixels;
                QCOMPARE(at(dimmed, p), text);
            }
        }
    }
    QVERIFY2(textPixels > 10, "no corner text over the image: the check would be empty");
}

void TestModelInputs::tokenBudgetCountsImagesAndPrompt() {
    showModality(QStringLiteral("CT"));
    m_window->actions().markSeries->trigger();
    waitReady();
    TokenBudget* budget = m_window->assistant()->budget();
    QTRY_VERIFY(budget->figures().promptTokens >= 0 && budget->figures().images == 12);
    const TokenFigures& f = budget->figures();
    const DraftRequest request = m_window->draftController()->buildRequest();
    QCOMPARE(f.tokensPerImage, 260);
    QCOMPARE(f.contextLength, 8192);
    QCOMPARE(f.promptTokens, testutil::ScriptedDraftingService::countFor(request, 260));
    QCOMPARE(f.maxNewTokens, request.sampling.maxNewTokens);
    const QLocale locale;
    const QString text = m_window->assistant()->strip()->budgetLabel()->text();
    QVERIFY2(
        text.contains(QStringLiteral("Images: 12 × 260 = %1 tokens").arg(locale.toString(3120))),
        qPrintable(text));
    QVERIFY2(text.contains(
                 QStringLiteral("%1 of %2 tokens")
                     .arg(locale.toString(f.promptTokens + f.maxNewTokens), locale.toString(8192))),
             qPrintable(text));
    QVERIFY(f.fits());
}

void TestModelInputs::draftWaitsForPreparationAndSendsMarkedImages() {
    showModality(QStringLiteral("CT"));
    m_window->actions().markSeries->trigger();
    // Draft at once: the controller waits for the preparation, then sends all the slices.
    QTest::mouseClick(m_window->promptPanel()->draftButton(), Qt::LeftButton);
    QVERIFY(m_window->draftController()->isDrafting());
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->draftController()->isDrafting(), 20000);
    QCOMPARE(m_service->lastRequest.images.size(), dicom::sample::kCtSlices);
}

void TestModelInputs::progressLineFollowsPhasesAndModelLoad() {
    DraftProgress* progress = m_window->assistant()->progress();
    QVERIFY(progress->isHidden());
    showModality(QStringLiteral("DX"));
    m_window->promptPanel()->selectTemplate(QStringLiteral("cxr-report"));
    waitReady();
    QList<DraftPhase> phases;
    connect(m_window->draftController()->runner(), &RequestRunner::progress, this,
            [&](DraftPhase phase) { phases << phase; });
    m_service->holdAfterFirst = true;
    QTest::mouseClick(m_window->promptPanel()->draftButton(), Qt::LeftButton);
    QTRY_VERIFY(phases.contains(DraftPhase::Writing));
    QCOMPARE(phases.first(), DraftPhase::EncodingImages);
    QCOMPARE(phases.at(1), DraftPhase::ReadingPrompt);
    QVERIFY(progress->isVisible());
    QCOMPARE(progress->text(), RequestRunner::phaseText(DraftPhase::Writing));
    m_window->actions().stop->trigger();
    QTRY_VERIFY(!m_window->draftController()->isDrafting());
    QVERIFY(progress->isHidden());
    m_service->holdAfterFirst = false;
    disconnect(m_window->draftController()->runner(), nullptr, this, nullptr);

    // Loading a model shows its progress too, until it is ready.
    m_service->loadModel(
        {QStringLiteral("/models/medgemma"), ModelDevice::Cpu, ModelPrecision::BFloat16});
    QVERIFY(progress->isVisible());
    QCOMPARE(progress->text(), RequestRunner::phaseText(DraftPhase::LoadingModel));
    QTRY_COMPARE(m_service->modelState(), ModelState::Ready);
    QVERIFY(progress->isHidden());
}

QTEST_MAIN(TestModelInputs)
#include "test_model_inputs.moc"
