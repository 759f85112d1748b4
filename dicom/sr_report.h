#pragma once
// A text report as a DICOM Basic Text Structured Report (PS3.3 A.35.1), from plain structs.
//
// The content tree follows TID 2000 (Basic Diagnostic Imaging Report):
//   CONTAINER (18748-4, LN, "Diagnostic imaging report"), continuity SEPARATE
//     HAS CONCEPT MOD  CODE (121049, DCM, "Language of Content Item and Descendants")
//     HAS OBS CONTEXT  TID 1004 device observer: Observer Type = Device, Device Observer UID,
//                      Name, Manufacturer, Model Name
//     CONTAINS  CONTAINER (121070, DCM, "Findings")   -> TEXT (121071, DCM, "Finding")
//               CONTAINER (121072, DCM, "Impression") -> TEXT (121073, DCM, "Impression")
//               CONTAINER (local code, the section's title) -> TEXT for free sections
//               (each section container also CONTAINS the IMAGE references the draft read)
//     CONTAINS  TEXT (121106, DCM, "Comment"): the review statement ("AI generated, requires
//               review ...")
//     CONTAINS  CONTAINER (99MGW, "PROV", "AI draft provenance"): TEXT items (111001 Algorithm
//               Name, 111003 Algorithm Version, 111002 Algorithm Parameters, then one local-coded
//               TEXT per detail: weight hashes, template, full prompt, inputs, times).
// The source study, series and SOP instances are listed in the Current Requested Procedure
// Evidence Sequence; the SR is a new series in the source study. Patient and study attributes
// come from `sourceFile` when given (DCMTK copies the Patient, General Study and Patient Study
// modules), else from `patientStudy`. Text is written as UTF-8 (ISO_IR 192).
//
// Thread-safety: re-entrant; no shared state.
// Failure modes: WriteFailed naming the file (unwritable path, a tree DCMTK rejects);
// FileNotFound / NotDicom when `sourceFile` cannot be read.

#include <string>
#include <vector>

#include "dicom/result.h"

namespace dicom {

enum class SrSectionKind { Findings, Impression, Other };

struct SrSection {
    SrSectionKind kind = SrSectionKind::Other;
    std::string title;  // shown for Other sections, e.g. "Recommendation"
    std::string text;   // UTF-8, may hold several lines
};

// A source image the report was drafted from.
struct SrReference {
    std::string studyUid;
    std::string seriesUid;
    std::string sopClassUid;
    std::string sopInstanceUid;
    int frame = 0;  // 1-based frame of a multi-frame image; 0 = not multi-frame
};

// Patient and study attributes; used when there is no source file (and for de-identified SRs).
struct SrPatientStudy {
    std::string patientName;  // DICOM PN, e.g. "DOE^JANE"
    std::string patientId;
    std::string birthDate;  // YYYYMMDD
    std::string sex;        // "M", "F", "O" or empty
    std::string studyUid;
    std::string studyId;
    std::string accessionNumber;
    std::string studyDate;  // YYYYMMDD
    std::string studyTime;  // HHMMSS
    std::string studyDescription;
    std::string referringPhysician;
};

// The model that drafted the text, as a device observer (TID 1004).
struct SrDevice {
    std::string uid;           // Device Observer UID; generated when empty
    std::string name;          // e.g. "MedGemma 4B (instruction-tuned)"
    std::string manufacturer;  // e.g. "Google"
    std::string modelName;     // e.g. "medgemma-4b-it"
};

struct SrDetail {
    std::string label;  // becomes the concept name of a local code, e.g. "Prompt template"
    std::string text;
};

struct SrProvenance {
    std::string algorithmName;        // 111001
    std::string algorithmVersion;     // 111003
    std::string algorithmParameters;  // 111002
    std::vector<SrDetail> details;
};

struct SrReport {
    std::string sourceFile;       // a source DICOM file whose patient/study modules are copied
    SrPatientStudy patientStudy;  // used when sourceFile is empty
    std::vector<SrSection> sections;
    std::vector<SrReference> evidence;
    SrDevice device;
    std::string reviewStatement;
    SrProvenance provenance;
    std::string language = "en";  // RFC 5646 code of the text
    std::string seriesDescription = "AI draft report";
    std::string manufacturer;  // General Equipment: the workstation's name
    std::string softwareVersion;
    std::string contentDateTime;  // YYYYMMDDHHMMSS local time; now when empty
    bool complete = false;        // Completion Flag COMPLETE (else PARTIAL); never VERIFIED
    // `patientStudy` holds de-identified values (sourceFile is ignored); the SR says so as
    // dicom/deidentify.h does for its default options: Patient Identity Removed YES, methods
    // 113100 Basic Profile, 113106 Retain Longitudinal Full Dates, 113105 Clean Descriptors.
    // (dicom::Deidentifier itself cannot be run on an SR: the profile empties Content Sequence.)
    bool deidentified = false;
    std::string sopInstanceUid;  // generated when empty
    std::string seriesUid;       // generated when empty
};

// Writes `report` as a DICOM file (Explicit VR Little Endian, with meta header).
Status writeSrReport(const SrReport& report, const std::string& path);

// A new UID under the 2.25 root (a random UUID as an integer, PS3.5 B.2).
std::string generateUid();

}  // namespace dicom
