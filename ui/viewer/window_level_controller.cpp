#include "ui/viewer/window_level_controller.h"

#include <cmath>

#include <QAction>
#include <QMenu>

#include "ui/viewer/image_viewer.h"
#include "ui/viewer/series_viewer.h"
#include "ui/viewer/viewer_grid.h"
#include "ui/viewer_actions.h"

namespace ui {
namespace {

bool sameWindows(const QList<NamedWindow>& a, const QList<NamedWindow>& b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (int i = 0; i < a.size(); ++i) {
        if (a[i].name != b[i].name || a[i].window.center != b[i].window.center ||
            a[i].window.width != b[i].window.width) {
            return false;
        }
    }
    return true;
}

}  // namespace

WindowLevelController::WindowLevelController(const ViewerActions& actions, ViewerGrid& grid,
                                             QObject* parent)
    : QObject(parent), m_actions(actions), m_grid(grid) {
    const QList<CtPreset> presets = ctPresets();
    for (int i = 0; i < presets.size() && i < actions.ctPresets.size(); ++i) {
        connect(actions.ctPresets[i], &QAction::triggered, this,
                [this, preset = presets[i]] { applyPreset(preset); });
    }
    connect(actions.defaultWindow, &QAction::triggered, this, &WindowLevelController::applyDefault);
    connect(actions.nextFileWindow, &QAction::triggered, this,
            &WindowLevelController::applyNextFileWindow);
    connect(&grid, &ViewerGrid::activeChanged, this, [this] { follow(m_grid.activeViewer()); });
    follow(grid.activeViewer());
}

void WindowLevelController::follow(SeriesViewer* viewer) {
    for (const auto& connection : std::as_const(m_followed)) {
        disconnect(connection);
    }
    m_followed = {
        connect(viewer, &SeriesViewer::frameShown, this, &WindowLevelController::refresh),
        connect(viewer, &SeriesViewer::seriesChanged, this, &WindowLevelController::refresh)};
    refresh();
}

void WindowLevelController::refresh() {
    SeriesViewer* viewer = m_grid.activeViewer();
    const dicom::InstanceInfo* instance = viewer->currentInstance();
    const bool grey =
        instance && viewer->viewer()->hasImage() && viewer->viewer()->frame().isGrey();
    const bool hounsfield = grey && usesHounsfieldUnits(*instance, *viewer->series().series);
    for (QAction* action : m_actions.ctPresets) {
        action->setEnabled(hounsfield);
    }
    m_actions.defaultWindow->setEnabled(grey);
    const QList<NamedWindow> windows = grey ? fileWindows(*instance) : QList<NamedWindow>();
    m_actions.nextFileWindow->setEnabled(windows.size() > 0);
    if (!sameWindows(windows, m_menuWindows)) {
        rebuildFileMenu(windows);
    }
}

void WindowLevelController::rebuildFileMenu(const QList<NamedWindow>& windows) {
    m_menuWindows = windows;
    QMenu* menu = m_actions.fileWindowsMenu;
    menu->clear();
    for (const NamedWindow& named : windows) {
        const QString text = tr("%1 (W %2, L %3)")
                                 .arg(named.name)
                                 .arg(std::lround(named.window.width))
                                 .arg(std::lround(named.window.center));
        connect(menu->addAction(text), &QAction::triggered, this,
                [this, window = named.window] { apply(window); });
    }
    if (windows.isEmpty()) {
        menu->addAction(tr("(none in this image)"))->setEnabled(false);
    }
}

void WindowLevelController::apply(const dicom::WindowPreset& window) {
    ImageViewer* viewer = m_grid.activeViewer()->viewer();
    if (viewer->hasImage() && viewer->frame().isGrey()) {
        viewer->setWindow(window);
    }
}

void WindowLevelController::applyPreset(CtPreset preset) {
    const SeriesViewer* viewer = m_grid.activeViewer();
    const dicom::InstanceInfo* instance = viewer->currentInstance();
    if (instance && usesHounsfieldUnits(*instance, *viewer->series().series)) {
        apply(ctPresetWindow(preset).window);
    }
}

void WindowLevelController::applyDefault() {
    const SeriesViewer* viewer = m_grid.activeViewer();
    if (const dicom::InstanceInfo* instance = viewer->currentInstance();
        instance && viewer->viewer()->hasImage()) {
        apply(defaultNamedWindow(*instance, viewer->viewer()->frame()).window);
    }
}

void WindowLevelController::applyNextFileWindow() {
    const SeriesViewer* viewer = m_grid.activeViewer();
    const dicom::InstanceInfo* instance = viewer->currentInstance();
    const QList<NamedWindow> windows = instance ? fileWindows(*instance) : QList<NamedWindow>();
    if (windows.isEmpty()) {
        return;
    }
    const dicom::WindowPreset now = viewer->viewer()->window();
    int next = 0;
    for (int i = 0; i < windows.size(); ++i) {
        if (windows[i].window.center == now.center && windows[i].window.width == now.width) {
            next = (i + 1) % int(windows.size());
            break;
        }
    }
    apply(windows[next].window);
}

}  // namespace ui
