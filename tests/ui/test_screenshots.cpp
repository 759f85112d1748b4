// Writes PNG screenshots of the main views so that a person can look at them:
// $MEDGEMMA_SCREENSHOT_DIR, else <build>/screenshots. Run under Xvfb (QT_QPA_PLATFORM=xcb) for
// real window decorations and fonts, or offscreen. Each shot is also checked not to be blank.
#include <QtTest>

#include <QAction>
#include <QDir>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTreeWidget>

#include "dicom/sample_study.h"
#include "fake_model_catalog.h"
#include "scripted_drafting_service.h"
#include "ui/assistant/assistant_panel.h"
#include "ui/assistant/conversation_controller.h"
#include "ui/assistant/conversation_panel.h"
#include "ui/assistant/draft_controller.h"
#include "ui/assistant/health_record.h"
#include "ui/assistant/model_inputs.h"
#include "ui/assistant/prompt_panel.h"
#include "ui/assistant/template_editor_dialog.h"
#include "ui/assistant/token_budget.h"
#include "ui/common/theme.h"
#include "ui/model/model_manager_dialog.h"
#include "ui/browser/study_browser.h"
#include "ui/browser/thumbnail_loader.h"
#include "ui/main_window.h"
#include "ui/viewer/image_viewer.h"
#include "ui/viewer/series_viewer.h"
#include "tests/ui/browser_items.h"

using namespace ui;

class TestScreenshots : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void emptyWindow();
    void ctSeries();
    void chestRadiograph();
    void photograph();
    void wholeSeriesStripAndDraft();
    void regionOnRadiograph();
    void textAssistant();
    void modelManager();
    void modelManagerWithoutModels();
    void templateEditor();
    void darkTheme();
    void recentStudiesAfterClosing();

private:
    void showModality(const QString& modality);
    void save(const QString& name);
    void saveWidget(QWidget* widget, const QString& name);
    void useScriptedService();
    std::unique_ptr<MainWindow> m_window;
    testutil::ScriptedDraftingService* m_service = nullptr;
    testutil::FakeModelCatalog m_catalog;
    QDir m_out;
};

void TestScreenshots::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    const QString dir = qEnvironmentVariable("MEDGEMMA_SCREENSHOT_DIR",
                                             QStringLiteral(MEDGEMMA_BINARY_DIR "/screenshots"));
    QVERIFY(QDir().mkpath(dir));
    m_out = QDir(dir);
    m_window = std::make_unique<MainWindow>();
    m_window->setSampleStudyPath(QStringLiteral(MEDGEMMA_BINARY_DIR "/sample-study"));
    m_window->resize(1600, 1000);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestScreenshots::save(const QString& name) {
    QTest::qWait(50);  // let queued repaints land
    const QImage shot = m_window->grab().toImage();
    QVERIFY(!shot.isNull());
    const QString path = m_out.filePath(name + QStringLiteral(".png"));
    QVERIFY(shot.save(path));
    qInfo("screenshot: %s", qPrintable(path));
}

void TestScreenshots::saveWidget(QWidget* widget, const QString& name) {
    QTest::qWait(50);
    const QImage shot = widget->grab().toImage();
    QVERIFY(!shot.isNull());
    const QString path = m_out.filePath(name + QStringLiteral(".png"));
    QVERIFY(shot.save(path));
    qInfo("screenshot: %s", qPrintable(path));
}

void TestScreenshots::useScriptedService() {
    if (!m_service) {
        m_service = new testutil::ScriptedDraftingService(m_window.get());
        m_service->script = {
            QStringLiteral("FINDINGS:\nThe liver shows a well-circumscribed hypodense lesion of "
                           "about 2 cm in the right lobe. "),
            QStringLiteral("The spleen, kidneys and pancreas are unremarkable. No free fluid.\n"),
            QStringLiteral("IMPRESSION:\nSolitary hypodense liver lesion, likely a cyst; "
                           "correlate with ultrasound.")};
        m_window->setDraftingService(m_service);
    }
}

void TestScreenshots::showModality(const QString& modality) {
    QTreeWidget* tree = m_window->browser()->tree();
    QTreeWidgetItem* item = testutil::firstSeriesOfModality(tree, modality);
    QVERIFY2(item, qPrintable(modality));
    tree->setCurrentItem(item);
    QTRY_VERIFY(m_window->seriesViewer()->series() &&
                m_window->seriesViewer()->series().series->modality == modality.toStdString());
    QTRY_VERIFY(m_window->seriesViewer()->viewer()->hasImage());
}

void TestScreenshots::emptyWindow() { save(QStringLiteral("01-empty")); }

void TestScreenshots::ctSeries() {
    QSignalSpy loaded(m_window.get(), &MainWindow::studiesLoaded);
    m_window->openSampleStudy();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
    showModality(QStringLiteral("CT"));
    SeriesViewer* series = m_window->seriesViewer();
    for (int i = 0; i < series->frameCount(); ++i) {
        series->setIndex(i);
        if (series->currentInstance()->instanceNumber == dicom::sample::kLesionInstanceNumber) {
            break;
        }
    }
    QTRY_VERIFY(series->viewer()->hasImage());
    // The browser's thumbnails, rendered in the background, are in place.
    for (const auto& patient : m_window->session().collection().patients) {
        for (const auto& study : patient.studies) {
            for (const auto& one : study.series) {
                QTRY_VERIFY_WITH_TIMEOUT(!m_window->browser()->thumbnails()->isRendering(
                                             QString::fromStdString(one.seriesInstanceUid)),
                                         20000);
            }
        }
    }
    save(QStringLiteral("02-ct-abdomen-window"));
}

