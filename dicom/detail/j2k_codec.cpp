#include "dicom/detail/j2k_codec.h"

#include <algorithm>
#include <string>
#include <utility>

#include "dicom/detail/compressed_frame.h"
#include "dicom/detail/j2k_stream.h"

namespace dicom::detail {
namespace {

Error corrupt(const std::string& reason) {
    return {ErrorCode::Corrupt, "the JPEG 2000 data " + reason};
}

OPJ_CODEC_FORMAT formatOf(const std::vector<std::uint8_t>& bytes) {
    static const std::uint8_t codestream[2] = {0xFF, 0x4F};
    if (bytes.size() >= 2 && std::equal(codestream, codestream + 2, bytes.begin()))
        return OPJ_CODEC_J2K;
    return OPJ_CODEC_JP2;
}

Status checkHeader(const opj_image_t& image, const PixelLayout& l) {
    const std::string size =
        std::to_string(image.x1 - image.x0) + " x " + std::to_string(image.y1 - image.y0);
    if (image.numcomps != OPJ_UINT32(l.samplesPerPixel))
        return corrupt("hold " + std::to_string(image.numcomps) +
                       " components where the header says " + std::to_string(l.samplesPerPixel));
    if (image.x1 - image.x0 != OPJ_UINT32(l.columns) || image.y1 - image.y0 != OPJ_UINT32(l.rows))
        return corrupt("hold a " + size + " image where the header says " +
                       std::to_string(l.columns) + " x " + std::to_string(l.rows));
    for (OPJ_UINT32 c = 0; c < image.numcomps; ++c) {
        const opj_image_comp_t& comp = image.comps[c];
        if (comp.dx == 0 || comp.dy == 0 || comp.prec == 0)
            return corrupt("have an invalid component " + std::to_string(c));
        // Deeper than Bits Stored happens (16-bit codestreams of 12-bit data); deeper than the
        // cells cannot be held.
        if (comp.prec > OPJ_UINT32(l.bitsAllocated))
            return corrupt("are " + std::to_string(comp.prec) + " bits deep, more than " +
                           std::to_string(l.bitsAllocated) + " bits allocated");
    }
    return {};
}

// The component's sample covering image pixel (x, y); subsampled components repeat.
OPJ_INT32 sampleAt(const opj_image_t& image, const opj_image_comp_t& comp, OPJ_UINT32 x,
                   OPJ_UINT32 y) {
    const OPJ_UINT32 cx = std::min(
        (image.x0 + x) / comp.dx - std::min(comp.x0, (image.x0 + x) / comp.dx), comp.w - 1);
    const OPJ_UINT32 cy = std::min(
        (image.y0 + y) / comp.dy - std::min(comp.y0, (image.y0 + y) / comp.dy), comp.h - 1);
    return comp.data[std::size_t(cy) * comp.w + cx];
}

// Samples as cells of Bits Allocated, two's complement within Bits Stored, so that a codestream
// that disagrees with Pixel Representation about the sign reads as the header says.
FrameCells cellsOf(const opj_image_t& image, const PixelLayout& l) {
    FrameCells out;
    out.layout = l;
    out.layout.frames = 1;
    out.layout.planarConfiguration = 0;
    out.layout.highBit = l.bitsStored - 1;
    const int cellBytes = l.bitsAllocated / 8;
    const std::uint64_t mask = (std::uint64_t(1) << l.bitsStored) - 1;
    out.bytes.resize(std::size_t(l.pixelsPerFrame()) * std::size_t(l.samplesPerPixel) *
                     std::size_t(cellBytes));
    std::size_t at = 0;
    for (OPJ_UINT32 y = 0; y < OPJ_UINT32(l.rows); ++y)
        for (OPJ_UINT32 x = 0; x < OPJ_UINT32(l.columns); ++x)
            for (OPJ_UINT32 c = 0; c < image.numcomps; ++c) {
                const std::uint64_t cell =
                    std::uint64_t(std::int64_t(sampleAt(image, image.comps[c], x, y))) & mask;
                for (int b = 0; b < cellBytes; ++b)
                    out.bytes[at++] = std::uint8_t(cell >> (8 * b));
            }
    return out;
}

void setColourModel(PixelLayout& l, Photometric p, const char* text) {
    l.photometric = p;
    l.photometricText = text;
}

// What the decoded components are. OpenJPEG has undone whatever transform the codestream
// declares, so YBR_ICT/YBR_RCT data are now RGB; a label of YBR_ICT/YBR_RCT over a codestream
// without the transform contradicts itself, and the writers that produce it store RGB.
void describeColour(PixelLayout& l) {
    switch (l.photometric) {
        case Photometric::YbrIct:
        case Photometric::YbrRct:
            setColourModel(l, Photometric::Rgb, "RGB");
            break;
        case Photometric::YbrFull422:
            setColourModel(l, Photometric::YbrFull, "YBR_FULL");
            break;
        default:
            break;
    }
}

// Reads the header, checks it against the DICOM header, then decodes.
Result<J2kImagePtr> decodeImage(const PixelLayout& l, const std::vector<std::uint8_t>& bytes) {
    J2kDecoder decoder(formatOf(bytes));
    J2kMemoryStream stream(bytes.data(), bytes.size());
    opj_dparameters_t parameters;
    opj_set_default_decoder_parameters(&parameters);
    if (!decoder.valid() || !stream.get() || !opj_setup_decoder(decoder.get(), &parameters))
        return Error{ErrorCode::Internal, "the JPEG 2000 decoder cannot be set up"};
    opj_image_t* raw = nullptr;
    const bool headerRead = opj_read_header(stream.get(), decoder.get(), &raw);
    J2kImagePtr image(raw);
    if (!headerRead || !image)
        return corrupt("have an unreadable header (" + decoder.lastError() + ")");
    if (Status s = checkHeader(*image, l); !s)
        return s.error();
    if (!opj_decode(decoder.get(), stream.get(), image.get()) ||
        !opj_end_decompress(decoder.get(), stream.get()))
        return corrupt("cannot be decoded (" + decoder.lastError() + ")");
    for (OPJ_UINT32 c = 0; c < image->numcomps; ++c)
        if (!image->comps[c].data || image->comps[c].w == 0 || image->comps[c].h == 0)
            return corrupt("decoded without component " + std::to_string(c));
    return Result<J2kImagePtr>(std::move(image));
}

}  // namespace

Result<FrameCells> decodeJpeg2000(const PixelLayout& l, const std::vector<std::uint8_t>& bytes) {
    if (!opensCodestream(StreamStart::Jpeg2000, bytes.data(), bytes.size()))
        return corrupt("do not start with a JPEG 2000 codestream or JP2 signature");
    auto image = decodeImage(l, bytes);
    if (!image)
        return image.error();
    FrameCells cells = cellsOf(*image.value(), l);
    describeColour(cells.layout);
    return cells;
}

}  // namespace dicom::detail
