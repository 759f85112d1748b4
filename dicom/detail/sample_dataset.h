#pragma once
// Building blocks shared by the sample study's DICOM files: the modules every image carries
// (SOP Common, Patient, General Study, General Series, General Equipment), deterministic UIDs
// and saving as explicit VR little endian with a meta header.
// Thread-safety: re-entrant.

#include <string>

#include "dicom/result.h"

class DcmDataset;
class DcmFileFormat;

namespace dicom::detail {

// UIDs under a fixed UUID-derived root (PS3.5 B.2), so every build writes the same files.
std::string sampleUid(const std::string& suffix);

struct SampleSeries {
    std::string studyUid;
    std::string studyId;
    std::string accessionNumber;
    std::string studyDescription;
    std::string seriesUid;
    int seriesNumber = 1;
    std::string modality;
    std::string seriesDescription;
    std::string bodyPart;
};

// Patient, General Study, General Series, General Equipment and the fixed dates and times.
void putCommonModules(DcmDataset& dataset, const SampleSeries& series);

// SOP Common: class, instance and the character set of the (ASCII) text.
void putSopCommon(DcmDataset& dataset, const std::string& sopClassUid, const std::string& sopInstanceUid);

// Writes `file` to `path` with a File Meta Information header; WriteFailed names the file.
Status saveSampleFile(DcmFileFormat& file, const std::string& path);

}  // namespace dicom::detail
