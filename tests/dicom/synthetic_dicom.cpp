#include "synthetic_dicom.h"

#include <cstdio>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcuid.h>

namespace synthetic {
namespace {

std::string joined(const double* v, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) {
        char text[32];
        std::snprintf(text, sizeof text, "%.10g", v[i]);
        out += (i ? "\\" : "") + std::string(text);
    }
    return out;
}

}  // namespace

std::string uid(const std::string& suffix) { return "2.25.5676802928099602774667759657458005098.99." + suffix; }

std::size_t PixelSpec::samplesPerFrame() const {
    const std::size_t pixels = std::size_t(rows) * std::size_t(columns);
    return photometric == "YBR_FULL_422" ? pixels * 2 : pixels * std::size_t(samplesPerPixel);
}

std::int64_t PixelSpec::minValue() const { return isSigned ? -(std::int64_t(1) << (bitsStored - 1)) : 0; }

std::int64_t PixelSpec::maxValue() const {
    return isSigned ? (std::int64_t(1) << (bitsStored - 1)) - 1 : (std::int64_t(1) << bitsStored) - 1;
}

std::vector<std::int64_t> patternSamples(const PixelSpec& spec, std::uint32_t seed) {
    const std::size_t count = spec.samplesPerFrame() * std::size_t(spec.frames);
    const std::int64_t lo = spec.minValue(), hi = spec.maxValue();
    const std::uint64_t span = std::uint64_t(hi - lo) + 1;
    std::vector<std::int64_t> out(count);
    std::uint32_t state = seed * 2654435761u + 12345u;
    for (std::size_t i = 0; i < count; ++i) {
        state = state * 1664525u + 1013904223u;
        const std::uint64_t r = (std::uint64_t(state) << 16) ^ (state >> 7) ^ (std::uint64_t(i) * 40503u);
        out[i] = lo + std::int64_t(r % span);
    }
    const std::int64_t specials[] = {lo, hi, 0, -1, 1};
    std::size_t k = 0;
    for (std::int64_t v : specials)
        if (v >= lo && v <= hi && k < count) out[k++] = v;
    return out;
}

std::vector<std::uint8_t> packSamples(const PixelSpec& spec, const std::vector<std::int64_t>& samples,
                                      bool fillUnusedBits) {
    std::vector<std::uint8_t> stream;
    if (spec.bitsAllocated == 1) {
        stream.assign((samples.size() + 7) / 8, 0);
        for (std::size_t i = 0; i < samples.size(); ++i)
            if (samples[i] & 1) stream[i / 8] |= std::uint8_t(1u << (i % 8));
    } else {
        const int bytes = spec.bitsAllocated / 8;
        const int shift = spec.highBit + 1 - spec.bitsStored;
        const std::uint64_t mask = ((std::uint64_t(1) << spec.bitsStored) - 1) << shift;
        const std::uint64_t cellMask = (std::uint64_t(1) << spec.bitsAllocated) - 1;
        for (std::int64_t v : samples) {
            std::uint64_t cell = (std::uint64_t(v) << shift) & mask;
            if (fillUnusedBits) cell |= cellMask & ~mask;
            for (int b = 0; b < bytes; ++b) stream.push_back(std::uint8_t(cell >> (8 * b)));
        }
    }
    if (stream.size() % 2) stream.push_back(0);
    return stream;
}

void putIdentity(DcmDataset& ds, const Identity& id) {
    ds.putAndInsertString(DCM_SOPClassUID, UID_SecondaryCaptureImageStorage);
    ds.putAndInsertString(DCM_SOPInstanceUID, id.sopUid.c_str());
    ds.putAndInsertString(DCM_PatientName, id.patientName.c_str());
    ds.putAndInsertString(DCM_PatientID, id.patientId.c_str());
    ds.putAndInsertString(DCM_StudyInstanceUID, id.studyUid.c_str());
    ds.putAndInsertString(DCM_SeriesInstanceUID, id.seriesUid.c_str());
    ds.putAndInsertString(DCM_Modality, id.modality.c_str());
    ds.putAndInsertString(DCM_InstanceNumber, std::to_string(id.instanceNumber).c_str());
    if (id.position) ds.putAndInsertString(DCM_ImagePositionPatient, joined(id.position->data(), 3).c_str());
    if (id.orientation) ds.putAndInsertString(DCM_ImageOrientationPatient, joined(id.orientation->data(), 6).c_str());
}

void putPixels(DcmDataset& ds, const PixelSpec& s, const std::vector<std::uint8_t>& stream) {
    ds.putAndInsertUint16(DCM_SamplesPerPixel, Uint16(s.samplesPerPixel));
    ds.putAndInsertString(DCM_PhotometricInterpretation, s.photometric.c_str());
    if (s.samplesPerPixel == 3) ds.putAndInsertUint16(DCM_PlanarConfiguration, Uint16(s.planar));
    if (s.frames != 1) ds.putAndInsertString(DCM_NumberOfFrames, std::to_string(s.frames).c_str());
    ds.putAndInsertUint16(DCM_Rows, Uint16(s.rows));
    ds.putAndInsertUint16(DCM_Columns, Uint16(s.columns));
    ds.putAndInsertUint16(DCM_BitsAllocated, Uint16(s.bitsAllocated));
    ds.putAndInsertUint16(DCM_BitsStored, Uint16(s.bitsStored));
    ds.putAndInsertUint16(DCM_HighBit, Uint16(s.highBit));
    ds.putAndInsertUint16(DCM_PixelRepresentation, s.isSigned ? 1 : 0);
    if (s.bitsAllocated <= 8) {
        ds.putAndInsertUint8Array(DCM_PixelData, stream.data(), stream.size());
        return;
    }
    std::vector<Uint16> words(stream.size() / 2);
    for (std::size_t i = 0; i < words.size(); ++i) words[i] = Uint16(stream[2 * i] | (stream[2 * i + 1] << 8));
    ds.putAndInsertUint16Array(DCM_PixelData, words.data(), words.size());
}

bool save(DcmFileFormat& file, const std::string& path, E_TransferSyntax xfer, bool withMeta) {
    const E_FileWriteMode mode = withMeta ? EWM_fileformat : EWM_dataset;
    return file.saveFile(path.c_str(), xfer, EET_ExplicitLength, EGL_withoutGL, EPD_withoutPadding, 0, 0, mode).good();
}

bool writeImage(const std::string& path, const PixelSpec& spec, const std::vector<std::int64_t>& samples,
                E_TransferSyntax xfer, const Identity& identity) {
    DcmFileFormat file;
    putIdentity(*file.getDataset(), identity);
    putPixels(*file.getDataset(), spec, packSamples(spec, samples));
    return save(file, path, xfer);
}

}  // namespace synthetic
