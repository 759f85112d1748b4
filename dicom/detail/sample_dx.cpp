// The radiograph of the sample study: Digital X-Ray Image Storage - For Presentation, PS3.3
// A.26 (Patient, General Study, General Series, DX Series, General Equipment, General
// Acquisition, General Image, Image Pixel, DX Anatomy Imaged, DX Image, DX Detector,
// DX Positioning, VOI LUT, SOP Common).
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>

#include "dicom/detail/sample_dataset.h"
#include "dicom/detail/sample_parts.h"
#include "dicom/detail/sample_phantoms.h"
#include "dicom/sample_study.h"

namespace dicom::detail {
namespace {

using namespace dicom::sample;

void putAnatomy(DcmDataset& ds) {
    ds.putAndInsertString(DCM_ImageLaterality, "U");
    DcmItem* region = nullptr;
    if (ds.findOrCreateSequenceItem(DCM_AnatomicRegionSequence, region).good() && region) {
        region->putAndInsertString(DCM_CodeValue, "43799004");
        region->putAndInsertString(DCM_CodingSchemeDesignator, "SCT");
        region->putAndInsertString(DCM_CodeMeaning, "Chest");
    }
}

void putDxImage(DcmDataset& ds) {
    ds.putAndInsertString(DCM_PresentationIntentType, "FOR PRESENTATION");
    ds.putAndInsertString(DCM_ImageType, "ORIGINAL\\PRIMARY");
    ds.putAndInsertString(DCM_InstanceNumber, "1");
    ds.putAndInsertString(DCM_AcquisitionNumber, "1");
    // Rows run to the patient's feet, columns to the patient's left: a PA film as hung.
    ds.putAndInsertString(DCM_PatientOrientation, "L\\F");
    ds.putAndInsertString(DCM_PixelIntensityRelationship, "LOG");
    ds.putAndInsertSint16(DCM_PixelIntensityRelationshipSign, 1);
    ds.putAndInsertString(DCM_RescaleIntercept, "0");
    ds.putAndInsertString(DCM_RescaleSlope, "1");
    ds.putAndInsertString(DCM_RescaleType, "US");
    ds.putAndInsertString(DCM_PresentationLUTShape, "IDENTITY");
    ds.putAndInsertString(DCM_LossyImageCompression, "00");
    ds.putAndInsertString(DCM_BurnedInAnnotation, "NO");
    ds.putAndInsertString(DCM_WindowCenter, "1900\\1100");
    ds.putAndInsertString(DCM_WindowWidth, "3400\\1800");
    ds.putAndInsertString(DCM_WindowCenterWidthExplanation, "STANDARD\\LUNG");
}

void putDetectorAndPositioning(DcmDataset& ds) {
    const std::string spacing = "0.4\\0.4";
    ds.putAndInsertString(DCM_ImagerPixelSpacing, spacing.c_str());
    ds.putAndInsertString(DCM_DetectorType, "DIRECT");
    ds.putAndInsertString(DCM_PositionerType, "NONE");
    ds.putAndInsertString(DCM_ViewPosition, "PA");
    DcmItem* view = nullptr;
    if (ds.findOrCreateSequenceItem(DCM_ViewCodeSequence, view).good() && view) {
        view->putAndInsertString(DCM_CodeValue, "399348003");
        view->putAndInsertString(DCM_CodingSchemeDesignator, "SCT");
        view->putAndInsertString(DCM_CodeMeaning, "postero-anterior");
    }
    // Magnification = source-detector / source-patient distance: the caveat of Imager Pixel
    // Spacing, which measures at the detector, not in the patient.
    ds.putAndInsertString(DCM_DistanceSourceToDetector, "1800");
    ds.putAndInsertString(DCM_DistanceSourceToPatient, "1650");
    ds.putAndInsertString(DCM_EstimatedRadiographicMagnificationFactor, "1.0909");
    ds.putAndInsertString(DCM_KVP, "125");
    ds.insertEmptyElement(DCM_AcquisitionContextSequence);
}

void putPixels(DcmDataset& ds) {
    ds.putAndInsertUint16(DCM_SamplesPerPixel, 1);
    ds.putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
    ds.putAndInsertUint16(DCM_Rows, kDxRows);
    ds.putAndInsertUint16(DCM_Columns, kDxColumns);
    ds.putAndInsertUint16(DCM_BitsAllocated, 16);
    ds.putAndInsertUint16(DCM_BitsStored, 12);
    ds.putAndInsertUint16(DCM_HighBit, 11);
    ds.putAndInsertUint16(DCM_PixelRepresentation, 0);
    const auto values = chestRadiograph(kDxRows, kDxColumns);
    ds.putAndInsertUint16Array(DCM_PixelData, values.data(), values.size());
}

}  // namespace

Status writeSampleRadiograph(const std::string& folder) {
    const SampleSeries series{sampleUid("1.2"), "PHANTOM-DX", "MGW0002", "PHANTOM CHEST PA",
                              sampleUid("2.2"), 1, "DX", "Synthetic chest PA", "CHEST"};
    DcmFileFormat file;
    DcmDataset& ds = *file.getDataset();
    putSopCommon(ds, UID_DigitalXRayImageStorageForPresentation, sampleUid("3.2.1"));
    putCommonModules(ds, series);
    putAnatomy(ds);
    putDxImage(ds);
    putDetectorAndPositioning(ds);
    putPixels(ds);
    return saveSampleFile(file, folder + "/DX001.dcm");
}

}  // namespace dicom::detail
