#include "ui/window_actions.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>

namespace ui {
namespace {

QAction* make(QMainWindow* window, const QString& text, const QKeySequence& shortcut,
              bool checkable = false) {
    auto* action = new QAction(text, window);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WindowShortcut);
    action->setCheckable(checkable);
    window->addAction(action);  // shortcuts work even while menus are hidden
    return action;
}

void buildFileMenu(QMainWindow* w, WindowActions& a) {
    QMenu* file = w->menuBar()->addMenu(QMainWindow::tr("&File"));
    a.openFiles = make(w, QMainWindow::tr("&Open files…"), QKeySequence::Open);
    a.openFolder = make(w, QMainWindow::tr("Open &folder…"), QKeySequence(QStringLiteral("Ctrl+Shift+O")));
    a.openSample = make(w, QMainWindow::tr("Open &sample study"), QKeySequence());
    a.closeAll = make(w, QMainWindow::tr("&Close all studies"), QKeySequence(QStringLiteral("Ctrl+Shift+W")));
    a.quit = make(w, QMainWindow::tr("&Quit"), QKeySequence::Quit);
    a.quit->setMenuRole(QAction::QuitRole);
    file->addAction(a.openFiles);
    file->addAction(a.openFolder);
    file->addAction(a.openSample);
    a.recentMenu = file->addMenu(QMainWindow::tr("&Recent"));
    file->addSeparator();
    file->addAction(a.closeAll);
    file->addSeparator();
    file->addAction(a.quit);
}

void buildViewMenu(QMainWindow* w, WindowActions& a) {
    QMenu* view = w->menuBar()->addMenu(QMainWindow::tr("&View"));
    a.fit = make(w, QMainWindow::tr("&Fit to window"), QKeySequence(QStringLiteral("F")));
    a.zoomIn = make(w, QMainWindow::tr("Zoom &in"), QKeySequence(QStringLiteral("+")));
    a.zoomOut = make(w, QMainWindow::tr("Zoom &out"), QKeySequence(QStringLiteral("-")));
    a.resetView = make(w, QMainWindow::tr("&Reset view"), QKeySequence(QStringLiteral("R")));
    a.invert = make(w, QMainWindow::tr("&Invert"), QKeySequence(QStringLiteral("I")), true);
    a.rotate = make(w, QMainWindow::tr("Rotate &clockwise"), QKeySequence(QStringLiteral("Ctrl+R")));
    a.flip = make(w, QMainWindow::tr("Flip &horizontally"), QKeySequence(QStringLiteral("H")));
    a.overlay = make(w, QMainWindow::tr("Show &overlay text"), QKeySequence(QStringLiteral("O")), true);
    a.nextImage = make(w, QMainWindow::tr("&Next image"), QKeySequence(QStringLiteral("Down")));
    a.previousImage = make(w, QMainWindow::tr("&Previous image"), QKeySequence(QStringLiteral("Up")));
    a.showBrowser = make(w, QMainWindow::tr("Study &browser"), QKeySequence(QStringLiteral("Ctrl+1")), true);
    a.showAssistant = make(w, QMainWindow::tr("&Assistant and report"), QKeySequence(QStringLiteral("Ctrl+2")), true);
    for (QAction* action : {a.fit, a.zoomIn, a.zoomOut, a.resetView}) {
        view->addAction(action);
    }
    view->addSeparator();
    for (QAction* action : {a.invert, a.rotate, a.flip, a.overlay}) {
        view->addAction(action);
    }
    view->addSeparator();
    view->addAction(a.nextImage);
    view->addAction(a.previousImage);
    view->addSeparator();
    view->addAction(a.showBrowser);
    view->addAction(a.showAssistant);
    a.languageMenu = view->addMenu(QMainWindow::tr("&Language"));
}

void buildModelMenu(QMainWindow* w, WindowActions& a) {
    QMenu* model = w->menuBar()->addMenu(QMainWindow::tr("&Model"));
    a.chooseModel = make(w, QMainWindow::tr("&Choose model folder…"), QKeySequence(QStringLiteral("Ctrl+M")));
    a.draft = make(w, QMainWindow::tr("&Draft report"), QKeySequence(QStringLiteral("Ctrl+Return")));
    a.stop = make(w, QMainWindow::tr("&Stop drafting"), QKeySequence(QStringLiteral("Esc")));
    a.acceptDraft = make(w, QMainWindow::tr("&Accept AI draft"), QKeySequence(QStringLiteral("Ctrl+Shift+A")));
    model->addAction(a.chooseModel);
    model->addSeparator();
    model->addAction(a.draft);
    model->addAction(a.stop);
    model->addAction(a.acceptDraft);
}

void buildHelpMenu(QMainWindow* w, WindowActions& a) {
    QMenu* help = w->menuBar()->addMenu(QMainWindow::tr("&Help"));
    a.shortcuts = make(w, QMainWindow::tr("&Keyboard shortcuts"), QKeySequence(QStringLiteral("F1")));
    a.about = make(w, QMainWindow::tr("&About MedGemma Workstation"), QKeySequence());
    a.about->setMenuRole(QAction::AboutRole);
    help->addAction(a.shortcuts);
    help->addAction(a.about);
}

}  // namespace

QList<QAction*> WindowActions::all() const {
    return {openFiles, openFolder, openSample, closeAll, quit, fit, zoomIn, zoomOut, resetView,
            invert, rotate, flip, overlay, nextImage, previousImage, showBrowser, showAssistant,
            chooseModel, draft, stop, acceptDraft, shortcuts, about};
}

WindowActions createWindowActions(QMainWindow* window) {
    WindowActions actions;
    buildFileMenu(window, actions);
    buildViewMenu(window, actions);
    buildModelMenu(window, actions);
    buildHelpMenu(window, actions);
    return actions;
}

}  // namespace ui
