#pragma once
// Reading a DICOMDIR (PS3.10 media index, PS3.3 F.5): the files it references, with the
// patient, study and series records above each one, so the scan can group files as the
// records say and need not search the media for them.
// The DICOMDIR is parsed from a private copy, because DCMTK's directory class may rewrite
// the file it read, and a user's media must never be touched.
// Thread-safety: re-entrant.

#include <string>
#include <vector>

#include "dicom/result.h"
#include "dicom/study.h"

namespace dicom::detail {

struct DirectoryEntry {
    std::vector<std::string> fileId;  // Referenced File ID components, e.g. {"IMAGES", "IM0001"}
    bool grouped = false;             // under a PATIENT / STUDY / SERIES record chain
    PatientInfo patient;              // from the records, children empty; UTF-8
    StudyInfo study;
    SeriesInfo series;
    std::string sopInstanceUid;       // Referenced SOP Instance UID in File
    int instanceNumber = 0;
};

// Every record that references a file, in record order (depth first). Fails with NotDicom or
// Corrupt when `path` is not a readable DICOMDIR; the message is the reason only.
Result<std::vector<DirectoryEntry>> readDicomDir(const std::string& path);

// True for a file name a DICOMDIR must have (PS3.10 8.6), in any case.
bool isDicomDirName(const std::string& path);

}  // namespace dicom::detail
