#pragma once
// GDCM as the independent reference decoder of the cross-check tests: `gdcmconv` converts a
// file to native explicit VR little endian, and the samples of that file are unpacked here with
// the textbook rule (shift by High Bit + 1 - Bits Stored, mask, sign-extend).

#include <cstdint>
#include <string>
#include <vector>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include <QProcess>
#include <QStringList>
#include <QtGlobal>

namespace gdcm_reference {

struct Reference {
    int samplesPerPixel = 1;
    int bitsAllocated = 0;
    std::string photometric;
    double slope = 1, intercept = 0;  // Rescale Slope / Intercept of the converted file
    std::vector<std::int64_t> samples;
};

inline const std::uint8_t* pixelBytes(DcmDataset& ds, unsigned long& length) {
    DcmElement* pixels = nullptr;
    if (ds.findAndGetElement(DCM_PixelData, pixels).bad())
        return nullptr;
    length = pixels->getLength();
    Uint8* raw = nullptr;
    if (pixels->getUint8Array(raw).good() && raw)
        return raw;
    Uint16* words = nullptr;
    if (pixels->getUint16Array(words).good() && words)
        return reinterpret_cast<const std::uint8_t*>(words);
    return nullptr;
}

inline Reference readReference(const std::string& path) {
    Reference r;
    DcmFileFormat file;
    if (file.loadFile(path.c_str()).bad())
        return r;
    DcmDataset& ds = *file.getDataset();
    Uint16 spp = 0, allocated = 0, stored = 0, high = 0, representation = 0;
    OFString photometric;
    ds.findAndGetUint16(DCM_SamplesPerPixel, spp);
    ds.findAndGetUint16(DCM_BitsAllocated, allocated);
    ds.findAndGetUint16(DCM_BitsStored, stored);
    ds.findAndGetUint16(DCM_HighBit, high);
    ds.findAndGetUint16(DCM_PixelRepresentation, representation);
    ds.findAndGetOFString(DCM_PhotometricInterpretation, photometric);
    // findAndGet* writes 0 when the attribute is absent: read into temporaries.
    Float64 slope = 1, intercept = 0;
    if (ds.findAndGetFloat64(DCM_RescaleSlope, slope).good())
        r.slope = slope;
    if (ds.findAndGetFloat64(DCM_RescaleIntercept, intercept).good())
        r.intercept = intercept;
    r.samplesPerPixel = spp;
    r.bitsAllocated = allocated;
    r.photometric = photometric.c_str();
    unsigned long length = 0;
    const std::uint8_t* bytes = pixelBytes(ds, length);
    const int cellBytes = allocated / 8;
    for (unsigned long at = 0; bytes && cellBytes > 0 && at + std::size_t(cellBytes) <= length;
         at += std::size_t(cellBytes)) {
        std::uint64_t cell = 0;
        for (int b = 0; b < cellBytes; ++b)
            cell |= std::uint64_t(bytes[at + std::size_t(b)]) << (8 * b);
        std::int64_t v =
            std::int64_t((cell >> (high + 1 - stored)) & ((std::uint64_t(1) << stored) - 1));
        if (representation == 1 && v >= (std::int64_t(1) << (stored - 1)))
            v -= std::int64_t(1) << stored;
        r.samples.push_back(v);
    }
    return r;
}

inline bool runGdcmconv(const QString& program, const QStringList& args) {
    QProcess gdcm;
    gdcm.start(program, args);
    if (!gdcm.waitForFinished(30000) || gdcm.exitStatus() != QProcess::NormalExit ||
        gdcm.exitCode() != 0) {
        qWarning("gdcmconv %s: %s", qPrintable(args.join(QLatin1Char(' '))),
                 gdcm.readAllStandardError().constData());
        return false;
    }
    return true;
}

}  // namespace gdcm_reference
