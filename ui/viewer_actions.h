#pragma once
// The image viewer's commands as QActions with their keyboard shortcuts: window/level presets
// and the file's own windows, cine, viewport layouts and synchronised scrolling, measurement
// tools. Part of WindowActions, so the shortcuts dialog lists them too.
// Thread-safety: GUI thread only.

#include <QList>

class QAction;
class QActionGroup;
class QMainWindow;
class QMenu;
class QToolBar;

namespace ui {

struct ViewerActions {
    // Window/level (Image menu)
    QList<QAction*> ctPresets;         // keys 1..6, in ctPresets() order
    QAction* defaultWindow = nullptr;  // key 0: the file's window, or auto
    QAction* nextFileWindow = nullptr;
    QMenu* fileWindowsMenu = nullptr;  // filled with the windows of the image shown
    QAction* overlayPlanes = nullptr;  // DICOM overlay planes (60xx) shown
    // Cine (Image menu)
    QAction* cinePlay = nullptr;
    QAction* cineFaster = nullptr;
    QAction* cineSlower = nullptr;
    // Layout (View menu)
    QActionGroup* layoutGroup = nullptr;
    QAction* layoutSingle = nullptr;
    QAction* layoutSideBySide = nullptr;
    QAction* layoutQuad = nullptr;
    QAction* nextViewport = nullptr;
    QAction* syncScroll = nullptr;
    // Measure menu
    QActionGroup* toolGroup = nullptr;
    QAction* toolWindowLevel = nullptr;
    QAction* toolLength = nullptr;
    QAction* toolAngle = nullptr;
    QAction* toolEllipse = nullptr;
    QAction* toolRectangle = nullptr;
    QAction* toolArrow = nullptr;
    QAction* toolText = nullptr;
    QAction* deleteAnnotation = nullptr;
    QToolBar* toolBar = nullptr;

    QList<QAction*> all() const;
};

// Creates the actions (owned by `window`), the Image and Measure menus, the viewer toolbar,
// and puts the layout commands into `viewMenu` before `before`.
ViewerActions createViewerActions(QMainWindow* window, QMenu* viewMenu, QAction* before);

}  // namespace ui
