#pragma once
// Links a report to the study and the exact images a draft read, by looking the drafts' SOP
// Instance UIDs up in the opened collection.
// When a draft read images of several studies (a prior and the current one), the report
// belongs to the most recent of them (latest study date; the last image's study on a tie).
// Thread-safety: pure functions.

#include <QList>

#include "dicom/study.h"
#include "ui/drafting_service.h"
#include "ui/report/report_document.h"

namespace ui {

inline constexpr int kMaxKeyImages = 8;  // pictures kept in the report (all images are linked)

struct InstanceRef {
    const dicom::PatientInfo* patient = nullptr;
    const dicom::StudyInfo* study = nullptr;
    const dicom::SeriesInfo* series = nullptr;
    const dicom::InstanceInfo* instance = nullptr;
    explicit operator bool() const { return instance != nullptr; }
};

InstanceRef findInstance(const dicom::Collection& collection, const QString& sopInstanceUid);
PatientStudyLink linkStudy(const dicom::PatientInfo& patient, const dicom::StudyInfo& study);
// The image's identity from the collection (UIDs only when the instance is not there).
ImageLink linkImage(const dicom::Collection& collection, const DraftImage& image);

// Adds the draft's images to doc.images (each (SOP UID, frame) once; pictures for the first
// kMaxKeyImages) and sets doc.study from them when they name a study.
void linkDraftImages(ReportDocument& doc, const QList<DraftImage>& images,
                     const dicom::Collection& collection);

}  // namespace ui
