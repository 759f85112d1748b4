#include "synthetic_series.h"

#include <cmath>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcvrobow.h>

#include "synthetic_dicom.h"

namespace testutil {
namespace {

void putCtFields(DcmDataset& ds, const VolumeSpec& spec) {
    const std::string spacing = std::to_string(spec.pixelSpacing);
    ds.putAndInsertString(DCM_PixelSpacing, (spacing + "\\" + spacing).c_str());
    ds.putAndInsertString(DCM_RescaleIntercept, "-1024");
    ds.putAndInsertString(DCM_RescaleSlope, "1");
    ds.putAndInsertString(DCM_RescaleType, "HU");
    ds.putAndInsertString(DCM_WindowCenter, "-700");
    ds.putAndInsertString(DCM_WindowWidth, "800");
    ds.putAndInsertString(DCM_StudyDate, spec.studyDate.c_str());
    ds.putAndInsertString(DCM_SeriesDescription, spec.description.c_str());
}

}  // namespace

bool writeVolume(const QString& directory, const VolumeSpec& spec) {
    synthetic::PixelSpec pixels;
    pixels.rows = spec.size;
    pixels.columns = spec.size;
    for (int i = 0; i < spec.slices; ++i) {
        synthetic::Identity id;
        id.modality = "CT";
        id.studyUid = synthetic::uid(spec.studyUidSuffix);
        id.seriesUid = synthetic::uid(spec.seriesUidSuffix);
        id.sopUid = synthetic::uid(spec.seriesUidSuffix + "." + std::to_string(i + 1));
        id.instanceNumber = i + 1;
        id.position = std::array<double, 3>{-90, -90, -i * spec.sliceSpacing};
        id.orientation = std::array<double, 6>{1, 0, 0, 0, 1, 0};
        DcmFileFormat file;
        synthetic::putIdentity(*file.getDataset(), id);
        const std::vector<std::int64_t> values(pixels.samplesPerFrame(), i);
        synthetic::putPixels(*file.getDataset(), pixels,
                             synthetic::packSamples(pixels, values, false));
        putCtFields(*file.getDataset(), spec);
        const QString path =
            QStringLiteral("%1/slice-%2.dcm").arg(directory).arg(i + 1, 4, 10, QLatin1Char('0'));
        if (!synthetic::save(file, path.toStdString(), EXS_LittleEndianExplicit)) {
            return false;
        }
    }
    return true;
}

bool writeWithOverlay(const QString& path, int size) {
    synthetic::PixelSpec pixels;
    pixels.rows = size;
    pixels.columns = size;
    synthetic::Identity id;
    id.studyUid = synthetic::uid("80");
    id.seriesUid = synthetic::uid("80.1");
    id.sopUid = synthetic::uid("80.1.1");
    DcmFileFormat file;
    DcmDataset& ds = *file.getDataset();
    synthetic::putIdentity(ds, id);
    std::vector<std::int64_t> values;  // a diagonal ramp, dark at the top left
    for (int y = 0; y < size; ++y) {
        for (int x = 0; x < size; ++x) {
            values.push_back((x + y) * 8);
        }
    }
    synthetic::putPixels(ds, pixels, synthetic::packSamples(pixels, values, false));
    const auto tag = [](Uint16 element) { return DcmTagKey(0x6000, element); };
    ds.putAndInsertUint16(tag(0x0010), Uint16(size));
    ds.putAndInsertUint16(tag(0x0011), Uint16(size));
    ds.putAndInsertString(tag(0x0040), "G");
    const Sint16 origin[2] = {1, 1};
    ds.putAndInsertSint16Array(tag(0x0050), origin, 2);
    ds.putAndInsertUint16(tag(0x0100), 1);
    ds.putAndInsertUint16(tag(0x0102), 0);
    // Overlay Data: one bit per pixel, row by row, least significant bit first.
    std::vector<Uint8> bytes(std::size_t((size * size + 15) / 16 * 2), 0);
    for (int r = 10; r < 20; ++r) {
        for (int c = 20; c < 40; ++c) {
            const std::size_t bit = std::size_t(r) * std::size_t(size) + std::size_t(c);
            bytes[bit / 8] |= Uint8(1u << (bit % 8));
        }
    }
    auto* data = new DcmOtherByteOtherWord(DcmTag(tag(0x3000), EVR_OB));
    data->putUint8Array(bytes.data(), Uint32(bytes.size()));
    ds.insert(data, OFTrue);
    return synthetic::save(file, path.toStdString(), EXS_LittleEndianExplicit);
}

bool writeMultiFrame(const QString& path, int frames, int size) {
    synthetic::PixelSpec pixels;
    pixels.rows = size;
    pixels.columns = size;
    pixels.frames = frames;
    pixels.bitsStored = 12;
    pixels.highBit = 11;
    // A ramp with a bright disc circling the centre, so cine shows motion; pixel (0, 0) of
    // frame f holds f.
    std::vector<std::int64_t> values;
    for (int f = 0; f < frames; ++f) {
        const double angle = 2 * M_PI * f / frames;
        const double cx = size / 2.0 + size / 4.0 * std::cos(angle);
        const double cy = size / 2.0 + size / 4.0 * std::sin(angle);
        for (int y = 0; y < size; ++y) {
            for (int x = 0; x < size; ++x) {
                const bool disc = std::hypot(x - cx, y - cy) < size / 8.0;
                values.push_back(disc ? 3000 : (x + y) * 1000 / (2 * size) + f);
            }
        }
    }
    synthetic::Identity id;
    id.modality = "XA";
    id.studyUid = synthetic::uid("70");
    id.seriesUid = synthetic::uid("70.1");
    id.sopUid = synthetic::uid("70.1.1");
    DcmFileFormat file;
    synthetic::putIdentity(*file.getDataset(), id);
    synthetic::putPixels(*file.getDataset(), pixels, synthetic::packSamples(pixels, values, false));
    return synthetic::save(file, path.toStdString(), EXS_LittleEndianExplicit);
}

}  // namespace testutil
