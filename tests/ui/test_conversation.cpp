// The text assistant with a scripted service: a multi-turn conversation sends the earlier turns
// (MedGemma's answers as model turns), Stop keeps the partial answer, a FHIR Bundle is
// summarised into readable lines for the prompt, a long record is trimmed to the context, and
// the window's Draft shortcut sends in the text tab.
#include <QtTest>

#include <QComboBox>
#include <QFile>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>

#include "scripted_drafting_service.h"
#include "ui/assistant/assistant_panel.h"
#include "ui/assistant/conversation_controller.h"
#include "ui/assistant/conversation_panel.h"
#include "ui/assistant/conversation_view.h"
#include "ui/assistant/health_record.h"
#include "ui/assistant/prompt_templates.h"
#include "ui/main_window.h"

using namespace ui;

namespace {

// A FHIR R4 Bundle of a synthetic patient: patient, conditions, observations, a medication and
// an allergy.
QString bundlePath() {
    return QStringLiteral(MEDGEMMA_TEST_SOURCE_DIR "/data/fhir-bundle.json");
}

QByteArray bundleBytes() {
    QFile file(bundlePath());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace

class TestConversation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void multiTurnSendsEarlierTurns();
    void stopKeepsThePartialAnswer();
    void fhirBundleIsSummarised();
    void fhirFileGoesIntoThePrompt();
    void longRecordIsTrimmedToTheContext();
    void draftShortcutSendsInTheTextTab();

private:
    void send(const QString& text);
    ConversationPanel* panel() const { return m_window->assistant()->conversationPanel(); }
    ConversationController* controller() const { return m_window->assistant()->conversation(); }
    std::unique_ptr<MainWindow> m_window;
    testutil::ScriptedDraftingService* m_service = nullptr;
};

void TestConversation::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    m_window = std::make_unique<MainWindow>();
    m_service = new testutil::ScriptedDraftingService(m_window.get());
    m_window->setDraftingService(m_service);
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->actions().showTextAssistant->trigger();
    QCOMPARE(m_window->assistant()->tabs()->currentWidget(), panel());
}

void TestConversation::init() {
    m_service->holdAfterFirst = false;
    m_service->script = {QStringLiteral("Bacterial pneumonia often "),
                         QStringLiteral("causes lobar consolidation.")};
    m_window->actions().newConversation->trigger();
    controller()->attachRecord({});
    panel()->taskBox()->setCurrentIndex(
        panel()->taskBox()->findData(QStringLiteral("text-question")));
}

void TestConversation::send(const QString& text) {
    panel()->messageEdit()->setPlainText(text);
    QVERIFY(panel()->sendButton()->isEnabled());
    QTest::mouseClick(panel()->sendButton(), Qt::LeftButton);
    QVERIFY(controller()->isBusy());
    QTRY_VERIFY(!controller()->isBusy());
}

void TestConversation::multiTurnSendsEarlierTurns() {
    send(QStringLiteral("How do bacterial and viral pneumonia differ?"));
    QCOMPARE(m_service->lastRequest.turns.size(), 1);
    QVERIFY(m_service->lastRequest.images.isEmpty());
    QCOMPARE(m_service->lastRequest.systemPrompt,
             QStringLiteral("You are a helpful medical assistant."));
    m_service->script = {QStringLiteral("Procalcitonin helps.")};
    send(QStringLiteral("Which lab test helps?"));
    const DraftRequest& r = m_service->lastRequest;
    QCOMPARE(r.turns.size(), 3);
    QVERIFY(!r.turns[0].fromModel);
    QCOMPARE(r.turns[0].items[0].text,
             QStringLiteral("How do bacterial and viral pneumonia differ?"));
    QVERIFY(r.turns[1].fromModel);
    QCOMPARE(r.turns[1].items[0].text,
             QStringLiteral("Bacterial pneumonia often causes lobar consolidation."));
    QVERIFY(!r.turns[2].fromModel);
    QCOMPARE(r.turns[2].items[0].text, QStringLiteral("Which lab test helps?"));
    const QString shown = panel()->view()->toPlainText();
    QVERIFY(shown.contains(QStringLiteral("Which lab test helps?")));
    QVERIFY(shown.endsWith(QStringLiteral("Procalcitonin helps.")));
    QCOMPARE(controller()->turns().size(), 4);
}

void TestConversation::stopKeepsThePartialAnswer() {
    m_service->holdAfterFirst = true;
    panel()->messageEdit()->setPlainText(QStringLiteral("Explain atelectasis."));
    QTest::mouseClick(panel()->sendButton(), Qt::LeftButton);
    QTRY_VERIFY(panel()->view()->toPlainText().contains(m_service->script.first()));
    QVERIFY(panel()->stopButton()->isEnabled());
    QTest::mouseClick(panel()->stopButton(), Qt::LeftButton);
    QTRY_VERIFY(!controller()->isBusy());
    QCOMPARE(controller()->turns().size(), 2);
    QCOMPARE(controller()->turns().last().text, m_service->script.first());
    QVERIFY(panel()->view()->toPlainText().contains(QStringLiteral("(stopped)")));
    QVERIFY(panel()->sendButton()->isEnabled());
}

