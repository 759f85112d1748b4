// The CT series of the sample study: CT Image Storage, PS3.3 A.3 (Patient, General Study,
// General Series, Frame of Reference, General Equipment, General Acquisition, General Image,
// Image Plane, Image Pixel, CT Image, VOI LUT, SOP Common).
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

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

constexpr double kIntercept = -1024.0;

std::string decimal(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", v);
    return text;
}

std::vector<Uint16> sliceWords(double z) {
    std::vector<Uint16> words(std::size_t(kCtSize) * kCtSize);
    for (int r = 0; r < kCtSize; ++r) {
        const double y = ctPixelCentre(r);
        for (int c = 0; c < kCtSize; ++c) {
            const double x = ctPixelCentre(c);
            const int stored = ctInsideField(x, y) ? int(ctPhantomHu(x, y, z) - kIntercept) : kCtPaddingStored;
            // Signed pixels travel as their 16-bit two's complement pattern.
            words[std::size_t(r) * kCtSize + std::size_t(c)] = static_cast<Uint16>(static_cast<std::int16_t>(stored));
        }
    }
    return words;
}

void putImagePlaneAndPixel(DcmDataset& ds, double z) {
    const std::string spacing = decimal(kCtPixelSpacing) + "\\" + decimal(kCtPixelSpacing);
    const std::string corner = decimal(ctPixelCentre(0));
    ds.putAndInsertString(DCM_PixelSpacing, spacing.c_str());
    ds.putAndInsertString(DCM_ImageOrientationPatient, "1\\0\\0\\0\\1\\0");
    ds.putAndInsertString(DCM_ImagePositionPatient, (corner + "\\" + corner + "\\" + decimal(z)).c_str());
    ds.putAndInsertString(DCM_SliceThickness, decimal(kCtSliceThickness).c_str());
    ds.putAndInsertString(DCM_SliceLocation, decimal(z).c_str());
    ds.putAndInsertUint16(DCM_SamplesPerPixel, 1);
    ds.putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
    ds.putAndInsertUint16(DCM_Rows, kCtSize);
    ds.putAndInsertUint16(DCM_Columns, kCtSize);
    ds.putAndInsertUint16(DCM_BitsAllocated, 16);
    ds.putAndInsertUint16(DCM_BitsStored, 16);
    ds.putAndInsertUint16(DCM_HighBit, 15);
    ds.putAndInsertUint16(DCM_PixelRepresentation, 1);
    ds.putAndInsertSint16(DCM_PixelPaddingValue, kCtPaddingStored);
    const auto words = sliceWords(z);
    ds.putAndInsertUint16Array(DCM_PixelData, words.data(), words.size());
}

void putCtImage(DcmDataset& ds, int instanceNumber) {
    ds.putAndInsertString(DCM_ImageType, "ORIGINAL\\PRIMARY\\AXIAL");
    ds.putAndInsertString(DCM_InstanceNumber, std::to_string(instanceNumber).c_str());
    ds.putAndInsertString(DCM_AcquisitionNumber, "1");
    ds.putAndInsertString(DCM_PatientPosition, "HFS");
    ds.putAndInsertString(DCM_FrameOfReferenceUID, sampleUid("4.1").c_str());
    ds.putAndInsertString(DCM_PositionReferenceIndicator, "");
    ds.putAndInsertString(DCM_RescaleIntercept, decimal(kIntercept).c_str());
    ds.putAndInsertString(DCM_RescaleSlope, "1");
    ds.putAndInsertString(DCM_RescaleType, "HU");
    ds.putAndInsertString(DCM_KVP, "120");
    ds.putAndInsertString(DCM_ReconstructionDiameter, "200");
    ds.putAndInsertString(DCM_ConvolutionKernel, "STANDARD");
    ds.putAndInsertString(DCM_BurnedInAnnotation, "NO");
    ds.putAndInsertString(DCM_LossyImageCompression, "00");
    // Abdomen, lung and bone windows as CT consoles preset them.
    ds.putAndInsertString(DCM_WindowCenter, "40\\-600\\400");
    ds.putAndInsertString(DCM_WindowWidth, "400\\1500\\1800");
    ds.putAndInsertString(DCM_WindowCenterWidthExplanation, "ABDOMEN\\LUNG\\BONE");
}

}  // namespace

Status writeSampleCt(const std::string& folder) {
    const SampleSeries series{sampleUid("1.1"), "PHANTOM-CT", "MGW0001", "PHANTOM CT ABDOMEN",
                              sampleUid("2.1"), 1, "CT", "Synthetic abdomen phantom 5 mm", "ABDOMEN"};
    for (int k = 0; k < kCtSlices; ++k) {
        // Instance 1 is the top slice, as a head-to-feet acquisition numbers them, so the order
        // along the slice normal (feet to head) is the reverse of Instance Number.
        const int instanceNumber = kCtSlices - k;
        const double z = kCtFirstSliceZ + k * kCtSliceThickness;
        DcmFileFormat file;
        DcmDataset& ds = *file.getDataset();
        putSopCommon(ds, UID_CTImageStorage, sampleUid("3.1." + std::to_string(instanceNumber)));
        putCommonModules(ds, series);
        putCtImage(ds, instanceNumber);
        putImagePlaneAndPixel(ds, z);
        char name[16];
        std::snprintf(name, sizeof name, "CT%03d.dcm", instanceNumber);
        if (Status s = saveSampleFile(file, folder + "/" + name); !s) return s;
    }
    return {};
}

}  // namespace dicom::detail
