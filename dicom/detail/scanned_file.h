#pragma once
// What the scan learns from one file: the instance and the patient, study and series it
// belongs to (their child lists left empty), ready to be grouped.
// Thread-safety: a plain value.

#include "dicom/study.h"

namespace dicom::detail {

struct ScannedFile {
    PatientInfo patient;  // studies empty
    StudyInfo study;      // series empty
    SeriesInfo series;    // instances empty
    InstanceInfo instance;
};

// SOP Class of a DICOMDIR (Media Storage Directory Storage): an index, not an image.
inline constexpr const char* kMediaStorageDirectorySopClass = "1.2.840.10008.1.3.10";

}  // namespace dicom::detail
