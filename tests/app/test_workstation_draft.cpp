// End to end through the real widgets and the real engine (fixture checkpoint on the CPU): the
// main window with the engine drafting service loads the model in the background, opens the
// sample study, marks the radiograph for the model, shows the exact token budget, drafts a
// report typed into the prompt box that streams into the editor (marked as an AI draft,
// tokens/s in the status bar) while the GUI thread never pauses long, and a long draft stops
// promptly when Stop is clicked, keeping what was written.
#include <QtTest>

#include <QAction>
#include <QElapsedTimer>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTreeWidget>

#include "app/core/engine_drafting_service.h"
#include "common/model_fixture.h"
#include "ui/assistant/assistant_panel.h"
#include "ui/assistant/draft_controller.h"
#include "ui/assistant/model_inputs.h"
#include "ui/assistant/prompt_panel.h"
#include "ui/assistant/sampling_panel.h"
#include "ui/assistant/token_budget.h"
#include "ui/browser/study_browser.h"
#include "ui/main_window.h"
#include "ui/report/report_editor.h"
#include "ui/viewer/image_viewer.h"
#include "ui/viewer/series_viewer.h"
#include "tests/ui/browser_items.h"

namespace {

// The window keeps answering while the engine works: measures the longest pause of the GUI
// thread's event loop from construction to check().
class PauseMeter {
public:
    PauseMeter() {
        QObject::connect(&m_heartbeat, &QTimer::timeout,
                         [this] { m_longest = std::max(m_longest, m_beat.restart()); });
        m_beat.start();
        m_heartbeat.start(5);
    }
    void check(const char* phase) {
        m_heartbeat.stop();
        qInfo("longest pause of the GUI thread during %s: %lld ms", phase, m_longest);
        QVERIFY2(m_longest < 250, qPrintable(QString::number(m_longest)));
    }

private:
    QElapsedTimer m_beat;
    QTimer m_heartbeat;
    qint64 m_longest = 0;
};

}  // namespace

class TestWorkstationDraft : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void draftStreamsFromTheEngineIntoTheEditor();
    void stopHaltsALongDraftPromptly();

private:
    void showModality(const QString& modality);
    void setLongestAnswer(int tokens);
    QString statusBarText() const;

    QTemporaryDir m_model;
    std::unique_ptr<app::EngineDraftingService> m_service;
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestWorkstationDraft::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QVERIFY(testutil::linkModelDirectory(m_model));
    m_service = std::make_unique<app::EngineDraftingService>();
    m_window = std::make_unique<ui::MainWindow>();
    m_window->setDraftingService(m_service.get());
    m_window->setSampleStudyPath(QStringLiteral(MEDGEMMA_BINARY_DIR "/sample-study"));
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

    ui::ModelChoice choice;
    choice.directory = m_model.path();
    choice.precision = ui::ModelPrecision::Float32;
    m_service->loadModel(choice);
    QTRY_VERIFY_WITH_TIMEOUT(m_service->modelState() != ui::ModelState::Loading, 120000);
    QCOMPARE(m_service->modelState(), ui::ModelState::Ready);

    QSignalSpy loaded(m_window.get(), &ui::MainWindow::studiesLoaded);
    m_window->openSampleStudy();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 30000);
}

void TestWorkstationDraft::cleanupTestCase() {
    m_window.reset();  // the window goes before the service it uses
    m_service.reset();
}

void TestWorkstationDraft::showModality(const QString& modality) {
    QTreeWidget* tree = m_window->browser()->tree();
    QTreeWidgetItem* item = testutil::firstSeriesOfModality(tree, modality);
    QVERIFY2(item, qPrintable(modality));
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(item).center());
    QTRY_VERIFY(m_window->seriesViewer()->series() &&
                m_window->seriesViewer()->series().series->modality == modality.toStdString());
    QTRY_VERIFY(m_window->seriesViewer()->viewer()->hasImage());
}

void TestWorkstationDraft::setLongestAnswer(int tokens) {
    ui::SamplingPanel* sampling = m_window->promptPanel()->samplingPanel();
    ui::DraftSampling s = sampling->sampling();
    s.maxNewTokens = tokens;
    sampling->setSampling(s);
}

