#include "synthetic_codec.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcrleerg.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcvrov.h>
#include <dcmtk/dcmimage/diregist.h>  // colour images for the lossy encoders
#include <dcmtk/dcmjpeg/djencode.h>
#include <dcmtk/dcmjpeg/djrplol.h>
#include <dcmtk/dcmjpeg/djrploss.h>
#include <dcmtk/dcmjpls/djencode.h>
#include <dcmtk/dcmjpls/djrparam.h>

namespace synthetic {
namespace {

// The JPEG encoder's colour handling is a registration parameter: register again on change.
void registerEncoders(JpegColour colour) {
    static bool registered = false;
    static JpegColour current = JpegColour::Ybr422;
    if (registered && current == colour)
        return;
    if (registered)
        DJEncoderRegistration::cleanup();
    // Lossy encoding of the stored values as they are: no VOI, and the full stored range rather
    // than the image's own min/max as the scale (DCMTK's default stretches without a rescale).
    const bool ybr422 = colour == JpegColour::Ybr422;
    DJEncoderRegistration::registerCodecs(
        colour == JpegColour::Rgb ? ECC_lossyRGB : ECC_lossyYCbCr, EUC_never, OFFalse, 0, 0, 0,
        OFTrue, ybr422 ? ESS_422 : ESS_444, ybr422, OFFalse, 0, 0, 0.0, 0.0, 0, 0, 0, 0, OFFalse);
    if (!registered) {
        // Raw mode, as dcmcjpls does by default: DCMTK's cooked mode writes 8-bit streams that
        // other JPEG-LS decoders reject.
        DJLSEncoderRegistration::registerCodecs(0, 0, 0, 0, OFFalse);
        DcmRLEEncoderRegistration::registerCodecs();
    }
    registered = true;
    current = colour;
}

bool compressWithToolkit(DcmDataset& ds, const CodecSpec& c) {
    registerEncoders(c.colour);
    const DJ_RPLossy lossy(90);
    const DJ_RPLossless predictor6(6, 0), predictor1(1, 0);
    const DJLSRepresentationParameter jlsLossless(0, OFTrue), jlsNear(2, OFFalse);
    const DcmRepresentationParameter* parameter = nullptr;
    switch (c.codec) {
        case Codec::JpegBaseline:
        case Codec::JpegExtended:
        case Codec::JpegSpectral:
        case Codec::JpegProgressive:
            parameter = &lossy;
            break;
        case Codec::JpegLossless:
            parameter = &predictor6;
            break;
        case Codec::JpegLosslessSv1:
            parameter = &predictor1;
            break;
        case Codec::JpegLsLossless:
            parameter = &jlsLossless;
            break;
        case Codec::JpegLsNear:
            parameter = &jlsNear;
            break;
        default:
            break;
    }
    const E_TransferSyntax xfer = transferSyntaxOf(c.codec);
    return ds.chooseRepresentation(xfer, parameter).good() && ds.canWriteXfer(xfer);
}

bool compressWithOpenJpeg(DcmDataset& ds, const PixelSpec& spec,
                          const std::vector<std::int64_t>& samples, const CodecSpec& c) {
    J2kOptions options;
    options.lossless = c.codec == Codec::J2kLossless;
    options.mct = c.mct && spec.samplesPerPixel == 3;
    std::vector<std::vector<std::uint8_t>> frames;
    for (int f = 0; f < spec.frames; ++f) {
        frames.push_back(
            encodeJ2k(spec, samples.data() + std::size_t(f) * spec.samplesPerFrame(), options));
        if (frames.back().empty())
            return false;
    }
    if (options.mct)
        ds.putAndInsertString(DCM_PhotometricInterpretation,
                              options.lossless ? "YBR_RCT" : "YBR_ICT");
    encapsulate(ds, transferSyntaxOf(c.codec), frames, 1, OffsetTable::Basic);
    return true;
}

// Even-sized pieces (fragments must have even length); the last is padded with a zero byte.
std::vector<std::vector<std::uint8_t>> split(const std::vector<std::uint8_t>& frame, int pieces) {
    if (frame.empty())
        return {{}};
    const std::size_t size =
        ((frame.size() + std::size_t(pieces) - 1) / std::size_t(pieces) + 1) & ~std::size_t(1);
    std::vector<std::vector<std::uint8_t>> out;
    for (std::size_t at = 0; at < frame.size(); at += size)
        out.emplace_back(frame.begin() + long(at),
                         frame.begin() + long(std::min(frame.size(), at + size)));
    if (out.back().size() % 2)
        out.back().push_back(0);
    return out;
}

void putExtendedTable(DcmDataset& ds, const std::vector<Uint64>& offsets,
                      const std::vector<Uint64>& lengths) {
    auto* table = new DcmOther64bitVeryLong(DcmTag(DCM_ExtendedOffsetTable, EVR_OV));
    table->putUint64Array(offsets.data(), offsets.size());
    ds.insert(table, OFTrue);
    auto* sizes = new DcmOther64bitVeryLong(DcmTag(DCM_ExtendedOffsetTableLengths, EVR_OV));
    sizes->putUint64Array(lengths.data(), lengths.size());
    ds.insert(sizes, OFTrue);
}

const char* multiFrameClass(const PixelSpec& spec) {
    if (spec.samplesPerPixel == 3)
        return UID_MultiframeTrueColorSecondaryCaptureImageStorage;
    return spec.bitsAllocated > 8 ? UID_MultiframeGrayscaleWordSecondaryCaptureImageStorage
                                  : UID_MultiframeGrayscaleByteSecondaryCaptureImageStorage;
}

}  // namespace

E_TransferSyntax transferSyntaxOf(Codec codec) {
    switch (codec) {
        case Codec::JpegBaseline:
            return EXS_JPEGProcess1;
        case Codec::JpegExtended:
            return EXS_JPEGProcess2_4;
        case Codec::JpegLossless:
            return EXS_JPEGProcess14;
        case Codec::JpegLosslessSv1:
            return EXS_JPEGProcess14SV1;
        case Codec::JpegLsLossless:
            return EXS_JPEGLSLossless;
        case Codec::JpegLsNear:
            return EXS_JPEGLSLossy;
        case Codec::Rle:
            return EXS_RLELossless;
        case Codec::J2kLossless:
            return EXS_JPEG2000LosslessOnly;
        case Codec::J2kLossy:
            return EXS_JPEG2000;
        case Codec::JpegSpectral:
            return EXS_JPEGProcess6_8;
        case Codec::JpegProgressive:
            return EXS_JPEGProcess10_12;
    }
    return EXS_Unknown;
}

bool isLossless(Codec codec) {
    return codec != Codec::JpegBaseline && codec != Codec::JpegExtended &&
           codec != Codec::JpegLsNear && codec != Codec::J2kLossy &&
           codec != Codec::JpegSpectral && codec != Codec::JpegProgressive;
}

const char* codecName(Codec codec) {
    static const char* names[] = {
        "jpeg-baseline", "jpeg-extended", "jpeg-lossless", "jpeg-lossless-sv1", "jpegls-lossless",
        "jpegls-near",   "rle",           "j2k-lossless",  "j2k-lossy",
        "jpeg-spectral", "jpeg-progressive"};
    return names[int(codec)];
}

bool compress(DcmDataset& ds, const PixelSpec& spec, const std::vector<std::int64_t>& samples,
              const CodecSpec& c) {
    const bool j2k = c.codec == Codec::J2kLossless || c.codec == Codec::J2kLossy;
    if (!(j2k ? compressWithOpenJpeg(ds, spec, samples, c) : compressWithToolkit(ds, c)))
        return false;
    if (c.fragmentsPerFrame == 1 && c.table == OffsetTable::Basic)
        return true;
    const auto frames = frameCodestreams(ds);
    if (frames.size() != std::size_t(spec.frames))
        return false;
    encapsulate(ds, transferSyntaxOf(c.codec), frames, c.fragmentsPerFrame, c.table);
    return true;
}

bool writeCompressed(const std::string& path, const PixelSpec& spec,
                     const std::vector<std::int64_t>& samples, const CodecSpec& codec,
                     const Identity& identity) {
    DcmFileFormat file;
    putIdentity(*file.getDataset(), identity);
    // Secondary Capture is single-frame; readers such as GDCM hold multi-frame files to that.
    if (spec.frames > 1)
        file.getDataset()->putAndInsertString(DCM_SOPClassUID, multiFrameClass(spec));
    putPixels(*file.getDataset(), spec, packSamples(spec, samples, false));
    return compress(*file.getDataset(), spec, samples, codec) &&
           save(file, path, transferSyntaxOf(codec.codec));
}

std::vector<std::vector<std::uint8_t>> frameCodestreams(DcmDataset& ds) {
    DcmElement* element = nullptr;
    if (ds.findAndGetElement(DCM_PixelData, element).bad())
        return {};
    auto* pixels = dynamic_cast<DcmPixelData*>(element);
    E_TransferSyntax xfer = EXS_Unknown;
    const DcmRepresentationParameter* parameter = nullptr;
    pixels->getCurrentRepresentationKey(xfer, parameter);
    DcmPixelSequence* sequence = nullptr;
    if (pixels->getEncapsulatedRepresentation(xfer, parameter, sequence).bad() || !sequence)
        return {};
    std::vector<std::vector<std::uint8_t>> frames;
    for (unsigned long i = 1; i < sequence->card(); ++i) {
        DcmPixelItem* item = nullptr;
        Uint8* data = nullptr;
        if (sequence->getItem(item, Uint32(i)).bad() || item->getUint8Array(data).bad())
            return {};
        frames.emplace_back(data, data + item->getLength());
    }
    return frames;
}

void encapsulate(DcmDataset& ds, E_TransferSyntax xfer,
                 const std::vector<std::vector<std::uint8_t>>& frames, int fragmentsPerFrame,
                 OffsetTable table) {
    auto* sequence = new DcmPixelSequence(DCM_PixelSequenceTag);
    auto* basic = new DcmPixelItem(DCM_PixelItemTag);
    sequence->insert(basic);
    std::vector<Uint64> offsets, lengths;
    Uint64 position = 0;
    for (const auto& frame : frames) {
        offsets.push_back(position);
        lengths.push_back(frame.size());
        for (const auto& piece : split(frame, fragmentsPerFrame)) {
            auto* item = new DcmPixelItem(DCM_PixelItemTag);
            item->putUint8Array(piece.data(), Uint32(piece.size()));
            sequence->insert(item);
            position += 8 + piece.size();
        }
    }
    if (table == OffsetTable::Basic) {
        std::vector<Uint8> bytes;
        for (Uint64 o : offsets)
            for (int b = 0; b < 4; ++b)
                bytes.push_back(Uint8(o >> (8 * b)));
        basic->putUint8Array(bytes.data(), Uint32(bytes.size()));
    }
    if (table == OffsetTable::Extended)
        putExtendedTable(ds, offsets, lengths);
    auto* pixels = new DcmPixelData(DCM_PixelData);
    pixels->putOriginalRepresentation(xfer, nullptr, sequence);
    ds.insert(pixels, OFTrue);
}

}  // namespace synthetic
