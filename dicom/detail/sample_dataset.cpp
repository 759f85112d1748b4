#include "dicom/detail/sample_dataset.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include "dicom/sample_study.h"

namespace dicom::detail {
namespace {

// 2.25.<UUID as an integer>, generated once for the workstation's sample data.
constexpr const char* kSampleUidRoot = "2.25.5676802928099602774667759657458005098";
constexpr const char* kStudyDate = "20240102";
constexpr const char* kStudyTime = "093000";

}  // namespace

std::string sampleUid(const std::string& suffix) { return std::string(kSampleUidRoot) + "." + suffix; }

void putSopCommon(DcmDataset& ds, const std::string& sopClassUid, const std::string& sopInstanceUid) {
    ds.putAndInsertString(DCM_SpecificCharacterSet, "ISO_IR 192");
    ds.putAndInsertString(DCM_SOPClassUID, sopClassUid.c_str());
    ds.putAndInsertString(DCM_SOPInstanceUID, sopInstanceUid.c_str());
    ds.putAndInsertString(DCM_InstanceCreationDate, kStudyDate);
    ds.putAndInsertString(DCM_InstanceCreationTime, kStudyTime);
}

void putCommonModules(DcmDataset& ds, const SampleSeries& s) {
    // Patient: obviously synthetic, no birth date (Type 2: present, empty).
    ds.putAndInsertString(DCM_PatientName, sample::kPatientName);
    ds.putAndInsertString(DCM_PatientID, sample::kPatientId);
    ds.putAndInsertString(DCM_PatientBirthDate, "");
    ds.putAndInsertString(DCM_PatientSex, "O");
    ds.putAndInsertString(DCM_PatientComments, "Synthetic phantom made by MedGemma Workstation; not a person");
    // General Study.
    ds.putAndInsertString(DCM_StudyInstanceUID, s.studyUid.c_str());
    ds.putAndInsertString(DCM_StudyDate, kStudyDate);
    ds.putAndInsertString(DCM_StudyTime, kStudyTime);
    ds.putAndInsertString(DCM_ReferringPhysicianName, "");
    ds.putAndInsertString(DCM_StudyID, s.studyId.c_str());
    ds.putAndInsertString(DCM_AccessionNumber, s.accessionNumber.c_str());
    ds.putAndInsertString(DCM_StudyDescription, s.studyDescription.c_str());
    // General Series.
    ds.putAndInsertString(DCM_Modality, s.modality.c_str());
    ds.putAndInsertString(DCM_SeriesInstanceUID, s.seriesUid.c_str());
    ds.putAndInsertString(DCM_SeriesNumber, std::to_string(s.seriesNumber).c_str());
    ds.putAndInsertString(DCM_SeriesDate, kStudyDate);
    ds.putAndInsertString(DCM_SeriesTime, kStudyTime);
    ds.putAndInsertString(DCM_SeriesDescription, s.seriesDescription.c_str());
    ds.putAndInsertString(DCM_BodyPartExamined, s.bodyPart.c_str());
    // General Equipment and General Image timing.
    ds.putAndInsertString(DCM_Manufacturer, "MedGemma Workstation");
    ds.putAndInsertString(DCM_ManufacturerModelName, "Synthetic phantom");
    ds.putAndInsertString(DCM_ContentDate, kStudyDate);
    ds.putAndInsertString(DCM_ContentTime, kStudyTime);
    ds.putAndInsertString(DCM_AcquisitionDate, kStudyDate);
    ds.putAndInsertString(DCM_AcquisitionTime, kStudyTime);
}

Status saveSampleFile(DcmFileFormat& file, const std::string& path) {
    const OFCondition status = file.saveFile(path.c_str(), EXS_LittleEndianExplicit, EET_ExplicitLength,
                                             EGL_withoutGL, EPD_withoutPadding);
    if (status.bad()) return Error{ErrorCode::WriteFailed, path + ": cannot write (" + status.text() + ")"};
    return {};
}

}  // namespace dicom::detail
