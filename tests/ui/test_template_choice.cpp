// The task template follows the images through the real window: open the sample study, pick
// series in the browser with the mouse, mark images with the window's actions, pick templates in
// the task box's list, and check which template the prompt panel shows. The same rule
// (ui::defaultTemplateId) picks `medgemma-cli draft`'s template; here it is checked in the GUI.
#include <QtTest>

#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStatusBar>
#include <QTreeWidget>

#include "ui/assistant/assistant_panel.h"
#include "ui/assistant/model_inputs.h"
#include "ui/assistant/prompt_panel.h"
#include "ui/browser/study_browser.h"
#include "ui/main_window.h"
#include "ui/viewer/image_viewer.h"
#include "ui/viewer/series_viewer.h"
#include "tests/ui/browser_items.h"

using namespace ui;

class TestTemplateChoice : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void followsTheSeriesOnScreen();
    void markedImagesDecideOverTheSeriesOnScreen();
    void templatePickedByHandIsKeptForThePatient();
    void textOnlyTemplateStaysUntilImagesAreMarked();
    void typedRequestIsNeverReplaced();

private:
    void selectModality(const QString& modality);
    void pickByHand(const QString& templateId);
    QString shownTemplate() const { return m_window->promptPanel()->currentTemplate().id; }
    std::unique_ptr<MainWindow> m_window;
};

void TestTemplateChoice::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    m_window = std::make_unique<MainWindow>();
    m_window->setSampleStudyPath(QStringLiteral(MEDGEMMA_BINARY_DIR "/sample-study"));
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

// Each case starts from the sample study freshly opened: closing every study forgets the
// templates picked by hand.
void TestTemplateChoice::init() {
    m_window->actions().clearMarks->trigger();
    m_window->actions().closeAll->trigger();
    QTRY_VERIFY(m_window->session().isEmpty());
    QSignalSpy loaded(m_window.get(), &MainWindow::studiesLoaded);
    m_window->actions().openSample->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
    QTRY_VERIFY(m_window->seriesViewer()->viewer()->hasImage());
}

void TestTemplateChoice::selectModality(const QString& modality) {
    QTreeWidget* tree = m_window->browser()->tree();
    QTreeWidgetItem* item = testutil::firstSeriesOfModality(tree, modality);
    QVERIFY2(item, qPrintable(modality));
    tree->scrollToItem(item);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(item).center());
    QTRY_VERIFY(m_window->seriesViewer()->series() &&
                m_window->seriesViewer()->series().series->modality == modality.toStdString());
    QTRY_VERIFY(m_window->seriesViewer()->viewer()->hasImage());
}

// Opens the task box's list with the mouse and picks `templateId` in it, as a clinician would.
void TestTemplateChoice::pickByHand(const QString& templateId) {
    QComboBox* box = m_window->promptPanel()->templateBox();
    const int row = box->findData(templateId);
    QVERIFY2(row >= 0, qPrintable(templateId));
    QTest::mouseClick(box, Qt::LeftButton);
    QAbstractItemView* list = box->view();
    QTRY_VERIFY(list->isVisible());
    // In the open list the arrow keys move and Return picks (a click right after opening is
    // taken as the end of the opening click).
    for (int guard = box->count(); list->currentIndex().row() != row && guard > 0; --guard) {
        QTest::keyClick(list, row > list->currentIndex().row() ? Qt::Key_Down : Qt::Key_Up);
    }
    QTest::keyClick(list, Qt::Key_Return);
    QTRY_VERIFY(!list->isVisible());
    QCOMPARE(shownTemplate(), templateId);
}

void TestTemplateChoice::followsTheSeriesOnScreen() {
    selectModality(QStringLiteral("CT"));
    QTRY_COMPARE(shownTemplate(), QStringLiteral("ct-report"));
    selectModality(QStringLiteral("DX"));
    QTRY_COMPARE(shownTemplate(), QStringLiteral("cxr-report"));
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("Chest X-ray report")),
             qPrintable(m_window->statusBar()->currentMessage()));
    selectModality(QStringLiteral("XC"));
    QTRY_COMPARE(shownTemplate(), QStringLiteral("derm-description"));
    selectModality(QStringLiteral("CT"));
    QTRY_COMPARE(shownTemplate(), QStringLiteral("ct-report"));
    QCOMPARE(m_window->promptPanel()->promptText(),
             m_window->promptPanel()->currentTemplate().question);
}

void TestTemplateChoice::markedImagesDecideOverTheSeriesOnScreen() {
    selectModality(QStringLiteral("CT"));
    m_window->actions().markSeries->trigger();  // Shift+S: the CT goes to the model
    selectModality(QStringLiteral("DX"));
    QCOMPARE(shownTemplate(), QStringLiteral("ct-report"));  // still the CT's images
    m_window->actions().clearMarks->trigger();               // Alt+S: the radiograph on screen
    QTRY_COMPARE(shownTemplate(), QStringLiteral("cxr-report"));
}

void TestTemplateChoice::templatePickedByHandIsKeptForThePatient() {
    selectModality(QStringLiteral("DX"));
    QTRY_COMPARE(shownTemplate(), QStringLiteral("cxr-report"));
    pickByHand(QStringLiteral("free-question"));
    // The sample's CT belongs to the same patient: the choice stays.
    selectModality(QStringLiteral("CT"));
    QCOMPARE(shownTemplate(), QStringLiteral("free-question"));
    m_window->actions().markSeries->trigger();
    QCOMPARE(shownTemplate(), QStringLiteral("free-question"));
    m_window->actions().clearMarks->trigger();
    // The photograph is another patient's: it gets its own default, and the first patient's
    // choice comes back with that patient's images.
    selectModality(QStringLiteral("XC"));
    QTRY_COMPARE(shownTemplate(), QStringLiteral("derm-description"));
    selectModality(QStringLiteral("DX"));
    QTRY_COMPARE(shownTemplate(), QStringLiteral("free-question"));
}

void TestTemplateChoice::textOnlyTemplateStaysUntilImagesAreMarked() {
    selectModality(QStringLiteral("DX"));
    QVERIFY(m_window->promptPanel()->selectTemplate(QStringLiteral("record-analysis")));
    selectModality(QStringLiteral("CT"));
    QCOMPARE(shownTemplate(), QStringLiteral("record-analysis"));
    m_window->actions().markImage->trigger();  // S: an image goes to the model after all
    QTRY_COMPARE(shownTemplate(), QStringLiteral("ct-report"));
}

void TestTemplateChoice::typedRequestIsNeverReplaced() {
    selectModality(QStringLiteral("DX"));
    QTRY_COMPARE(shownTemplate(), QStringLiteral("cxr-report"));
    QPlainTextEdit* prompt = m_window->promptPanel()->promptEdit();
    prompt->setFocus();
    QTest::keyClick(prompt, Qt::Key_End, Qt::ControlModifier);
    QTest::keyClicks(prompt, QStringLiteral(" Mention the heart size."));
    const QString typed = prompt->toPlainText();
    selectModality(QStringLiteral("CT"));
    QCOMPARE(shownTemplate(), QStringLiteral("cxr-report"));
    QCOMPARE(prompt->toPlainText(), typed);
}

QTEST_MAIN(TestTemplateChoice)
#include "test_template_choice.moc"
