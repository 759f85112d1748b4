#pragma once
// The preparation plan of a whole series, as "Mark whole series" builds it in the workstation
// (frame_marks.h: every frame up to 85, else 85 evenly spaced) with the same labels and, for
// MR, the same one min/max over the acquisition. The command line's batch drafting uses it, so
// a headless draft reads exactly the pictures the workstation would send.
// Thread-safety: pure functions.

#include <vector>

#include <QString>

#include "dicom/study.h"
#include "ui/assistant/frame_marks.h"
#include "ui/assistant/input_preparation.h"

namespace ui {

// "CT #2, image 5 of 12": the source label of a marked frame (DraftImage::sourceLabel).
QString frameLabel(const dicom::SeriesInfo& series, const FrameMark& mark);

// Every frame of the series in viewer order, for the MR range over the acquisition.
std::vector<FrameSource> volumeSources(const dicom::SeriesInfo& series);

// Jobs for wholeSeriesMarks(series), whole frames (no region), nothing decoded yet.
InputPlan wholeSeriesPlan(const dicom::SeriesInfo& series);

}  // namespace ui
