#include "ui/assistant/series_input_plan.h"

#include <QCoreApplication>

namespace ui {

QString frameLabel(const dicom::SeriesInfo& series, const FrameMark& mark) {
    // The workstation's input strip shows the same words (translation context ui::ModelInputs).
    return QCoreApplication::translate("ui::ModelInputs", "%1 #%2, image %3 of %4")
        .arg(QString::fromStdString(series.modality))
        .arg(series.seriesNumber)
        .arg(frameIndexOf(series, mark) + 1)
        .arg(int(seriesFrames(series).size()));
}

std::vector<FrameSource> volumeSources(const dicom::SeriesInfo& series) {
    std::vector<FrameSource> sources;
    for (const FrameRef& ref : seriesFrames(series)) {
        sources.push_back({series.instances[std::size_t(ref.instance)], ref.frame});
    }
    return sources;
}

InputPlan wholeSeriesPlan(const dicom::SeriesInfo& series) {
    const QString seriesUid = QString::fromStdString(series.seriesInstanceUid);
    InputPlan plan;
    for (const FrameMark& mark : wholeSeriesMarks(seriesUid, series)) {
        InputJob job;
        job.source = {series.instances[std::size_t(mark.instance)], mark.frame};
        job.modality = series.modality;
        job.volumeKey = seriesUid;
        job.label = frameLabel(series, mark);
        plan.jobs.push_back(std::move(job));
    }
    if (series.modality == "MR" && !plan.jobs.empty()) {
        plan.volumeFrames.insert(seriesUid, volumeSources(series));
    }
    return plan;
}

}  // namespace ui