QString TestWorkstationDraft::statusBarText() const {
    QStringList parts{m_window->statusBar()->currentMessage()};
    for (const QLabel* label : m_window->statusBar()->findChildren<QLabel*>()) {
        parts << label->text();
    }
    return parts.join(QLatin1Char('|'));
}

void TestWorkstationDraft::draftStreamsFromTheEngineIntoTheEditor() {
    showModality(QStringLiteral("DX"));
    QVERIFY(m_window->promptPanel()->selectTemplate(QStringLiteral("cxr-report")));
    setLongestAnswer(12);
    m_window->actions().markImage->trigger();  // S: mark the radiograph for the model
    ui::AssistantPanel* assistant = m_window->assistant();
    QCOMPARE(assistant->inputs()->marks().size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(assistant->inputs()->isReady(), 30000);
    QCOMPARE(assistant->inputs()->images().size(), 1);
    // The budget is counted by the engine's own tokenizer: the image block plus the text.
    QTRY_VERIFY_WITH_TIMEOUT(assistant->budget()->figures().promptTokens > 0, 30000);
    const ui::TokenFigures figures = assistant->budget()->figures();
    QCOMPARE(figures.contextLength, m_service->contextLength());
    QVERIFY(figures.promptTokens > figures.imageTokens());
    QCOMPARE(figures.maxNewTokens, 12);

    QPlainTextEdit* prompt = m_window->promptPanel()->promptEdit();
    prompt->clear();
    QTest::keyClicks(prompt, QStringLiteral("Describe this chest X-ray."));
    QCOMPARE(m_window->promptPanel()->promptText(), QStringLiteral("Describe this chest X-ray."));

    QVERIFY(m_window->promptPanel()->draftEnabled());
    PauseMeter meter;
    QTest::mouseClick(m_window->promptPanel()->draftButton(), Qt::LeftButton);
    QVERIFY(m_window->draftController()->isDrafting());
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->draftController()->isDrafting(), 120000);
    meter.check("image encoding, prefill and a short answer");
    ui::ReportEditor* editor = m_window->reportEditor();
    QVERIFY2(!editor->plainText().trimmed().isEmpty(), "no text streamed into the editor");
    QVERIFY(editor->hasUnacceptedDraft());
    QVERIFY2(statusBarText().contains(QStringLiteral("tokens/s")), qPrintable(statusBarText()));
}

void TestWorkstationDraft::stopHaltsALongDraftPromptly() {
    ui::ReportEditor* editor = m_window->reportEditor();
    editor->acceptDraft();
    const int before = int(editor->plainText().size());
    setLongestAnswer(8192);  // far more than the test waits for
    QTest::mouseClick(m_window->promptPanel()->draftButton(), Qt::LeftButton);
    PauseMeter meter;
    QTRY_VERIFY_WITH_TIMEOUT(editor->plainText().size() > before + 400, 120000);
    meter.check("streaming a long answer");
    QVERIFY(m_window->draftController()->isDrafting());
    QVERIFY(m_window->promptPanel()->stopButton()->isEnabled());

    QElapsedTimer timer;
    qint64 elapsed = -1;  // taken when the controller reports the end, not at the next poll
    connect(m_window->draftController(), &ui::DraftController::draftingChanged, this,
            [&](bool drafting) {
                if (!drafting) {
                    elapsed = timer.elapsed();
                }
            });
    timer.start();
    QTest::mouseClick(m_window->promptPanel()->stopButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->draftController()->isDrafting(), 10000);
    disconnect(m_window->draftController(), &ui::DraftController::draftingChanged, this, nullptr);
    qInfo("Stop to end of the draft: %lld ms", elapsed);
    // The engine checks its stop flag between decode steps (and inside image encoding), so the
    // draft ends within the 200 ms a reader notices.
    QVERIFY2(elapsed >= 0 && elapsed <= 200, qPrintable(QString::number(elapsed)));
    QVERIFY(editor->plainText().size() > before + 400);  // what was written stays
    QVERIFY(m_window->promptPanel()->draftEnabled());
}

QTEST_MAIN(TestWorkstationDraft)
#include "test_workstation_draft.moc"
