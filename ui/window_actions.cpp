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
    a.openSample = make(w, QMainWindow::tr("Open &sample study"), QKeySequence(QStringLiteral("Ctrl+Shift+P")));
    a.closeAll = make(w, QMainWindow::tr("&Close all studies"), QKeySequence(QStringLiteral("Ctrl+Shift+W")));
    // Not every platform theme defines a Quit key; Ctrl+Q is the usual one where none does.
    a.quit = make(w, QMainWindow::tr("&Quit"), QKeySequence::keyBindings(QKeySequence::Quit).isEmpty()
                                                   ? QKeySequence(QStringLiteral("Ctrl+Q"))
                                                   : QKeySequence(QKeySequence::Quit));
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

void buildEditMenu(QMainWindow* w, WindowActions& a) {
    QMenu* edit = w->menuBar()->addMenu(QMainWindow::tr("&Edit"));
    a.undo = make(w, QMainWindow::tr("&Undo in the report"), QKeySequence::Undo);
    a.redo = make(w, QMainWindow::tr("&Redo in the report"), QKeySequence::Redo);
    a.findStudy = make(w, QMainWindow::tr("&Find study…"), QKeySequence::Find);
    edit->addAction(a.undo);
    edit->addAction(a.redo);
    edit->addSeparator();
    edit->addAction(a.findStudy);
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

QMenu* menuHolding(QMainWindow* w, QAction* action) {
    for (QAction* entry : w->menuBar()->actions()) {
        if (entry->menu() && entry->menu()->actions().contains(action)) {
            return entry->menu();
        }
    }
    return w->menuBar()->addMenu(QString());
}

// The model's images and the assistant go into the Model menu, the themes into View.
void buildAssistantActions(QMainWindow* w, WindowActions& a) {
    a.markImage = make(w, QMainWindow::tr("&Mark image for the model"), QKeySequence(QStringLiteral("S")));
    a.markSeries = make(w, QMainWindow::tr("Send &whole series (sampled)"), QKeySequence(QStringLiteral("Shift+S")));
    a.clearMarks = make(w, QMainWindow::tr("C&lear marked images"), QKeySequence(QStringLiteral("Alt+S")));
    a.drawRegion = make(w, QMainWindow::tr("Draw &region for the model"), QKeySequence(QStringLiteral("Shift+R")), true);
    a.clearRegion = make(w, QMainWindow::tr("Clear r&egion"), QKeySequence(QStringLiteral("Alt+R")));
    a.modelManager = make(w, QMainWindow::tr("Model &manager…"), QKeySequence(QStringLiteral("Ctrl+Shift+M")));
    a.editTemplates = make(w, QMainWindow::tr("Edit prompt &templates…"), QKeySequence(QStringLiteral("Ctrl+Shift+E")));
    a.showDrafting = make(w, QMainWindow::tr("Report &drafting"), QKeySequence(QStringLiteral("Ctrl+Shift+D")));
    a.showTextAssistant = make(w, QMainWindow::tr("Te&xt assistant"), QKeySequence(QStringLiteral("Ctrl+Shift+T")));
    a.openRecord = make(w, QMainWindow::tr("Open &health record…"), QKeySequence(QStringLiteral("Ctrl+Shift+H")));
    a.newConversation = make(w, QMainWindow::tr("&New conversation"), QKeySequence(QStringLiteral("Ctrl+Shift+N")));
    a.lightTheme = make(w, QMainWindow::tr("&Light theme"), QKeySequence(QStringLiteral("Ctrl+Shift+F11")), true);
    a.darkTheme = make(w, QMainWindow::tr("&Dark theme"), QKeySequence(QStringLiteral("Ctrl+Shift+F12")), true);
    QMenu* model = menuHolding(w, a.chooseModel);
    QMenu* view = menuHolding(w, a.fit);
    model->insertAction(a.chooseModel, a.modelManager);
    model->addSeparator();
    for (QAction* action : {a.markImage, a.markSeries, a.clearMarks, a.drawRegion, a.clearRegion}) {
        model->addAction(action);
    }
    model->addSeparator();
    for (QAction* action : {a.editTemplates, a.showDrafting, a.showTextAssistant, a.openRecord,
                            a.newConversation}) {
        model->addAction(action);
    }
    QMenu* theme = view->addMenu(QMainWindow::tr("&Theme"));
    theme->addAction(a.lightTheme);
    theme->addAction(a.darkTheme);
}

// The report's commands go into the File menu, before "Close all studies".
void buildReportActions(QMainWindow* w, WindowActions& a) {
    a.newReport = make(w, QMainWindow::tr("&New report"), QKeySequence(QStringLiteral("Ctrl+N")));
    a.openReport = make(w, QMainWindow::tr("Open &report…"), QKeySequence(QStringLiteral("Ctrl+Alt+O")));
    a.saveReport = make(w, QMainWindow::tr("&Save report"), QKeySequence(QStringLiteral("Ctrl+S")));
    a.saveReportAs = make(w, QMainWindow::tr("Save report &as…"), QKeySequence(QStringLiteral("Ctrl+Shift+S")));
    a.exportSr = make(w, QMainWindow::tr("&DICOM structured report…"), QKeySequence(QStringLiteral("Ctrl+Alt+S")));
    a.exportPdf = make(w, QMainWindow::tr("&PDF…"), QKeySequence(QStringLiteral("Ctrl+Alt+P")));
    a.exportFhir = make(w, QMainWindow::tr("&FHIR R4 (JSON)…"), QKeySequence(QStringLiteral("Ctrl+Alt+F")));
    a.exportText = make(w, QMainWindow::tr("Plain &text…"), QKeySequence(QStringLiteral("Ctrl+Alt+X")));
    a.exportMarkdown = make(w, QMainWindow::tr("&Markdown…"), QKeySequence(QStringLiteral("Ctrl+Alt+M")));
    a.deidentifyExports = make(w, QMainWindow::tr("De-&identify exports"), QKeySequence(QStringLiteral("Ctrl+Alt+A")), true);
    a.copyReport = make(w, QMainWindow::tr("&Copy report"), QKeySequence(QStringLiteral("Ctrl+Shift+C")));
    a.markFinal = make(w, QMainWindow::tr("Mark report &final"), QKeySequence(QStringLiteral("Ctrl+Shift+F")));
    QMenu* file = menuHolding(w, a.closeAll);
    QAction* before = a.closeAll;
    for (QAction* action : {a.newReport, a.openReport, a.saveReport, a.saveReportAs}) {
        file->insertAction(before, action);
    }
    a.exportMenu = new QMenu(QMainWindow::tr("&Export report"), w);
    for (QAction* action : {a.exportSr, a.exportPdf, a.exportFhir, a.exportText, a.exportMarkdown}) {
        a.exportMenu->addAction(action);
    }
    a.exportMenu->addSeparator();
    a.exportMenu->addAction(a.deidentifyExports);
    file->insertMenu(before, a.exportMenu);
    file->insertAction(before, a.copyReport);
    file->insertAction(before, a.markFinal);
    file->insertSeparator(before);
}

void buildHelpMenu(QMainWindow* w, WindowActions& a) {
    QMenu* help = w->menuBar()->addMenu(QMainWindow::tr("&Help"));
    a.shortcuts = make(w, QMainWindow::tr("&Keyboard shortcuts"), QKeySequence(QStringLiteral("F1")));
    a.about = make(w, QMainWindow::tr("&About MedGemma Workstation"), QKeySequence(QStringLiteral("Shift+F1")));
    a.about->setMenuRole(QAction::AboutRole);
    help->addAction(a.shortcuts);
    help->addAction(a.about);
}

}  // namespace

