#include "ui/viewer/viewer_controller.h"

#include <QAction>
#include <QActionGroup>
#include <QSettings>

#include "ui/common/settings_keys.h"
#include "ui/measure/annotation_layer.h"
#include "ui/study/study_session.h"
#include "ui/viewer/cine_player.h"
#include "ui/viewer/image_viewer.h"
#include "ui/viewer/overlay_planes.h"
#include "ui/viewer/scroll_sync.h"
#include "ui/viewer/series_viewer.h"
#include "ui/viewer/viewer_grid.h"
#include "ui/viewer/viewport.h"
#include "ui/viewer/window_level_controller.h"
#include "ui/window_actions.h"

namespace ui {

ViewerController::ViewerController(const WindowActions& actions, ViewerGrid& grid,
                                   StudySession& session, QObject* parent)
    : QObject(parent), m_actions(actions), m_grid(grid), m_session(session) {
    m_sync = new ScrollSync(this);
    m_sync->setViewers(m_grid.seriesViewers());
    m_windowLevel = new WindowLevelController(actions.viewer, grid, this);
    connectViewCommands();
    connectLayouts();
    connectCine();
    connectTools();
    connectViewports();
    connect(&m_grid, &ViewerGrid::activeChanged, this, &ViewerController::onActiveChanged);
    connect(&m_session, &StudySession::changed, this, &ViewerController::rebindAll);
    restoreSettings();
}

void ViewerController::restoreSettings() {
    QSettings settings;
    m_actions.viewer.overlayPlanes->setChecked(
        settings.value(settings::overlayPlanesVisible(), true).toBool());
    switch (settings.value(settings::viewerLayout(), 1).toInt()) {
        case 2:
            m_actions.viewer.layoutSideBySide->trigger();
            break;
        case 4:
            m_actions.viewer.layoutQuad->trigger();
            break;
        default:
            break;
    }
}

void ViewerController::connectViewCommands() {
    const WindowActions& a = m_actions;
    const auto active = [this] { return m_grid.activeViewer()->viewer(); };
    connect(a.fit, &QAction::triggered, this, [active] { active()->fitToWindow(); });
    connect(a.zoomIn, &QAction::triggered, this, [active] { active()->zoomIn(); });
    connect(a.zoomOut, &QAction::triggered, this, [active] { active()->zoomOut(); });
    connect(a.resetView, &QAction::triggered, this, [this, active] {
        active()->resetView();
        m_actions.invert->setChecked(false);
    });
    connect(a.invert, &QAction::toggled, this, [active](bool on) { active()->setInverted(on); });
    connect(a.rotate, &QAction::triggered, this, [active] { active()->rotateClockwise(); });
    connect(a.flip, &QAction::triggered, this, [active] { active()->flipHorizontal(); });
    connect(a.overlay, &QAction::toggled, this, [this](bool visible) {
        for (SeriesViewer* viewer : m_grid.seriesViewers()) {
            viewer->viewer()->setOverlayVisible(visible);
        }
        QSettings().setValue(settings::overlayVisible(), visible);
    });
    connect(a.viewer.overlayPlanes, &QAction::toggled, this, [this](bool shown) {
        for (int i = 0; i < ViewerGrid::kMaximumViewports; ++i) {
            m_grid.viewport(i)->overlayPlanes()->setShown(shown);
        }
        QSettings().setValue(settings::overlayPlanesVisible(), shown);
    });
    connect(a.nextImage, &QAction::triggered, this, [this] { m_grid.activeViewer()->step(1); });
    connect(a.previousImage, &QAction::triggered, this,
            [this] { m_grid.activeViewer()->step(-1); });
}

void ViewerController::connectLayouts() {
    const ViewerActions& v = m_actions.viewer;
    connect(v.layoutSingle, &QAction::triggered, this,
            [this] { m_grid.setViewerLayout(ViewerLayout::Single); });
    connect(v.layoutSideBySide, &QAction::triggered, this,
            [this] { m_grid.setViewerLayout(ViewerLayout::SideBySide); });
    connect(v.layoutQuad, &QAction::triggered, this,
            [this] { m_grid.setViewerLayout(ViewerLayout::Quad); });
    connect(&m_grid, &ViewerGrid::layoutChanged, this, [this](ViewerLayout layout) {
        const ViewerActions& actions = m_actions.viewer;
        QAction* checked = layout == ViewerLayout::Single       ? actions.layoutSingle
                           : layout == ViewerLayout::SideBySide ? actions.layoutSideBySide
                                                                : actions.layoutQuad;
        checked->setChecked(true);
        m_sync->setViewers(m_grid.seriesViewers());
        QSettings().setValue(settings::viewerLayout(), m_grid.visibleCount());
    });
    connect(v.nextViewport, &QAction::triggered, &m_grid, &ViewerGrid::activateNext);
    connect(v.syncScroll, &QAction::toggled, this, [this](bool on) {
        m_sync->setEnabled(on);
        Q_EMIT statusMessage(
            on ? tr("Synchronised scrolling on") : tr("Synchronised scrolling off"), 3000);
    });
}

void ViewerController::connectCine() {
    const ViewerActions& v = m_actions.viewer;
    connect(v.cinePlay, &QAction::triggered, this,
            [this] { m_grid.activeViewer()->cine()->toggle(); });
    connect(v.cineFaster, &QAction::triggered, this,
            [this] { m_grid.activeViewer()->cine()->faster(); });
    connect(v.cineSlower, &QAction::triggered, this,
            [this] { m_grid.activeViewer()->cine()->slower(); });
    for (SeriesViewer* viewer : m_grid.seriesViewers()) {
        connect(viewer->cine(), &CinePlayer::playingChanged, this, [this, viewer](bool playing) {
            if (viewer == m_grid.activeViewer()) {
                m_actions.viewer.cinePlay->setChecked(playing);
            }
        });
        connect(viewer->cine(), &CinePlayer::framesPerSecondChanged, this, [this](int rate) {
            Q_EMIT statusMessage(tr("Cine %1 frames per second").arg(rate), 2000);
        });
    }
}

void ViewerController::connectTools() {
    const ViewerActions& v = m_actions.viewer;
    const QList<QPair<QAction*, MeasureTool>> tools{{v.toolWindowLevel, MeasureTool::WindowLevel},
                                                    {v.toolLength, MeasureTool::Length},
                                                    {v.toolAngle, MeasureTool::Angle},
                                                    {v.toolEllipse, MeasureTool::Ellipse},
                                                    {v.toolRectangle, MeasureTool::Rectangle},
                                                    {v.toolArrow, MeasureTool::Arrow},
                                                    {v.toolText, MeasureTool::Text}};
    for (const auto& [action, tool] : tools) {
        connect(action, &QAction::triggered, this, [this, tool = tool] {
            for (int i = 0; i < ViewerGrid::kMaximumViewports; ++i) {
                m_grid.viewport(i)->annotations()->setTool(tool);
            }
        });
    }
    connect(v.deleteAnnotation, &QAction::triggered, this,
            [this] { m_grid.active()->annotations()->deleteSelected(); });
}

void ViewerController::connectViewports() {
    connect(&m_grid, &ViewerGrid::seriesDropped, this, [this](int index, const QString& uid) {
        if (const SeriesRef ref = m_session.findSeries(uid)) {
            m_grid.viewport(index)->seriesViewer()->showSeries(ref);
        }
    });
    for (SeriesViewer* viewer : m_grid.seriesViewers()) {
        connect(viewer, &SeriesViewer::frameFailed, this, [this](const QString& message) {
            Q_EMIT statusMessage(tr("This image cannot be shown: %1").arg(message), 10000);
        });
    }
}

void ViewerController::onActiveChanged() {
    SeriesViewer* viewer = m_grid.activeViewer();
    QSignalBlocker invert(m_actions.invert);
    m_actions.invert->setChecked(viewer->viewer()->inverted());
    QSignalBlocker cine(m_actions.viewer.cinePlay);
    m_actions.viewer.cinePlay->setChecked(viewer->cine()->isPlaying());
}

void ViewerController::showInActive(const QString& seriesUid) {
    SeriesViewer* viewer = m_grid.activeViewer();
    if (viewer->seriesUid() == seriesUid) {
        return;
    }
    viewer->showSeries(m_session.findSeries(seriesUid));
}

void ViewerController::rebindAll() {
    for (SeriesViewer* viewer : m_grid.seriesViewers()) {
        if (!viewer->seriesUid().isEmpty()) {
            viewer->rebind(m_session.findSeries(viewer->seriesUid()));
        }
    }
}

}  // namespace ui
