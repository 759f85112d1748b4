#pragma once
// The frames marked for the model and the optional region, as plain values keyed by Series
// Instance UID (the session's series pointers change when studies are added), with the helpers
// that order them as MedGemma expects: by study date (a prior before the current study), then
// series, then slice order within the series (the session sorts instances along the slice
// normal).
// Thread-safety: pure data and functions.

#include <vector>

#include <QList>
#include <QRect>
#include <QString>

#include "ui/study/study_session.h"
#include "ui/viewer/series_viewer.h"

namespace ui {

struct FrameMark {
    QString seriesUid;
    int instance = 0;  // index into SeriesInfo::instances
    int frame = 0;     // 0-based frame of a multi-frame instance
    bool operator==(const FrameMark& o) const {
        return seriesUid == o.seriesUid && instance == o.instance && frame == o.frame;
    }
};

struct ModelRegion {
    QString seriesUid;
    QRect rect;  // image pixels (columns, rows) of that series' frames
    bool isEmpty() const { return seriesUid.isEmpty() || rect.isEmpty(); }
};

// The viewer's frame list of a series: multi-frame instances expand to one entry per frame.
std::vector<FrameRef> seriesFrames(const dicom::SeriesInfo& series);

// Position of `mark` in seriesFrames(); -1 when absent.
int frameIndexOf(const dicom::SeriesInfo& series, const FrameMark& mark);

// Sorts in the model's order; marks of series no longer in the session are removed.
void sortMarks(QList<FrameMark>& marks, const StudySession& session);

// The marks "whole series" gives: dicom::sampleVolumeIndices over the series' frames (all up to
// 85, else 85 evenly spaced, as the CT notebook samples).
QList<FrameMark> wholeSeriesMarks(const QString& seriesUid, const dicom::SeriesInfo& series);

}  // namespace ui
