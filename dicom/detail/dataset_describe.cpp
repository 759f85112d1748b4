// describeDataset: the metadata a viewer needs, read from one dataset.
#include "dicom/detail/dicom_header.h"

#include <algorithm>
#include <array>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include "dicom/detail/dataset_fields.h"
#include "dicom/detail/geometry_read.h"
#include "dicom/detail/utf8.h"
#include "dicom/detail/voi_lut_read.h"

namespace dicom::detail {
namespace {

std::string text(DcmDataset& ds, const DcmTagKey& tag) { return validUtf8(stringValue(ds, tag)); }

int integer(DcmDataset& ds, const DcmTagKey& tag, int fallback) {
    return static_cast<int>(intValue(ds, tag).value_or(fallback));
}

VoiFunction readVoiFunction(DcmDataset& ds) {
    const std::string f = stringValue(ds, DCM_VOILUTFunction);
    if (f == "LINEAR_EXACT") return VoiFunction::LinearExact;
    if (f == "SIGMOID") return VoiFunction::Sigmoid;
    return VoiFunction::Linear;
}

std::vector<WindowPreset> readWindows(DcmDataset& ds) {
    const auto centres = doubleValues(ds, DCM_WindowCenter);
    const auto widths = doubleValues(ds, DCM_WindowWidth);
    const VoiFunction function = readVoiFunction(ds);
    std::vector<WindowPreset> out;
    for (std::size_t i = 0; i < std::min(centres.size(), widths.size()); ++i) {
        if (!(widths[i] > 0)) continue;  // a zero or negative width cannot map anything
        out.push_back({centres[i], widths[i], function,
                       validUtf8(stringValue(ds, DCM_WindowCenterWidthExplanation, i))});
    }
    return out;
}

InstanceInfo describeInstance(DcmDataset& ds, const std::string& xfer, const std::string& path) {
    InstanceInfo i;
    i.path = path;
    i.sopInstanceUid = stringValue(ds, DCM_SOPInstanceUID);
    i.sopClassUid = stringValue(ds, DCM_SOPClassUID);
    i.instanceNumber = integer(ds, DCM_InstanceNumber, 0);
    i.rows = integer(ds, DCM_Rows, 0);
    i.columns = integer(ds, DCM_Columns, 0);
    i.frames = integer(ds, DCM_NumberOfFrames, 1);
    i.samplesPerPixel = integer(ds, DCM_SamplesPerPixel, 1);
    i.bitsAllocated = integer(ds, DCM_BitsAllocated, 0);
    i.bitsStored = integer(ds, DCM_BitsStored, i.bitsAllocated);
    i.pixelSigned = integer(ds, DCM_PixelRepresentation, 0) == 1;
    i.photometric = stringValue(ds, DCM_PhotometricInterpretation);
    i.transferSyntax = xfer;
    i.transferSyntaxName = DcmXfer(xfer.c_str()).getXferName();
    i.imageType = allValues(ds, DCM_ImageType);
    i.spacing = readPixelSpacing(ds);
    i.imagePosition = readPosition(ds);
    i.imageOrientation = readOrientation(ds);
    i.patientOrientation = allValues(ds, DCM_PatientOrientation);
    i.sliceLocation = doubleValue(ds, DCM_SliceLocation);
    i.rescaleSlope = doubleValue(ds, DCM_RescaleSlope).value_or(1.0);
    i.rescaleIntercept = doubleValue(ds, DCM_RescaleIntercept).value_or(0.0);
    i.rescaleType = stringValue(ds, DCM_RescaleType);
    i.windows = readWindows(ds);
    i.voiLuts = readVoiLuts(ds, i.pixelSigned);
    i.presentationShape = readPresentationShape(ds);
    i.burnedInAnnotation = stringValue(ds, DCM_BurnedInAnnotation) == "YES";
    i.hasPixelData = ds.tagExists(DCM_PixelData);
    return i;
}

}  // namespace

ScannedFile describeDataset(DcmDataset& ds, const std::string& xfer, const std::string& path) {
    ScannedFile f;
    f.patient.patientId = text(ds, DCM_PatientID);
    f.patient.name = text(ds, DCM_PatientName);
    f.patient.birthDate = stringValue(ds, DCM_PatientBirthDate);
    f.patient.sex = stringValue(ds, DCM_PatientSex);

    f.study.studyInstanceUid = stringValue(ds, DCM_StudyInstanceUID);
    f.study.studyId = text(ds, DCM_StudyID);
    f.study.accessionNumber = text(ds, DCM_AccessionNumber);
    f.study.date = stringValue(ds, DCM_StudyDate);
    f.study.time = stringValue(ds, DCM_StudyTime);
    f.study.description = text(ds, DCM_StudyDescription);
    f.study.referringPhysician = text(ds, DCM_ReferringPhysicianName);

    f.series.seriesInstanceUid = stringValue(ds, DCM_SeriesInstanceUID);
    f.series.seriesNumber = integer(ds, DCM_SeriesNumber, 0);
    f.series.modality = stringValue(ds, DCM_Modality);
    f.series.description = text(ds, DCM_SeriesDescription);
    f.series.bodyPart = text(ds, DCM_BodyPartExamined);
    f.series.date = stringValue(ds, DCM_SeriesDate);
    if (f.series.date.empty()) f.series.date = f.study.date;

    f.instance = describeInstance(ds, xfer, path);
    return f;
}

}  // namespace dicom::detail
