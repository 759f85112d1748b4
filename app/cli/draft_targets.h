#pragma once
// What `medgemma-cli draft` drafts: one report per study found, from the study's first series
// with images (DICOM before photographs, as the workstation opens a study). The template that
// suits the series when none is named is ui::defaultTemplateId, shared with the workstation.
// Thread-safety: pure functions over a Collection, which must outlive the targets.

#include <string>
#include <vector>

#include <QString>

#include "dicom/study.h"

namespace app::cli {

struct DraftTarget {
    const dicom::PatientInfo* patient = nullptr;
    const dicom::StudyInfo* study = nullptr;
    const dicom::SeriesInfo* series = nullptr;  // null when the study has no image series
};

// Every study of the collection, in collection order.
std::vector<DraftTarget> draftTargets(const dicom::Collection& collection);

// A folder name for a Study Instance UID: the UID itself when it is a plain DICOM UID, else
// (photograph folders have no UID) its characters outside [A-Za-z0-9._-] replaced by '_'.
QString studyFolderName(const std::string& studyInstanceUid);

}  // namespace app::cli