void TestScreenshots::chestRadiograph() {
    showModality(QStringLiteral("DX"));
    save(QStringLiteral("03-chest-radiograph"));
}

void TestScreenshots::photograph() {
    showModality(QStringLiteral("XC"));
    save(QStringLiteral("04-photograph"));
}

void TestScreenshots::wholeSeriesStripAndDraft() {
    useScriptedService();
    showModality(QStringLiteral("CT"));
    m_window->promptPanel()->selectTemplate(QStringLiteral("ct-report"));
    m_window->actions().markSeries->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->assistant()->inputs()->isReady(), 20000);
    QTest::mouseClick(m_window->promptPanel()->draftButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->draftController()->isDrafting(), 20000);
    QTRY_VERIFY(m_window->assistant()->budget()->figures().promptTokens >= 0);
    save(QStringLiteral("05-ct-whole-series-strip-and-draft"));
}

void TestScreenshots::regionOnRadiograph() {
    useScriptedService();
    m_window->actions().clearMarks->trigger();
    m_window->promptPanel()->selectTemplate(QStringLiteral("cxr-report"));
    showModality(QStringLiteral("DX"));
    m_window->assistant()->inputs()->setRegion(QRect(80, 120, 420, 520));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->assistant()->inputs()->isReady(), 20000);
    QTRY_VERIFY(m_window->assistant()->budget()->figures().promptTokens >= 0);
    save(QStringLiteral("06-radiograph-region-for-the-model"));
    m_window->actions().clearRegion->trigger();
}

void TestScreenshots::textAssistant() {
    useScriptedService();
    m_window->actions().showTextAssistant->trigger();
    ui::ConversationController* conversation = m_window->assistant()->conversation();
    conversation->attachRecord(
        ui::loadHealthRecord(QStringLiteral(MEDGEMMA_TEST_SOURCE_DIR "/data/fhir-bundle.json")));
    m_service->script = {QStringLiteral("Partly. The record shows type 2 diabetes since 2012 with an "
                                        "HbA1c of 7.2 % in February 2024, just above the usual "
                                        "target of 7 %, and hypertension that is not at goal "
                                        "(150/95 mmHg) on lisinopril 10 mg daily.")};
    auto* panel = m_window->assistant()->conversationPanel();
    panel->messageEdit()->setPlainText(QStringLiteral("Is the diabetes well controlled?"));
    QTest::mouseClick(panel->sendButton(), Qt::LeftButton);
    QTRY_VERIFY(!conversation->isBusy());
    panel->messageEdit()->setPlainText(QStringLiteral("What should be checked next?"));
    save(QStringLiteral("07-text-assistant"));
    m_window->actions().showDrafting->trigger();
}

void TestScreenshots::modelManager() {
    m_catalog.models = {
        testutil::FakeModelCatalog::medgemma(
            QStringLiteral("/home/reader/.cache/huggingface/hub/models--google--medgemma-4b-it/"
                           "snapshots/698f7911b8e0569ff4ebac5d5552f02a9553063c")),
        testutil::FakeModelCatalog::medgemma(QStringLiteral("/data/models/medgemma-27b-it"),
                                             54000000000ULL)};
    m_catalog.models[1].fromCache = false;
    m_catalog.models[1].variant = QStringLiteral("MedGemma 27B (instruction-tuned)");
    m_catalog.models[1].parameters = 28400000000ULL;
    m_catalog.models[1].fileBytes = 57500000000ULL;
    ui::ModelManagerDialog dialog(m_catalog, m_service);
    dialog.show();
    QTRY_VERIFY(!dialog.isSearching());
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    saveWidget(&dialog, QStringLiteral("08-model-manager"));
    dialog.list()->setCurrentItem(dialog.list()->topLevelItem(1));
    saveWidget(&dialog, QStringLiteral("09-model-manager-too-large"));
}

void TestScreenshots::modelManagerWithoutModels() {
    m_catalog.models.clear();
    ui::ModelManagerDialog dialog(m_catalog, m_service);
    dialog.show();
    QTRY_VERIFY(!dialog.isSearching());
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    saveWidget(&dialog, QStringLiteral("10-model-manager-no-model"));
}

void TestScreenshots::templateEditor() {
    ui::TemplateEditorDialog dialog(m_window->promptPanel()->templates(), QStringLiteral("ct-report"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    saveWidget(&dialog, QStringLiteral("11-template-editor"));
}

void TestScreenshots::darkTheme() {
    m_window->actions().darkTheme->trigger();
    showModality(QStringLiteral("CT"));
    // The strip follows the image on screen once its model input is prepared.
    QTRY_VERIFY_WITH_TIMEOUT(m_window->assistant()->inputs()->isReady(), 20000);
    save(QStringLiteral("12-dark-theme"));
    m_window->actions().showTextAssistant->trigger();
    save(QStringLiteral("13-dark-theme-text-assistant"));
    m_window->actions().lightTheme->trigger();
}

void TestScreenshots::recentStudiesAfterClosing() {
    m_window->actions().closeAll->trigger();
    QVERIFY(m_window->session().isEmpty());
    save(QStringLiteral("14-recent-studies"));
}

QTEST_MAIN(TestScreenshots)
#include "test_screenshots.moc"