void TestConversation::fhirBundleIsSummarised() {
    const HealthRecord record =
        healthRecordFromText(QStringLiteral("ana.json"), bundleBytes(), true);
    QVERIFY(record.error.isEmpty());
    QVERIFY(record.fhir);
    QCOMPARE(record.resources, 7);
    const QString& text = record.text;
    QVERIFY2(text.startsWith(QStringLiteral("Patient:\n- Ana Silva, female, born 1961-04-02")),
             qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Conditions:\n- Hypertension (2015-06-01) [active]")));
    QVERIFY(text.contains(QStringLiteral("- Hemoglobin A1c: 7.2 % (2024-02-11)")));
    QVERIFY(
        text.contains(QStringLiteral("- Blood pressure: Systolic 150 mmHg, Diastolic 95 mmHg")));
    QVERIFY(text.contains(
        QStringLiteral("Medications:\n- Lisinopril 10 mg tablet — one tablet daily [active]")));
    QVERIFY(text.contains(QStringLiteral("Allergies:\n- Penicillin → Hives")));
    QVERIFY(!text.contains(QStringLiteral("resourceType")));
    // JSON that is not FHIR passes as compact JSON text.
    const HealthRecord plain =
        healthRecordFromText(QStringLiteral("x.json"), QByteArray("{\"a\": [1, 2]}"), true);
    QVERIFY(!plain.fhir);
    QCOMPARE(plain.text, QStringLiteral("{\"a\":[1,2]}"));
}

void TestConversation::fhirFileGoesIntoThePrompt() {
    const HealthRecord record = loadHealthRecord(bundlePath());
    QVERIFY(record.fhir);
    panel()->taskBox()->setCurrentIndex(
        panel()->taskBox()->findData(QStringLiteral("record-analysis")));
    controller()->attachRecord(record);
    panel()->messageEdit()->clear();
    QTest::mouseClick(panel()->sendButton(), Qt::LeftButton);  // empty: the task's own question
    QTRY_VERIFY(!controller()->isBusy());
    const DraftRequest& r = m_service->lastRequest;
    QCOMPARE(r.turns.size(), 1);
    const QString text = r.turns[0].items[0].text;
    QVERIFY2(
        text.startsWith(QStringLiteral("Health record (fhir-bundle.json):\nPatient:\n- Ana Silva")),
        qPrintable(text));
    QVERIFY(
        text.endsWith(QStringLiteral("Summarise this patient's active problems, medications, "
                                     "allergies and recent results.")));
    QVERIFY(r.systemPrompt.contains(QStringLiteral("health record")));
    QVERIFY(panel()->view()->toPlainText().contains(QStringLiteral("fhir-bundle.json")));
    QVERIFY(controller()->record().text.isEmpty());  // sent once, then part of the history
    // The line under the conversation says the record is in it, not that there is none.
    QVERIFY2(panel()->recordInfo().contains(QStringLiteral("fhir-bundle.json")),
             qPrintable(panel()->recordInfo()));
    m_window->actions().newConversation->trigger();
    QVERIFY(!panel()->recordInfo().contains(QStringLiteral("fhir-bundle.json")));
}

void TestConversation::longRecordIsTrimmedToTheContext() {
    QString longText;
    for (int i = 0; i < 8000; ++i) {
        longText += QStringLiteral("Line %1 of the clinical notes.\n").arg(i);
    }
    controller()->attachRecord(
        healthRecordFromText(QStringLiteral("notes.txt"), longText.toUtf8(), false));
    send(QStringLiteral("Summarise."));
    const QString text = m_service->lastRequest.turns[0].items[0].text;
    // 8,192 tokens minus the answer and a reserve, at 3 characters a token.
    QVERIFY2(text.size() < (8192 - 1024) * 3, qPrintable(QString::number(text.size())));
    QVERIFY(text.contains(QStringLiteral("were left out to fit the model's context")));
    QVERIFY(text.endsWith(QStringLiteral("Summarise.")));
}

void TestConversation::draftShortcutSendsInTheTextTab() {
    panel()->messageEdit()->setPlainText(QStringLiteral("What is a Kerley B line?"));
    const int before = m_service->started;
    m_window->actions().draft->trigger();  // Ctrl+Return
    QTRY_VERIFY(!controller()->isBusy());
    QCOMPARE(m_service->started, before + 1);
    QCOMPARE(m_service->lastRequest.turns.last().items[0].text,
             QStringLiteral("What is a Kerley B line?"));
}

QTEST_MAIN(TestConversation)
#include "test_conversation.moc"
