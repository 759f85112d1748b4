#include "ui/viewer_actions.h"

#include <QAction>
#include <QActionGroup>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>

#include "ui/viewer/window_presets.h"

namespace ui {
namespace {

QAction* make(QMainWindow* window, const QString& text, const QString& keys,
              bool checkable = false) {
    auto* action = new QAction(text, window);
    action->setShortcut(QKeySequence(keys));
    action->setShortcutContext(Qt::WindowShortcut);
    action->setCheckable(checkable);
    window->addAction(action);  // shortcuts work even while menus are hidden
    return action;
}

void buildWindowLevel(QMainWindow* w, ViewerActions& a, QMenu* image) {
    QMenu* presets = image->addMenu(QMainWindow::tr("Window &presets"));
    int key = 1;
    for (CtPreset preset : ctPresets()) {
        const NamedWindow named = ctPresetWindow(preset);
        QAction* action = make(w,
                               QMainWindow::tr("CT %1 (W %2, L %3)")
                                   .arg(named.name)
                                   .arg(named.window.width)
                                   .arg(named.window.center),
                               QString::number(key++));
        action->setIconText(named.name);
        a.ctPresets.append(action);
        presets->addAction(action);
    }
    presets->addSeparator();
    a.defaultWindow =
        make(w, QMainWindow::tr("Window of the &file, or automatic"), QStringLiteral("0"));
    a.defaultWindow->setIconText(QMainWindow::tr("Default"));
    presets->addAction(a.defaultWindow);
    a.fileWindowsMenu = image->addMenu(QMainWindow::tr("&Windows in the file"));
    a.nextFileWindow =
        make(w, QMainWindow::tr("&Next window in the file"), QStringLiteral("Shift+W"));
    image->addAction(a.nextFileWindow);
    image->addSeparator();
    a.overlayPlanes =
        make(w, QMainWindow::tr("Show overlay &planes (60xx)"), QStringLiteral("Shift+O"), true);
    a.overlayPlanes->setChecked(true);
    image->addAction(a.overlayPlanes);
}

void buildCine(QMainWindow* w, ViewerActions& a, QMenu* image) {
    a.cinePlay = make(w, QMainWindow::tr("&Play or pause cine"), QStringLiteral("P"), true);
    a.cineFaster = make(w, QMainWindow::tr("Cine &faster"), QStringLiteral("]"));
    a.cineSlower = make(w, QMainWindow::tr("Cine &slower"), QStringLiteral("["));
    image->addSeparator();
    image->addAction(a.cinePlay);
    image->addAction(a.cineFaster);
    image->addAction(a.cineSlower);
}

void buildLayouts(QMainWindow* w, ViewerActions& a, QMenu* view, QAction* before) {
    a.layoutGroup = new QActionGroup(w);
    a.layoutSingle = make(w, QMainWindow::tr("Layout 1 × 1"), QStringLiteral("Alt+1"), true);
    a.layoutSideBySide = make(w, QMainWindow::tr("Layout 1 × 2"), QStringLiteral("Alt+2"), true);
    a.layoutQuad = make(w, QMainWindow::tr("Layout 2 × 2"), QStringLiteral("Alt+4"), true);
    a.layoutSingle->setIconText(QMainWindow::tr("1×1"));
    a.layoutSideBySide->setIconText(QMainWindow::tr("1×2"));
    a.layoutQuad->setIconText(QMainWindow::tr("2×2"));
    a.layoutSingle->setChecked(true);
    a.nextViewport = make(w, QMainWindow::tr("Next &viewport"), QStringLiteral("Alt+N"));
    a.syncScroll = make(w, QMainWindow::tr("S&ynchronised scrolling"), QStringLiteral("Y"), true);
    a.syncScroll->setIconText(QMainWindow::tr("Sync"));
    a.syncScroll->setToolTip(QMainWindow::tr(
        "Scroll viewports of the same orientation together. Series of one study follow by "
        "position; for a prior, align it first, then switch this on."));
    QMenu* layouts = new QMenu(QMainWindow::tr("&Layout"), view);
    for (QAction* action : {a.layoutSingle, a.layoutSideBySide, a.layoutQuad}) {
        a.layoutGroup->addAction(action);
        layouts->addAction(action);
    }
    view->insertMenu(before, layouts);
    view->insertAction(before, a.nextViewport);
    view->insertAction(before, a.syncScroll);
    view->insertSeparator(before);
}

void buildTools(QMainWindow* w, ViewerActions& a) {
    QMenu* measure = w->menuBar()->addMenu(QMainWindow::tr("M&easure"));
    a.toolGroup = new QActionGroup(w);
    const struct {
        QAction** slot;
        QString text;
        QString iconText;
        const char* keys;
    } tools[] = {
        {&a.toolWindowLevel, QMainWindow::tr("&Window/level tool"), QMainWindow::tr("W/L"), "W"},
        {&a.toolLength, QMainWindow::tr("&Length"), QMainWindow::tr("Length"), "L"},
        {&a.toolAngle, QMainWindow::tr("&Angle"), QMainWindow::tr("Angle"), "A"},
        {&a.toolEllipse, QMainWindow::tr("&Ellipse region"), QMainWindow::tr("Ellipse"), "E"},
        {&a.toolRectangle, QMainWindow::tr("&Rectangle region"), QMainWindow::tr("Rectangle"), "B"},
        {&a.toolArrow, QMainWindow::tr("Arro&w"), QMainWindow::tr("Arrow"), "Shift+A"},
        {&a.toolText, QMainWindow::tr("&Text note"), QMainWindow::tr("Text"), "T"},
    };
    for (const auto& tool : tools) {
        *tool.slot = make(w, tool.text, QString::fromLatin1(tool.keys), true);
        (*tool.slot)->setIconText(tool.iconText);
        a.toolGroup->addAction(*tool.slot);
        measure->addAction(*tool.slot);
    }
    a.toolWindowLevel->setChecked(true);
    a.deleteAnnotation =
        make(w, QMainWindow::tr("&Delete selected annotation"), QStringLiteral("Del"));
    a.deleteAnnotation->setShortcuts(
        {QKeySequence(QStringLiteral("Del")), QKeySequence(QStringLiteral("Backspace"))});
    measure->addSeparator();
    measure->addAction(a.deleteAnnotation);
}

void buildToolBar(QMainWindow* w, ViewerActions& a) {
    a.toolBar = w->addToolBar(QMainWindow::tr("Viewer tools"));
    a.toolBar->setObjectName(QStringLiteral("viewerToolBar"));  // for saveState/restoreState
    a.toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    a.toolBar->addActions(a.toolGroup->actions());
    a.toolBar->addSeparator();
    a.toolBar->addActions(a.ctPresets);
    a.toolBar->addAction(a.defaultWindow);
    a.toolBar->addSeparator();
    a.toolBar->addActions(a.layoutGroup->actions());
    a.toolBar->addAction(a.syncScroll);
}

}  // namespace

QList<QAction*> ViewerActions::all() const {
    QList<QAction*> out = ctPresets;
    out << defaultWindow << nextFileWindow << overlayPlanes << cinePlay << cineFaster << cineSlower
        << layoutSingle << layoutSideBySide << layoutQuad << nextViewport << syncScroll;
    out << toolGroup->actions() << deleteAnnotation;
    return out;
}

ViewerActions createViewerActions(QMainWindow* window, QMenu* viewMenu, QAction* before) {
    ViewerActions actions;
    QMenu* image = window->menuBar()->addMenu(QMainWindow::tr("&Image"));
    buildWindowLevel(window, actions, image);
    buildCine(window, actions, image);
    buildLayouts(window, actions, viewMenu, before);
    buildTools(window, actions);
    buildToolBar(window, actions);
    return actions;
}

}  // namespace ui
