// Comfort of the main window: every command has its own keyboard shortcut and Help lists it;
// Edit ▸ Undo / Redo act on the report from anywhere in the window; Edit ▸ Find goes to the
// study filter; the window's size, panel splits and assistant tab come back at the next start;
// File ▸ Recent and the empty study browser reopen what was opened before.
#include <QtTest>

#include <QAction>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QSettings>
#include <QSlider>
#include <QSplitter>
#include <QTabWidget>
#include <QTextEdit>

#include "ui/assistant/assistant_panel.h"
#include "ui/browser/study_browser.h"
#include "ui/help_dialogs.h"
#include "ui/main_window.h"
#include "ui/report/report_editor.h"
#include "ui/viewer/image_viewer.h"
#include "ui/viewer/series_viewer.h"

using namespace ui;

namespace {

QList<int> rightSplit(const MainWindow& window) {
    const auto splitters = window.findChildren<QSplitter*>();
    for (QSplitter* splitter : splitters) {
        if (splitter->orientation() == Qt::Vertical &&
            splitter->indexOf(window.reportEditor()) >= 0) {
            return splitter->sizes();
        }
    }
    return {};
}

}  // namespace

class TestComfort : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void everyActionHasItsOwnShortcutListedInHelp();
    void undoAndRedoReachTheReportFromTheViewer();
    void findGoesToTheStudyFilter();
    void windowStateIsRestored();
    void recentStudiesReopen();
};

void TestComfort::init() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void TestComfort::everyActionHasItsOwnShortcutListedInHelp() {
    MainWindow window;
    const QList<QAction*> actions = window.actions().all();
    const QString help = shortcutsText(actions);
    QHash<QKeySequence, QString> seen;
    for (QAction* action : actions) {
        QVERIFY(action);
        QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->text()));
        const QString keys = action->shortcut().toString(QKeySequence::NativeText);
        QVERIFY2(help.contains(keys), qPrintable(keys));
        QVERIFY2(!seen.contains(action->shortcut()),
                 qPrintable(action->text() + QStringLiteral(" / ") + seen.value(action->shortcut())));
        seen.insert(action->shortcut(), action->text());
    }
}

void TestComfort::undoAndRedoReachTheReportFromTheViewer() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTextEdit* report = window.reportEditor()->textEdit();
    QVERIFY(!window.actions().undo->isEnabled());
    report->setFocus();
    QTest::keyClicks(report, QStringLiteral("No acute finding."));
    QCOMPARE(window.reportEditor()->plainText(), QStringLiteral("No acute finding."));
    QVERIFY(window.actions().undo->isEnabled());
    window.seriesViewer()->viewer()->setFocus();
    window.actions().undo->trigger();
    QCOMPARE(window.reportEditor()->plainText(), QString());
    QVERIFY(window.actions().redo->isEnabled());
    window.actions().redo->trigger();
    QCOMPARE(window.reportEditor()->plainText(), QStringLiteral("No acute finding."));
}

void TestComfort::findGoesToTheStudyFilter() {
    MainWindow window;
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.actions().showBrowser->setChecked(false);
    window.actions().findStudy->trigger();
    QVERIFY(window.browser()->isVisible());
    QLineEdit* filter = window.browser()->findChild<QLineEdit*>();
    QTRY_VERIFY(filter->hasFocus());
}

void TestComfort::windowStateIsRestored() {
    QList<int> split;
    QList<int> fresh;
    {
        MainWindow window;
        window.resize(1300, 820);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* right = qobject_cast<QSplitter*>(window.reportEditor()->parentWidget());
        QVERIFY(right);
        fresh = right->sizes();
        right->setSizes({fresh[0] + fresh[1] - 150, 150});
        split = right->sizes();
        QVERIFY(qAbs(split[0] - fresh[0]) > 50);
        window.assistant()->showTextAssistant();
        window.close();
    }
    MainWindow again;
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.size(), QSize(1300, 820));
    // Within a few pixels: the layout settles once more after the window is shown.
    const QList<int> restored = rightSplit(again);
    QVERIFY2(qAbs(restored.value(0) - split[0]) <= 12,
             qPrintable(QStringLiteral("%1 vs %2").arg(restored.value(0)).arg(split[0])));
    QCOMPARE(again.assistant()->tabs()->currentIndex(), 1);
}

void TestComfort::recentStudiesReopen() {
    const QString sample = QStringLiteral(MEDGEMMA_BINARY_DIR "/sample-study");
    {
        MainWindow window;
        QSignalSpy loaded(&window, &MainWindow::studiesLoaded);
        window.openPaths({sample});
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
    }
    MainWindow window;
    QMenu* recent = window.actions().recentMenu;
    QAction* entry = nullptr;
    for (QAction* action : recent->actions()) {
        if (action->toolTip() == QFileInfo(sample).absoluteFilePath()) {
            entry = action;
        }
    }
    QVERIFY(entry);
    QSignalSpy loaded(&window, &MainWindow::studiesLoaded);
    entry->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
    QVERIFY(!window.session().isEmpty());

    // Closing everything leaves an empty viewport: no image and the slider at rest.
    window.seriesViewer()->setIndex(window.seriesViewer()->frameCount() - 1);
    window.actions().closeAll->trigger();
    QVERIFY(!window.seriesViewer()->viewer()->hasImage());
    const QSlider* slider = window.seriesViewer()->findChild<QSlider*>();
    QVERIFY(slider);
    QCOMPARE(slider->maximum(), 0);
    QCOMPARE(slider->value(), 0);

    // The empty browser offers the same list.
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QListWidget* list = window.browser()->recentList();
    QVERIFY(list->isVisible());
    QCOMPARE(list->item(0)->toolTip(), QFileInfo(sample).absoluteFilePath());
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualItemRect(list->item(0)).center());
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, 20000);
    QVERIFY(!list->isVisible());
}

QTEST_MAIN(TestComfort)
#include "test_comfort.moc"
