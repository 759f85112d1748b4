#pragma once
// Every command of the main window as a QAction with its keyboard shortcut, and the menus that
// hold them. The shortcuts dialog lists exactly these actions, so a new command appears there
// by being created here.
// Thread-safety: GUI thread only.

#include <QList>

#include "ui/viewer_actions.h"

class QAction;
class QMenu;
class QMainWindow;

namespace ui {

struct WindowActions {
    // File
    QAction* openFiles = nullptr;
    QAction* openFolder = nullptr;
    QAction* openSample = nullptr;
    QMenu* recentMenu = nullptr;
    QAction* closeAll = nullptr;
    QAction* quit = nullptr;
    // Edit: undo and redo act on the report; find focuses the study browser's filter
    QAction* undo = nullptr;
    QAction* redo = nullptr;
    QAction* findStudy = nullptr;
    // View
    QAction* fit = nullptr;
    QAction* zoomIn = nullptr;
    QAction* zoomOut = nullptr;
    QAction* resetView = nullptr;
    QAction* invert = nullptr;
    QAction* rotate = nullptr;
    QAction* flip = nullptr;
    QAction* overlay = nullptr;
    QAction* nextImage = nullptr;
    QAction* previousImage = nullptr;
    QAction* showBrowser = nullptr;
    QAction* showAssistant = nullptr;
    QMenu* languageMenu = nullptr;
    // Model and drafting
    QAction* chooseModel = nullptr;
    QAction* draft = nullptr;
    QAction* stop = nullptr;
    QAction* acceptDraft = nullptr;
    // Images for the model, the assistant, the model manager and themes
    QAction* markImage = nullptr;
    QAction* markSeries = nullptr;
    QAction* clearMarks = nullptr;
    QAction* drawRegion = nullptr;
    QAction* clearRegion = nullptr;
    QAction* modelManager = nullptr;
    QAction* editTemplates = nullptr;
    QAction* showDrafting = nullptr;
    QAction* showTextAssistant = nullptr;
    QAction* openRecord = nullptr;
    QAction* newConversation = nullptr;
    QAction* lightTheme = nullptr;
    QAction* darkTheme = nullptr;
    // The report: file, export and copy (ui/report/report_controller.h)
    QAction* newReport = nullptr;
    QAction* openReport = nullptr;
    QAction* saveReport = nullptr;
    QAction* saveReportAs = nullptr;
    QMenu* exportMenu = nullptr;
    QAction* exportSr = nullptr;
    QAction* exportPdf = nullptr;
    QAction* exportFhir = nullptr;
    QAction* exportText = nullptr;
    QAction* exportMarkdown = nullptr;
    QAction* deidentifyExports = nullptr;  // checkable: exports leave de-identified
    QAction* copyReport = nullptr;
    QAction* markFinal = nullptr;
    // Help
    QAction* shortcuts = nullptr;
    QAction* about = nullptr;
    // Image viewer: window/level presets, cine, layouts, measurements (ui/viewer_actions.h)
    ViewerActions viewer;

    QList<QAction*> all() const;
    QList<QAction*> assistantActions() const;
    QList<QAction*> reportActions() const;
};

// Creates the actions (owned by `window`) and fills its menu bar.
WindowActions createWindowActions(QMainWindow* window);

}  // namespace ui
