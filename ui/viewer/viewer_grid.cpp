#include "ui/viewer/viewer_grid.h"

#include <algorithm>

#include <QApplication>
#include <QGridLayout>

#include "ui/viewer/cine_player.h"
#include "ui/viewer/image_viewer.h"
#include "ui/viewer/series_viewer.h"
#include "ui/viewer/viewport.h"

namespace ui {
namespace {

// Row and column of each viewport: reading order, left to right then down.
constexpr int kCells[ViewerGrid::kMaximumViewports][2] = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

int countOf(ViewerLayout layout) {
    switch (layout) {
        case ViewerLayout::Single:
            return 1;
        case ViewerLayout::SideBySide:
            return 2;
        case ViewerLayout::Quad:
            return 4;
    }
    return 1;
}

}  // namespace

ViewerGrid::ViewerGrid(FrameCache& cache, AnnotationStore& store, QWidget* parent)
    : QWidget(parent) {
    m_grid = new QGridLayout(this);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(0);
    for (int i = 0; i < kMaximumViewports; ++i) {
        auto* viewport = new Viewport(cache, store, this);
        // Cells share the space by their stretch alone, whatever each image's size.
        viewport->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
        m_viewports[std::size_t(i)] = viewport;
        m_grid->addWidget(viewport, kCells[i][0], kCells[i][1]);
        connect(viewport, &Viewport::activated, this, [this, i] { setActive(i); });
        connect(viewport, &Viewport::seriesDropped, this,
                [this, i](const QString& uid) { Q_EMIT seriesDropped(i, uid); });
        if (i > 0) {
            viewport->seriesViewer()->viewer()->setEmptyMessage(
                tr("Drag a series here from the browser, or click here and choose one there."));
        }
    }
    m_viewports[0]->setActive(true);
    connect(qApp, &QApplication::focusChanged, this,
            [this](QWidget*, QWidget* now) { onFocusChanged(now); });
    setViewerLayout(ViewerLayout::Single);
}

int ViewerGrid::visibleCount() const {
    return countOf(m_layout);
}

void ViewerGrid::setViewerLayout(ViewerLayout layout) {
    m_layout = layout;
    const int count = countOf(layout);
    for (int i = 0; i < kMaximumViewports; ++i) {
        Viewport* v = m_viewports[std::size_t(i)];
        const bool shown = i < count;
        if (!shown) {
            v->seriesViewer()->cine()->setPlaying(false);
        }
        v->setVisible(shown);
        v->setHighlightEnabled(count > 1);
    }
    // Equal cells: a two-row grid only for four viewports.
    m_grid->setRowStretch(0, 1);
    m_grid->setColumnStretch(0, 1);
    m_grid->setRowStretch(1, count > 2 ? 1 : 0);
    m_grid->setColumnStretch(1, count > 1 ? 1 : 0);
    if (m_active >= count) {
        setActive(0);
    }
    Q_EMIT layoutChanged(layout);
}

QList<Viewport*> ViewerGrid::visibleViewports() const {
    QList<Viewport*> out;
    for (int i = 0; i < visibleCount(); ++i) {
        out.append(m_viewports[std::size_t(i)]);
    }
    return out;
}

QList<SeriesViewer*> ViewerGrid::seriesViewers() const {
    QList<SeriesViewer*> out;
    for (Viewport* v : m_viewports) {
        out.append(v->seriesViewer());
    }
    return out;
}

SeriesViewer* ViewerGrid::activeViewer() const {
    return active()->seriesViewer();
}

void ViewerGrid::setActive(int index) {
    index = std::clamp(index, 0, visibleCount() - 1);
    for (int i = 0; i < kMaximumViewports; ++i) {
        m_viewports[std::size_t(i)]->setActive(i == index);
    }
    if (index != m_active) {
        m_active = index;
        Q_EMIT activeChanged(index);
    }
}

void ViewerGrid::activateNext() {
    setActive((m_active + 1) % visibleCount());
    active()->seriesViewer()->viewer()->setFocus(Qt::ShortcutFocusReason);
}

void ViewerGrid::onFocusChanged(QWidget* now) {
    for (int i = 0; i < visibleCount(); ++i) {
        if (now && m_viewports[std::size_t(i)]->isAncestorOf(now)) {
            setActive(i);
            return;
        }
    }
}

void ViewerGrid::clearAll() {
    for (Viewport* v : m_viewports) {
        v->seriesViewer()->clear();
    }
}

}  // namespace ui
