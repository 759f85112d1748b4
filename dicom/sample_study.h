#pragma once
// The bundled sample study: synthetic images with no patient data, written at build time so
// that the workstation opens something real on first start and tests have ground truth.
//
//   <directory>/CT/CT001.dcm .. CT012.dcm   CT Image Storage, an abdomen-like phantom
//   <directory>/DX/DX001.dcm                Digital X-Ray Image Storage - For Presentation,
//                                           a chest-radiograph-like projection, 12 bits
//   <directory>/photographs/skin-lesion-ruler.png   a pigmented skin lesion beside a mm ruler
//
// Output is deterministic: fixed UIDs under a UUID-derived root (2.25), fixed dates, no
// random numbers, so every build writes the same bytes (for a given DCMTK/OpenCV version).
// Thread-safety: re-entrant; concurrent calls must use different directories.

#include <string>

#include "dicom/result.h"

namespace dicom {

// Creates `directory` (and parents) and writes the study into it. Existing files of the same
// names are replaced. Fails with WriteFailed, naming the file.
Status writeSampleStudy(const std::string& directory);

// Ground truth of the sample study, for tests and documentation.
namespace sample {

inline constexpr const char* kPatientName = "SAMPLE^WORKSTATION";
inline constexpr const char* kPatientId = "MGW-SAMPLE-0001";

// CT phantom: 12 axial slices of 256 x 256, signed 16-bit stored values, HU = stored - 1024.
inline constexpr int kCtSlices = 12;
inline constexpr int kCtSize = 256;                // rows = columns
inline constexpr double kCtPixelSpacing = 0.8;     // mm, rows and columns
inline constexpr double kCtSliceThickness = 5.0;   // mm, also the spacing between slices
inline constexpr double kCtFirstSliceZ = -27.5;    // mm, lowest slice; Instance Number 12
inline constexpr int kCtPaddingStored = -2000;     // Pixel Padding Value outside the 200 mm field

// Tissue values in HU, constant inside each structure (no noise, hard edges).
inline constexpr double kAirHu = -1000;
inline constexpr double kLungHu = -850;
inline constexpr double kFatHu = -100;
inline constexpr double kSoftTissueHu = 40;
inline constexpr double kLiverHu = 60;
inline constexpr double kLesionHu = 10;
inline constexpr double kCancellousBoneHu = 250;
inline constexpr double kCorticalBoneHu = 1000;

// A spherical low-density liver lesion: 20 mm across on its central slice (Instance Number 9,
// z = -12.5 mm), centred on pixel column 77, row 140 (x = -40.4 mm, y = 10.0 mm).
inline constexpr double kLesionDiameter = 20.0;    // mm
inline constexpr int kLesionColumn = 77;
inline constexpr int kLesionRow = 140;
inline constexpr int kLesionInstanceNumber = 9;
inline constexpr double kLesionZ = -12.5;          // mm

// Points with known HU on the lesion's slice (column, row).
inline constexpr int kAirPoint[2] = {128, 10};
inline constexpr int kSoftTissuePoint[2] = {128, 100};
inline constexpr int kFatPoint[2] = {128, 212};          // in the subcutaneous fat layer
inline constexpr int kLiverPoint[2] = {77, 110};
inline constexpr int kCorticalBonePoint[2] = {128, 196}; // in the vertebral body's rim
inline constexpr int kLungPointUpperSlice[2] = {185, 127};  // on Instance Number 1 (top)

// Chest radiograph: MONOCHROME2, 12 bits stored in 16, 0.4 mm Imager Pixel Spacing.
inline constexpr int kDxRows = 1024;
inline constexpr int kDxColumns = 864;
inline constexpr double kDxImagerPixelSpacing = 0.4;  // mm at the detector

// Photograph: 640 x 480 RGB, ruler with 10 pixels per millimetre along the bottom.
inline constexpr int kPhotoWidth = 640;
inline constexpr int kPhotoHeight = 480;
inline constexpr double kPhotoPixelsPerMm = 10.0;

}  // namespace sample
}  // namespace dicom
