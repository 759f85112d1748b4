#include "dicom/detail/encapsulated_frame.h"

#include <optional>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include "dicom/detail/compressed_frame.h"
#include "dicom/detail/j2k_codec.h"
#include "dicom/detail/toolkit_codec.h"

namespace dicom::detail {
namespace {

enum class Family { Jpeg, JpegLs, Rle, Jpeg2000 };

std::optional<Family> familyOf(E_TransferSyntax xfer) {
    switch (xfer) {
        case EXS_JPEGProcess1:
        case EXS_JPEGProcess2_4:
        case EXS_JPEGProcess6_8:    // spectral selection (retired)
        case EXS_JPEGProcess10_12:  // progressive (retired)
        case EXS_JPEGProcess14:
        case EXS_JPEGProcess14SV1:
            return Family::Jpeg;
        case EXS_JPEGLSLossless:
        case EXS_JPEGLSLossy:
            return Family::JpegLs;
        case EXS_RLELossless:
            return Family::Rle;
        case EXS_JPEG2000LosslessOnly:
        case EXS_JPEG2000:
        case EXS_JPEG2000MulticomponentLosslessOnly:
        case EXS_JPEG2000Multicomponent:
            return Family::Jpeg2000;
        default:
            return std::nullopt;
    }
}

StreamStart streamStartOf(Family family) {
    switch (family) {
        case Family::Jpeg2000:
            return StreamStart::Jpeg2000;
        case Family::Rle:
            return StreamStart::Rle;
        default:
            return StreamStart::Jpeg;
    }
}

ToolkitCodec toolkitCodecOf(Family family) {
    return family == Family::JpegLs ? ToolkitCodec::JpegLs
           : family == Family::Rle  ? ToolkitCodec::Rle
                                    : ToolkitCodec::Jpeg;
}

// Compressed frames can be a little larger than raw ones (noise, RLE headers), never this much.
std::uint64_t compressedLimit(const PixelLayout& l) {
    return l.pixelsPerFrame() * std::uint64_t(l.samplesPerPixel) * std::uint64_t(l.bitsAllocated) /
               2 +
           (1u << 20);
}

}  // namespace

Result<FrameCells> decodeEncapsulatedFrame(DcmDataset& ds, DcmElement& pixels, const PixelLayout& l,
                                           const std::string& uid, int frame) {
    const DcmXfer xfer(uid.c_str());
    const auto family = familyOf(xfer.getXfer());
    if (!family)
        return Error{ErrorCode::UnsupportedSyntax, std::string("the image is compressed as ") +
                                                       xfer.getXferName() +
                                                       ", which the workstation cannot decode"};
    if (l.bitsAllocated == 1)
        return Error{ErrorCode::UnsupportedPixels, "compressed 1-bit pixels"};
    auto* pixelData = dynamic_cast<DcmPixelData*>(&pixels);
    DcmPixelSequence* fragments = nullptr;
    if (!pixelData ||
        pixelData->getEncapsulatedRepresentation(xfer.getXfer(), nullptr, fragments).bad() ||
        !fragments)
        return Error{ErrorCode::Corrupt,
                     "the compressed pixel data are not encapsulated in fragments"};
    auto bytes = readCompressedFrame(ds, *fragments, streamStartOf(*family), l.frames, frame,
                                     compressedLimit(l));
    if (!bytes)
        return bytes.error();
    if (*family == Family::Jpeg2000)
        return decodeJpeg2000(l, bytes.value());
    return decodeWithToolkit(uid, toolkitCodecOf(*family), l, bytes.value());
}

}  // namespace dicom::detail
