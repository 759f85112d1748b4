#pragma once
// Synchronised scrolling: when one viewer moves to another slice, the others showing series of
// the same orientation move to the matching slice. Positions are measured along one common
// axis (the slice normal of the first viewer with one). Series of one study share a frame of
// reference and are matched by position directly; a different study (a prior) keeps the
// distance it had when sync was switched on or when it was first shown: align the prior, then
// switch sync on. Series without Image Position/Orientation follow by image number, each
// keeping the offset it had.
// Ownership: does not own the viewers. Thread-safety: GUI thread only.

#include <optional>

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include "ui/viewer/slice_geometry.h"

namespace ui {

class SeriesViewer;

class ScrollSync : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    void setViewers(const QList<SeriesViewer*>& viewers);
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }

private:
    void restart();
    void onScrolled(SeriesViewer* source);
    void onSeriesChanged(SeriesViewer* viewer);
    // Position of the viewer's slice on the common axis; none without one or when the slice is
    // not parallel to it.
    std::optional<double> axialPosition(const SeriesViewer* viewer) const;
    std::optional<double> commonPosition();  // where the synced viewers are now
    bool join(SeriesViewer* viewer);         // gives a new viewer's study or index its offset
    void follow(SeriesViewer* target, std::optional<double> common, int commonIndex);
    int nearestIndex(const SeriesViewer* target, double position) const;

    QList<QPointer<SeriesViewer>> m_viewers;
    std::optional<Vector3> m_axis;
    QHash<QString, double> m_studyOffsets;           // mm, by Study Instance UID
    QHash<const SeriesViewer*, int> m_indexOffsets;  // viewers without positions
    bool m_enabled = false;
    bool m_applying = false;  // moving the followers: their own index changes are not sources
};

}  // namespace ui
