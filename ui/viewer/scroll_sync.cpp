#include "ui/viewer/scroll_sync.h"

#include <cmath>
#include <limits>

#include "ui/viewer/series_viewer.h"

namespace ui {
namespace {

QString studyOf(const SeriesViewer* viewer) {
    return QString::fromStdString(viewer->series().study->studyInstanceUid);
}

}  // namespace

void ScrollSync::setViewers(const QList<SeriesViewer*>& viewers) {
    for (const auto& viewer : std::as_const(m_viewers)) {
        if (viewer) {
            disconnect(viewer, nullptr, this, nullptr);
        }
    }
    m_viewers.clear();
    for (SeriesViewer* viewer : viewers) {
        m_viewers.append(viewer);
        connect(viewer, &SeriesViewer::indexChanged, this, [this, viewer] { onScrolled(viewer); });
        connect(viewer, &SeriesViewer::seriesChanged, this,
                [this, viewer] { onSeriesChanged(viewer); });
    }
    restart();
}

void ScrollSync::setEnabled(bool enabled) {
    m_enabled = enabled;
    restart();
}

void ScrollSync::restart() {
    // The viewers keep the distances they have now.
    m_axis.reset();
    m_studyOffsets.clear();
    m_indexOffsets.clear();
    for (const auto& viewer : std::as_const(m_viewers)) {
        if (viewer && !m_axis && viewer->currentInstance()) {
            m_axis = sliceNormal(*viewer->currentInstance());
        }
    }
    for (const auto& viewer : std::as_const(m_viewers)) {
        if (viewer && viewer->currentInstance()) {
            join(viewer);
        }
    }
}

std::optional<double> ScrollSync::axialPosition(const SeriesViewer* viewer) const {
    const dicom::InstanceInfo* instance = viewer->currentInstance();
    if (!m_axis || !instance) {
        return std::nullopt;
    }
    const auto normal = sliceNormal(*instance);
    if (!normal || orientationMatch(*normal, *m_axis) == 0) {
        return std::nullopt;
    }
    return positionAlong(*instance, *m_axis);
}

std::optional<double> ScrollSync::commonPosition() {
    for (const auto& viewer : std::as_const(m_viewers)) {
        if (!viewer || !viewer->currentInstance() || !m_studyOffsets.contains(studyOf(viewer))) {
            continue;
        }
        if (const auto p = axialPosition(viewer)) {
            return *p - m_studyOffsets.value(studyOf(viewer));
        }
    }
    return std::nullopt;
}

bool ScrollSync::join(SeriesViewer* viewer) {
    if (const auto p = axialPosition(viewer)) {
        const QString study = studyOf(viewer);
        if (!m_studyOffsets.contains(study)) {
            const auto common = commonPosition();
            m_studyOffsets.insert(study, common ? *p - *common : 0.0);
        }
        return true;
    }
    if (!m_indexOffsets.contains(viewer) && !sliceNormal(*viewer->currentInstance())) {
        // Image numbers: relative to the first such viewer.
        const int reference = m_indexOffsets.isEmpty() ? viewer->index()
                                                       : m_indexOffsets.cbegin().key()->index() -
                                                             m_indexOffsets.cbegin().value();
        m_indexOffsets.insert(viewer, viewer->index() - reference);
        return true;
    }
    return m_indexOffsets.contains(viewer);
}

void ScrollSync::onSeriesChanged(SeriesViewer* viewer) {
    m_indexOffsets.remove(viewer);
    if (!m_axis) {
        restart();  // the first series with an orientation sets the axis
    }
}

void ScrollSync::onScrolled(SeriesViewer* source) {
    if (!m_enabled || m_applying || !source->currentInstance()) {
        return;
    }
    const bool knownStudy = m_studyOffsets.contains(studyOf(source));
    const bool knownIndex = m_indexOffsets.contains(source);
    if (!knownStudy && !knownIndex) {
        join(source);  // a series just shown joins where it is
        return;
    }
    std::optional<double> common;
    if (const auto p = axialPosition(source); p && knownStudy) {
        common = *p - m_studyOffsets.value(studyOf(source));
    }
    const int commonIndex = source->index() - m_indexOffsets.value(source, 0);
    m_applying = true;
    for (const auto& target : std::as_const(m_viewers)) {
        if (target && target != source && target->isVisible() && target->frameCount() > 1) {
            follow(target, common, commonIndex);
        }
    }
    m_applying = false;
}

void ScrollSync::follow(SeriesViewer* target, std::optional<double> common, int commonIndex) {
    if (common && axialPosition(target) && join(target)) {
        const int index = nearestIndex(target, *common + m_studyOffsets.value(studyOf(target)));
        if (index >= 0) {
            target->setIndex(index);
        }
    } else if (!common && m_indexOffsets.contains(target)) {
        target->setIndex(commonIndex + m_indexOffsets.value(target));
    }
}

int ScrollSync::nearestIndex(const SeriesViewer* target, double position) const {
    int best = -1;
    double bestDistance = std::numeric_limits<double>::max();
    const auto& instances = target->series().series->instances;
    for (int i = 0; i < target->frameCount(); ++i) {
        const auto p = positionAlong(instances[target->frameAt(i).instance], *m_axis);
        if (p && std::abs(*p - position) < bestDistance) {
            bestDistance = std::abs(*p - position);
            best = i;
        }
    }
    return best;
}

}  // namespace ui
