// Drafting through the real widgets with a scripted service: the Draft button is off without a
// model, a draft streams into the editor with the selected image and the template's order,
// Stop halts it and keeps the text, and an engine error leaves the report intact.
#include <QtTest>

#include <QComboBox>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTreeWidget>

#include "scripted_drafting_service.h"
#include "ui/assistant/draft_controller.h"
#include "ui/assistant/prompt_panel.h"
#include "ui/browser/study_browser.h"
#include "ui/main_window.h"
#include "ui/report/report_editor.h"
#include "ui/viewer/image_viewer.h"
#include "ui/viewer/series_viewer.h"
#include "tests/ui/browser_items.h"

using namespace ui;

class TestDrafting : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void draftButtonFollowsModelState();
    void draftStreamsIntoEditorWithImage();
    void stopHaltsMidStreamAndKeepsText();
    void engineErrorKeepsReportText();
    void textOnlyTemplateSendsNoImage();

private:
    void showModality(const QString& modality);
    void clickDraft();
    std::unique_ptr<MainWindow> m_window;
    testutil::ScriptedDraftingService* m_service = nullptr;
};

void TestDrafting::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    m_window = std::make_unique<MainWindow>();
    m_service = new testutil::ScriptedDraftingService(m_window.get());
    m_window->setDraftingService(m_service);
    m_window->setSampleStudyPath(QStringLiteral(MEDGEMMA_BINARY_DIR "/sample-study"));
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy loaded(m_window.get(), &MainWindow::studiesLoaded);
    m_window->openSampleStudy();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
    // Errors are reported in a dialog; close any that opens so the test never blocks.
    auto* closer = new QTimer(this);
    connect(closer, &QTimer::timeout, this, [] {
        for (QWidget* w : QApplication::topLevelWidgets()) {
            if (auto* box = qobject_cast<QMessageBox*>(w); box && box->isVisible()) {
                box->accept();
            }
        }
    });
    closer->start(20);
}

void TestDrafting::init() {
    m_service->failWith.clear();
    m_service->holdAfterFirst = false;
    m_service->setState(ModelState::Ready);
    m_window->reportEditor()->setPlainText(QString());
}

void TestDrafting::showModality(const QString& modality) {
    QTreeWidget* tree = m_window->browser()->tree();
    QTreeWidgetItem* item = testutil::firstSeriesOfModality(tree, modality);
    QVERIFY2(item, qPrintable(modality));
    tree->setCurrentItem(item);
    QTRY_VERIFY(m_window->seriesViewer()->series() &&
                m_window->seriesViewer()->series().series->modality == modality.toStdString());
    QTRY_VERIFY(m_window->seriesViewer()->viewer()->hasImage());
}

void TestDrafting::clickDraft() {
    QPushButton* draft = m_window->promptPanel()->draftButton();
    QVERIFY(draft->isEnabled());
    QTest::mouseClick(draft, Qt::LeftButton);
}

void TestDrafting::draftButtonFollowsModelState() {
    m_service->setState(ModelState::None);
    QVERIFY(!m_window->promptPanel()->draftButton()->isEnabled());
    m_service->setState(ModelState::Loading);
    QVERIFY(!m_window->promptPanel()->draftButton()->isEnabled());
    m_service->setState(ModelState::Ready);
    QVERIFY(m_window->promptPanel()->draftButton()->isEnabled());
}

void TestDrafting::draftStreamsIntoEditorWithImage() {
    showModality(QStringLiteral("DX"));
    auto* prompt = m_window->promptPanel()->findChild<QPlainTextEdit*>();
    prompt->clear();
    QTest::keyClicks(prompt, QStringLiteral("Describe this chest X-ray."));
    clickDraft();
    QVERIFY(m_window->draftController()->isDrafting());
    QVERIFY(m_window->promptPanel()->stopButton()->isEnabled());
    QTRY_VERIFY(!m_window->draftController()->isDrafting());
    QCOMPARE(m_window->reportEditor()->plainText(), m_service->script.join(QString()));
    QVERIFY(m_window->reportEditor()->hasUnacceptedDraft());

    const DraftRequest& request = m_service->lastRequest;
    QCOMPARE(request.images.size(), 1);
    const QImage& input = request.images[0].rgb;
    QCOMPARE(input.width(), input.height());  // padded to a square
    QVERIFY(request.images[0].recipe.startsWith(QStringLiteral("projection")));
    QCOMPARE(request.turns.size(), 1);
    const auto& items = request.turns[0].items;
    QCOMPARE(items.size(), 2);
    QCOMPARE(items[0].kind, DraftItem::Kind::Image);  // chest X-ray: image, then the request
    QCOMPARE(items[1].text, QStringLiteral("Describe this chest X-ray."));
    QCOMPARE(request.systemPrompt, QStringLiteral("You are an expert radiologist."));
}

void TestDrafting::stopHaltsMidStreamAndKeepsText() {
    showModality(QStringLiteral("DX"));
    m_window->reportEditor()->setPlainText(QStringLiteral("Clinical history: cough."));
    m_service->holdAfterFirst = true;
    clickDraft();
    QTRY_VERIFY(m_window->reportEditor()->plainText().contains(m_service->script.first()));
    QTest::mouseClick(m_window->promptPanel()->stopButton(), Qt::LeftButton);
    QTRY_VERIFY(!m_window->draftController()->isDrafting());
    const QString text = m_window->reportEditor()->plainText();
    QVERIFY(text.startsWith(QStringLiteral("Clinical history: cough.")));
    QVERIFY(text.endsWith(m_service->script.first()));
    QVERIFY(m_window->promptPanel()->draftButton()->isEnabled());
}

void TestDrafting::engineErrorKeepsReportText() {
    showModality(QStringLiteral("DX"));
    m_window->reportEditor()->setPlainText(QStringLiteral("My own words."));
    m_service->failWith = QStringLiteral("The computer ran out of memory.");
    QSignalSpy failed(m_window->draftController(), &DraftController::draftFailed);
    clickDraft();
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY(m_window->reportEditor()->plainText().startsWith(QStringLiteral("My own words.")));
    QVERIFY(!m_window->draftController()->isDrafting());
    // The next draft works again.
    m_service->failWith.clear();
    clickDraft();
    QTRY_VERIFY(!m_window->draftController()->isDrafting());
    QVERIFY(m_window->reportEditor()->plainText().contains(QStringLiteral("No acute findings.")));
}

void TestDrafting::textOnlyTemplateSendsNoImage() {
    auto* combo = m_window->promptPanel()->findChild<QComboBox*>();
    combo->setCurrentIndex(combo->findData(QStringLiteral("text-question")));
    auto* prompt = m_window->promptPanel()->findChild<QPlainTextEdit*>();
    prompt->setPlainText(QStringLiteral("How do bacterial and viral pneumonia differ?"));
    clickDraft();
    QTRY_VERIFY(!m_window->draftController()->isDrafting());
    QVERIFY(m_service->lastRequest.images.isEmpty());
    QCOMPARE(m_service->lastRequest.turns[0].items.size(), 1);
}

QTEST_MAIN(TestDrafting)
#include "test_drafting.moc"
