#pragma once
// ViewerController: connects the window's viewer commands to the viewports: view commands
// (fit, zoom, invert, rotate, flip, overlay, next/previous image) act on the active viewport;
// layouts, synchronised scrolling, cine, measurement tools and window/level presets; series
// chosen in the browser or dropped on a viewport; and keeping the viewports on the session's
// current tree when studies are added.
// Ownership: owns its helpers (sync, window/level); actions, grid and session are not owned
// and must outlive it. Thread-safety: GUI thread only.

#include <QObject>

namespace ui {

class ScrollSync;
class StudySession;
class ViewerGrid;
class WindowLevelController;
struct WindowActions;

class ViewerController : public QObject {
    Q_OBJECT
public:
    ViewerController(const WindowActions& actions, ViewerGrid& grid, StudySession& session,
                     QObject* parent = nullptr);

    // Shows a series in the active viewport (nothing happens when it shows it already).
    void showInActive(const QString& seriesUid);
    ScrollSync* sync() const { return m_sync; }

Q_SIGNALS:
    void statusMessage(const QString& message, int timeoutMs);

private:
    void connectViewCommands();
    void connectLayouts();
    void connectCine();
    void connectTools();
    void connectViewports();
    void onActiveChanged();
    void restoreSettings();
    void rebindAll();

    const WindowActions& m_actions;
    ViewerGrid& m_grid;
    StudySession& m_session;
    ScrollSync* m_sync = nullptr;
    WindowLevelController* m_windowLevel = nullptr;
};

}  // namespace ui