QList<QAction*> WindowActions::all() const {
    return QList<QAction*>{openFiles, openFolder, openSample, closeAll, quit, undo, redo, findStudy, fit, zoomIn, zoomOut, resetView,
            invert, rotate, flip, overlay, nextImage, previousImage, showBrowser, showAssistant,
            chooseModel, draft, stop, acceptDraft, shortcuts, about} + assistantActions() +
           viewer.all() + reportActions();
}

QList<QAction*> WindowActions::reportActions() const {
    return {newReport,  openReport, saveReport,     saveReportAs,      exportSr,   exportPdf,
            exportFhir, exportText, exportMarkdown, deidentifyExports, copyReport, markFinal};
}

QList<QAction*> WindowActions::assistantActions() const {
    return {markImage,    markSeries,    clearMarks,   drawRegion,        clearRegion,
            modelManager, editTemplates, showDrafting, showTextAssistant, openRecord,
            newConversation, lightTheme, darkTheme};
}

WindowActions createWindowActions(QMainWindow* window) {
    WindowActions actions;
    buildFileMenu(window, actions);
    buildEditMenu(window, actions);
    buildViewMenu(window, actions);
    actions.viewer =
        createViewerActions(window, menuHolding(window, actions.fit), actions.showBrowser);
    buildModelMenu(window, actions);
    buildAssistantActions(window, actions);
    buildReportActions(window, actions);
    buildHelpMenu(window, actions);
    return actions;
}

}  // namespace ui
