#pragma once
// The worker side of "what the model sees": decodes the chosen frames and turns each into the
// exact 8-bit RGB square MedGemma receives (dicom/model_input.h recipes), optionally cropped to
// a region first. MR volumes are normalised with one min/max over the whole acquisition, so the
// frames of the series are decoded once for the range (cached by the caller between runs).
// Thread-safety: prepareInputs() runs on a worker thread and touches only its arguments;
// everything here is a plain value, safe to move between threads.

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <QHash>
#include <QList>
#include <QPromise>
#include <QRect>
#include <QString>
#include <QStringList>

#include "dicom/image.h"
#include "dicom/model_input.h"
#include "dicom/study.h"
#include "ui/drafting_service.h"

namespace ui {

using ValueRange = std::pair<float, float>;  // modality units (min, max)

struct FrameSource {
    dicom::InstanceInfo instance;
    int frame = 0;
};

struct InputJob {
    FrameSource source;
    std::string modality;                         // of the series: chooses the recipe
    std::shared_ptr<const dicom::Image> decoded;  // when the GUI already has it, else null
    QRect region;                                 // image pixels; empty = the whole frame
    QString volumeKey;                            // MR: key of volumeFrames / knownRanges
    QString label;                                // DraftImage::sourceLabel
};

struct InputPlan {
    std::vector<InputJob> jobs;                             // in the model's order
    QHash<QString, std::vector<FrameSource>> volumeFrames;  // MR ranges still to compute
    QHash<QString, ValueRange> knownRanges;                 // MR ranges computed earlier
};

struct PreparedInputs {
    QList<DraftImage> images;                   // one per job that succeeded, in job order
    QList<int> sourceJobs;                      // the job index of each image
    QHash<QString, ValueRange> computedRanges;  // new MR ranges, for the caller's cache
    QStringList errors;                         // "<label>: <reason>" per failed job
};

// Progress: one step per frame decoded (volume frames, then jobs). Stops early, returning what
// it has, when the promise is cancelled.
void prepareInputs(QPromise<PreparedInputs>& promise, const InputPlan& plan);

// Helpers, exposed for tests.
dicom::Image8 cropImage(const dicom::Image8& image, const QRect& region);
DraftImage prepareOne(const dicom::Image& frame, const InputJob& job, const ValueRange* range);

}  // namespace ui
