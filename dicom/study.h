#pragma once
// The patient -> study -> series -> instance tree built from whatever the user opened, with the
// metadata a viewer needs. Photographs appear as instances of modality "XC" in a study of their
// folder, so the browser shows them beside DICOM.
// Thread-safety: plain values.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dicom/result.h"

namespace dicom {

enum class VoiFunction { Linear, LinearExact, Sigmoid };

struct WindowPreset {
    double center = 0;        // modality units (HU for CT)
    double width = 0;         // modality units, > 0
    VoiFunction function = VoiFunction::Linear;
    std::string explanation;  // Window Center & Width Explanation, e.g. "LUNG"; may be empty
};

// One table of the VOI LUT Sequence (PS3.3 C.11.2.1.1): modality values to display values.
struct VoiLut {
    std::vector<std::uint16_t> entries;  // never empty once read
    double firstMapped = 0;              // modality value mapped to entries[0]; inputs below take
                                         // the first entry, inputs beyond the table the last
    int bits = 16;                       // bits per entry: outputs run 0 .. 2^bits - 1
    std::string explanation;             // LUT Explanation, e.g. "HARD"; may be empty
};

// Presentation LUT Shape (2050,0020): whether the display is inverted after VOI. When the file
// does not say, MONOCHROME1 images are shown inverted and MONOCHROME2 images are not.
enum class PresentationShape { Unspecified, Identity, Inverse };

enum class SpacingSource {
    None,
    PixelSpacing,         // (0028,0030): in the patient (cross-sectional), or a projection
                          // image's Pixel Spacing that differs from its Imager Pixel Spacing
    ImagerPixelSpacing,   // (0018,1164): at the detector; magnified, not calibrated
    NominalScannedPixelSpacing,  // (0018,2010): of the scanned film or paper, not the patient
    Calibrated,           // Pixel Spacing Calibration Type (0028,0A02) present
};

// How far apart pixel centres are, and what that distance is measured on. describeSpacing()
// (dicom/pixel_spacing.h) words it for people.
struct PixelSpacing {
    double row = 0;     // mm between rows (vertical)
    double column = 0;  // mm between columns (horizontal)
    SpacingSource source = SpacingSource::None;
    std::string calibrationType;         // (0028,0A02) "GEOMETRY" / "FIDUCIAL" when Calibrated
    std::string calibrationDescription;  // (0028,0A04)
    double magnificationFactor = 0;      // ImagerPixelSpacing only: the Estimated Radiographic
                                         // Magnification Factor (0018,1114), 0 when absent;
                                         // row / factor estimates the spacing in the patient
    double detectorRow = 0;              // Imager Pixel Spacing when present, mm
    double detectorColumn = 0;
};

enum class SourceKind { Dicom, Photograph };

struct InstanceInfo {
    std::string path;             // file path (or "archive.zip!member")
    SourceKind kind = SourceKind::Dicom;
    std::string sopInstanceUid;
    std::string sopClassUid;
    int instanceNumber = 0;
    int rows = 0;
    int columns = 0;
    int frames = 1;
    int samplesPerPixel = 1;
    int bitsAllocated = 0;
    int bitsStored = 0;
    bool pixelSigned = false;
    std::string photometric;      // e.g. "MONOCHROME2", "RGB"
    std::string transferSyntax;   // UID; empty for photographs
    std::string transferSyntaxName;
    std::string imageType;
    PixelSpacing spacing;
    std::optional<std::array<double, 3>> imagePosition;     // mm, patient coordinates
    std::optional<std::array<double, 6>> imageOrientation;  // row and column direction cosines
    std::string patientOrientation;  // (0020,0020) of projection images, e.g. "A\F": the patient
                                     // directions of the rows and columns
    std::optional<double> sliceLocation;
    double rescaleSlope = 1;
    double rescaleIntercept = 0;
    std::string rescaleType;      // e.g. "HU"
    std::vector<WindowPreset> windows;  // every pair in the file, in file order
    std::vector<VoiLut> voiLuts;        // the VOI LUT Sequence, in file order
    PresentationShape presentationShape = PresentationShape::Unspecified;
    bool burnedInAnnotation = false;
    bool hasPixelData = true;
};

struct SeriesInfo {
    std::string seriesInstanceUid;
    int seriesNumber = 0;
    std::string modality;         // "CT", "MR", "CR", "DX", "XC" (photographs) ...
    std::string description;
    std::string bodyPart;
    std::string date;             // YYYYMMDD when known
    std::vector<InstanceInfo> instances;  // sorted along the slice normal, then Instance Number
};

struct StudyInfo {
    std::string studyInstanceUid;
    std::string studyId;
    std::string accessionNumber;
    std::string date;             // YYYYMMDD
    std::string time;
    std::string description;
    std::string referringPhysician;
    std::vector<SeriesInfo> series;
};

struct PatientInfo {
    // Photograph: the group of photographs without patient data (id and name empty; the
    // front ends word it for their readers). Keeps it apart from DICOM that lacks a name.
    SourceKind kind = SourceKind::Dicom;
    std::string patientId;
    std::string name;             // UTF-8, DICOM PN form with '^' separators
    std::string birthDate;
    std::string sex;
    std::vector<StudyInfo> studies;
};

struct FileError {
    std::string path;
    std::string message;          // "<reason>", clinician readable
    ErrorCode code = ErrorCode::Corrupt;  // lets the UI group e.g. "12 files were not DICOM"
};

struct Collection {
    std::vector<PatientInfo> patients;
    std::vector<FileError> errors;
    bool cancelled = false;       // the scan stopped early at the caller's request

    std::size_t instanceCount() const;
};

// Merges `more` into `into`, grouping by patient, study and series UID and re-sorting series.
void mergeCollections(Collection& into, Collection more);

}  // namespace dicom
