// writeBenchmarkCtSeries: the phantom of the sample study, resampled to any matrix, as many
// slices as a benchmark needs.
#include <cstdio>
#include <filesystem>
#include <vector>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>

#include "dicom/benchmark_series.h"
#include "dicom/detail/sample_dataset.h"
#include "dicom/detail/sample_phantoms.h"

namespace dicom {
namespace {

constexpr double kField = 200.0;      // mm, as the sample study's reconstruction field
constexpr double kSliceStep = 0.5;    // mm
constexpr double kIntercept = -1024.0;

std::string decimal(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", v);
    return text;
}

std::vector<Uint16> sliceWords(int size, double z) {
    const double spacing = kField / size;
    std::vector<Uint16> words(std::size_t(size) * std::size_t(size));
    for (int r = 0; r < size; ++r) {
        const double y = (r - size / 2.0 + 0.5) * spacing;
        for (int c = 0; c < size; ++c) {
            const double x = (c - size / 2.0 + 0.5) * spacing;
            const int stored = detail::ctInsideField(x, y) ? int(detail::ctPhantomHu(x, y, z) - kIntercept) : -2000;
            words[std::size_t(r) * std::size_t(size) + std::size_t(c)] = Uint16(std::int16_t(stored));
        }
    }
    return words;
}

void putSlice(DcmDataset& ds, int size, int index, double z) {
    const double spacing = kField / size;
    const std::string corner = decimal(-kField / 2 + spacing / 2);
    ds.putAndInsertString(DCM_ImageType, "ORIGINAL\\PRIMARY\\AXIAL");
    ds.putAndInsertString(DCM_InstanceNumber, std::to_string(index).c_str());
    ds.putAndInsertString(DCM_FrameOfReferenceUID, detail::sampleUid("9.4").c_str());
    ds.putAndInsertString(DCM_PixelSpacing, (decimal(spacing) + "\\" + decimal(spacing)).c_str());
    ds.putAndInsertString(DCM_ImageOrientationPatient, "1\\0\\0\\0\\1\\0");
    ds.putAndInsertString(DCM_ImagePositionPatient, (corner + "\\" + corner + "\\" + decimal(z)).c_str());
    ds.putAndInsertString(DCM_SliceThickness, decimal(kSliceStep).c_str());
    ds.putAndInsertString(DCM_RescaleIntercept, decimal(kIntercept).c_str());
    ds.putAndInsertString(DCM_RescaleSlope, "1");
    ds.putAndInsertString(DCM_RescaleType, "HU");
    ds.putAndInsertString(DCM_WindowCenter, "40");
    ds.putAndInsertString(DCM_WindowWidth, "400");
    ds.putAndInsertUint16(DCM_SamplesPerPixel, 1);
    ds.putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
    ds.putAndInsertUint16(DCM_Rows, Uint16(size));
    ds.putAndInsertUint16(DCM_Columns, Uint16(size));
    ds.putAndInsertUint16(DCM_BitsAllocated, 16);
    ds.putAndInsertUint16(DCM_BitsStored, 16);
    ds.putAndInsertUint16(DCM_HighBit, 15);
    ds.putAndInsertUint16(DCM_PixelRepresentation, 1);
    const auto words = sliceWords(size, z);
    ds.putAndInsertUint16Array(DCM_PixelData, words.data(), words.size());
}

}  // namespace

Status writeBenchmarkCtSeries(const std::string& folder, int slices, int size) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec || slices < 1 || size < 1 || size > 4096)
        return Error{ErrorCode::WriteFailed, folder + ": the benchmark folder cannot be created"};
    const detail::SampleSeries series{detail::sampleUid("9.1"), "BENCH-CT", "MGW9001", "BENCHMARK CT PHANTOM",
                                      detail::sampleUid("9.2"), 1, "CT", "Benchmark phantom 0.5 mm", "ABDOMEN"};
    for (int k = 0; k < slices; ++k) {
        const int index = k + 1;
        DcmFileFormat file;
        DcmDataset& ds = *file.getDataset();
        detail::putSopCommon(ds, UID_CTImageStorage, detail::sampleUid("9.3." + std::to_string(index)));
        detail::putCommonModules(ds, series);
        putSlice(ds, size, index, -kSliceStep * k);
        char name[24];
        std::snprintf(name, sizeof name, "/CT%06d.dcm", index);
        if (Status s = detail::saveSampleFile(file, folder + name); !s) return s;
    }
    return {};
}

}  // namespace dicom
