#pragma once
// Every command of the main window as a QAction with its keyboard shortcut, and the menus that
// hold them. The shortcuts dialog lists exactly these actions, so a new command appears there
// by being created here.
// Thread-safety: GUI thread only.

#include <QList>

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
    // Help
    QAction* shortcuts = nullptr;
    QAction* about = nullptr;

    QList<QAction*> all() const;
};

// Creates the actions (owned by `window`) and fills its menu bar.
WindowActions createWindowActions(QMainWindow* window);

}  // namespace ui
