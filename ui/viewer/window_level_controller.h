#pragma once
// Puts window/level presets to work on the active viewport: the CT presets (keys 1-6, only
// for images in Hounsfield units), the file's own window or automatic (key 0), and the
// windows stored in the file, listed in a menu rebuilt for the image on screen and cycled
// with a key.
// Ownership: not owning; actions and grid must outlive it. Thread-safety: GUI thread only.

#include <QList>
#include <QMetaObject>
#include <QObject>

#include "ui/viewer/window_presets.h"

namespace ui {

class SeriesViewer;
class ViewerGrid;
struct ViewerActions;

class WindowLevelController : public QObject {
    Q_OBJECT
public:
    WindowLevelController(const ViewerActions& actions, ViewerGrid& grid,
                          QObject* parent = nullptr);

    void applyPreset(CtPreset preset);
    void applyDefault();
    void applyNextFileWindow();

private:
    void follow(SeriesViewer* viewer);
    void refresh();
    void rebuildFileMenu(const QList<NamedWindow>& windows);
    void apply(const dicom::WindowPreset& window);

    const ViewerActions& m_actions;
    ViewerGrid& m_grid;
    QList<QMetaObject::Connection> m_followed;
    QList<NamedWindow> m_menuWindows;  // what the file windows menu shows now
};

}  // namespace ui
