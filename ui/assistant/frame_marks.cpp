#include "ui/assistant/frame_marks.h"

#include <algorithm>
#include <tuple>

#include "dicom/model_input.h"

namespace ui {

std::vector<FrameRef> seriesFrames(const dicom::SeriesInfo& series) {
    std::vector<FrameRef> frames;
    for (int i = 0; i < int(series.instances.size()); ++i) {
        const int count = std::max(1, series.instances[i].frames);
        for (int f = 0; f < count; ++f) {
            frames.push_back({i, f});
        }
    }
    return frames;
}

int frameIndexOf(const dicom::SeriesInfo& series, const FrameMark& mark) {
    const std::vector<FrameRef> frames = seriesFrames(series);
    for (int i = 0; i < int(frames.size()); ++i) {
        if (frames[i].instance == mark.instance && frames[i].frame == mark.frame) {
            return i;
        }
    }
    return -1;
}

void sortMarks(QList<FrameMark>& marks, const StudySession& session) {
    marks.removeIf([&](const FrameMark& m) {
        const SeriesRef ref = session.findSeries(m.seriesUid);
        return !ref || m.instance >= int(ref.series->instances.size());
    });
    auto key = [&](const FrameMark& m) {
        const SeriesRef ref = session.findSeries(m.seriesUid);
        return std::make_tuple(ref.study->date, ref.study->time, ref.study->studyInstanceUid,
                               ref.series->seriesNumber, m.seriesUid, m.instance, m.frame);
    };
    std::stable_sort(marks.begin(), marks.end(),
                     [&](const FrameMark& a, const FrameMark& b) { return key(a) < key(b); });
}

QList<FrameMark> wholeSeriesMarks(const QString& seriesUid, const dicom::SeriesInfo& series) {
    const std::vector<FrameRef> frames = seriesFrames(series);
    QList<FrameMark> marks;
    for (int index : dicom::sampleVolumeIndices(int(frames.size()))) {
        marks.append(
            {seriesUid, frames[std::size_t(index)].instance, frames[std::size_t(index)].frame});
    }
    return marks;
}

}  // namespace ui
