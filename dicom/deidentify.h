#pragma once
// De-identification of DICOM files for everything that leaves the machine, following DICOM
// PS3.15 Annex E: the Basic Application Level Confidentiality Profile (Table E.1-1, every
// listed attribute at every nesting level; private attributes, curves and overlays removed)
// with the Retain Longitudinal Temporal Information with Full Dates option and the Clean
// Descriptors option. UIDs are replaced consistently within a run (a Deidentifier), so the
// files of one study still refer to each other. Patient Identity Removed is set to YES and the
// method is recorded in De-identification Method and its Code Sequence (DCM 113100, 113106,
// 113105). Pixel data are copied unchanged: text burned into the pixels is not removed, and a
// file that says Burned In Annotation YES (or shows recognisable features) gets a warning.
// Thread-safety: a Deidentifier is immutable; file() may run on several threads at once.
// Call from worker threads: files are read and written.

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "dicom/result.h"
#include "dicom/study.h"

namespace dicom {

struct DeidOptions {
    bool retainLongitudinalFullDates = true;  // dates and times kept (option 113106)
    bool cleanDescriptors = true;             // descriptions kept, cleaned of identifiers (113105)
    std::string uidSecret;  // empty: a random secret, so UIDs of two runs are unrelated
    std::string pseudonym;  // empty: Patient's Name and Patient ID emptied; else both set to it
};

struct DeidReport {
    std::string input;
    std::string output;
    std::size_t removed = 0;         // attributes removed (X)
    std::size_t emptied = 0;         // emptied (Z)
    std::size_t dummied = 0;         // given a dummy value (D)
    std::size_t cleaned = 0;         // descriptions cleaned (C)
    std::size_t uidsReplaced = 0;    // UID values replaced (U)
    std::size_t privateRemoved = 0;  // private attributes removed
    bool burnedInAnnotation = false;
    std::vector<std::string> warnings;  // English, one sentence each
};

struct DeidFolderReport {
    std::vector<DeidReport> files;
    std::vector<FileError> errors;     // DICOM files that could not be de-identified
    std::vector<std::string> skipped;  // files not copied (not DICOM, DICOMDIR), with the reason
    bool cancelled = false;
};

using DeidProgressFn = std::function<void(std::size_t done, std::size_t total, const std::string& path)>;

class Deidentifier {
public:
    explicit Deidentifier(DeidOptions options = {});

    // Reads `input` (a DICOM file) and writes the de-identified copy to `output` (folders are
    // created). Errors: those of reading a DICOM file, WriteFailed.
    Result<DeidReport> file(const std::string& input, const std::string& output) const;

    // Every DICOM file under `input` (recursively) to `output`/IM000001.dcm, IM000002.dcm ...
    // in name order; file and folder names are not carried over, since they often hold names.
    // Other files, and DICOMDIRs (which would carry the identities), are skipped and listed.
    DeidFolderReport folder(const std::string& input, const std::string& output, const DeidProgressFn& progress = {},
                            const std::atomic<bool>* cancel = nullptr) const;

private:
    DeidOptions m_options;
    std::string m_secret;
};

// One file with a fresh run (its own UID mapping).
Result<DeidReport> deidentifyFile(const std::string& input, const std::string& output,
                                  const DeidOptions& options = {});

}  // namespace dicom
