#include "dicom/detail/toolkit_codec.h"

#include <algorithm>
#include <memory>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dccodec.h>
#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include "dicom/detail/codec_registry.h"
#include "dicom/detail/dataset_fields.h"
#include "dicom/detail/jpeg_markers.h"
#include "dicom/detail/rle_check.h"

namespace dicom::detail {
namespace {

const char* codecName(ToolkitCodec codec) {
    switch (codec) {
        case ToolkitCodec::Jpeg:
            return "JPEG";
        case ToolkitCodec::JpegLs:
            return "JPEG-LS";
        case ToolkitCodec::Rle:
            return "RLE";
    }
    return "compressed";
}

// The Image Pixel attributes the codecs read, for a single frame.
void describeFrame(DcmDataset& ds, const PixelLayout& l) {
    ds.putAndInsertUint16(DCM_SamplesPerPixel, Uint16(l.samplesPerPixel));
    ds.putAndInsertString(DCM_PhotometricInterpretation, l.photometricText.c_str());
    ds.putAndInsertUint16(DCM_PlanarConfiguration, Uint16(l.planarConfiguration));
    ds.putAndInsertUint16(DCM_Rows, Uint16(l.rows));
    ds.putAndInsertUint16(DCM_Columns, Uint16(l.columns));
    ds.putAndInsertUint16(DCM_BitsAllocated, Uint16(l.bitsAllocated));
    ds.putAndInsertUint16(DCM_BitsStored, Uint16(l.bitsStored));
    ds.putAndInsertUint16(DCM_HighBit, Uint16(l.highBit));
    ds.putAndInsertUint16(DCM_PixelRepresentation, l.pixelSigned ? 1 : 0);
    ds.putAndInsertString(DCM_NumberOfFrames, "1");
}

// Bits per output cell: DCMTK's JPEG decoder writes bytes for codestreams of up to 8 bits and
// 16-bit words beyond, whatever Bits Allocated says.
int cellBits(ToolkitCodec codec, const PixelLayout& l, const std::optional<JpegHeader>& jpeg) {
    if (codec == ToolkitCodec::Jpeg && jpeg)
        return jpeg->precision <= 8 ? 8 : 16;
    return l.bitsAllocated;
}

Photometric decodedPhotometric(const std::string& model, const PixelLayout& l,
                               const std::optional<JpegHeader>& jpeg) {
    Photometric p = parsePhotometric(model);
    if (p == Photometric::Other)
        p = l.photometric;
    if (p == Photometric::YbrFull422)
        p = Photometric::YbrFull;  // codecs remove the subsampling
    // A decoder that guesses colour spaces calls every grey codestream MONOCHROME2.
    if (p == Photometric::Monochrome2 && l.photometric == Photometric::Monochrome1)
        p = Photometric::Monochrome1;
    if (p == Photometric::Rgb && jpeg && !jpeg->lossless && jpegSaysYcbcr(*jpeg))
        p = Photometric::YbrFull;
    return p;
}

const char* photometricText(Photometric p, const std::string& fallback) {
    switch (p) {
        case Photometric::Rgb:
            return "RGB";
        case Photometric::YbrFull:
            return "YBR_FULL";
        case Photometric::Monochrome1:
            return "MONOCHROME1";
        case Photometric::Monochrome2:
            return "MONOCHROME2";
        default:
            return fallback.c_str();
    }
}

// DCMTK's JPEG decoder trusts the header's size and sample count; a codestream that disagrees
// would leave part of the frame unwritten.
Status checkJpegHeader(const std::optional<JpegHeader>& jpeg, const PixelLayout& l) {
    if (!jpeg)
        return Error{ErrorCode::Corrupt, "the JPEG data have no readable frame header"};
    const bool sizeDiffers =
        jpeg->width != l.columns || (jpeg->height != 0 && jpeg->height != l.rows);
    if (!sizeDiffers && jpeg->components == l.samplesPerPixel)
        return {};
    return Error{ErrorCode::Corrupt,
                 "the JPEG data hold " + std::to_string(jpeg->width) + " x " +
                     std::to_string(jpeg->height) + " pixels of " +
                     std::to_string(jpeg->components) + " components where the header says " +
                     std::to_string(l.columns) + " x " + std::to_string(l.rows) + " of " +
                     std::to_string(l.samplesPerPixel)};
}

// The frame as the only fragment of a single-frame pixel sequence (after an empty Basic Offset
// Table), so that the codec needs no frame-finding of its own.
std::unique_ptr<DcmPixelSequence> singleFragment(const std::vector<std::uint8_t>& codestream) {
    auto fragments = std::make_unique<DcmPixelSequence>(DCM_PixelSequenceTag);
    fragments->insert(new DcmPixelItem(DCM_PixelItemTag));
    auto* fragment = new DcmPixelItem(DCM_PixelItemTag);
    fragment->putUint8Array(codestream.data(), Uint32(codestream.size()));
    fragments->insert(fragment);
    return fragments;
}

// Checks what DCMTK's decoders take on trust; gives the JPEG header for JPEG codestreams.
Result<std::optional<JpegHeader>> inspect(ToolkitCodec codec,
                                          const std::vector<std::uint8_t>& codestream,
                                          const PixelLayout& l) {
    if (codec == ToolkitCodec::Rle) {
        if (Status s = checkRleFrame(codestream, l); !s)
            return s.error();
        return std::optional<JpegHeader>{};
    }
    if (codec != ToolkitCodec::Jpeg)
        return std::optional<JpegHeader>{};
    auto jpeg = readJpegHeader(codestream.data(), codestream.size());
    if (Status s = checkJpegHeader(jpeg, l); !s)
        return s.error();
    return jpeg;
}

// What the decoded cells are, given the file's layout, the codec and what it reported.
PixelLayout decodedLayout(const PixelLayout& l, ToolkitCodec codec,
                          const std::optional<JpegHeader>& jpeg, DcmDataset& decodedFrame,
                          const std::string& colourModel) {
    PixelLayout c = l;
    c.frames = 1;
    c.bitsAllocated = cellBits(codec, l, jpeg);
    c.bitsStored = std::min(l.bitsStored, c.bitsAllocated);
    // RLE restores the cells byte for byte; the JPEG family codes sample values.
    c.highBit =
        codec == ToolkitCodec::Rle && l.highBit < c.bitsAllocated ? l.highBit : c.bitsStored - 1;
    c.planarConfiguration =
        int(intValue(decodedFrame, DCM_PlanarConfiguration).value_or(l.planarConfiguration));
    c.photometric = decodedPhotometric(colourModel, l, jpeg);
    c.photometricText = photometricText(c.photometric, l.photometricText);
    return c;
}

}  // namespace

Result<FrameCells> decodeWithToolkit(const std::string& transferSyntaxUid, ToolkitCodec codec,
                                     const PixelLayout& l,
                                     const std::vector<std::uint8_t>& codestream) {
    registerToolkitDecoders();
    const auto jpeg = inspect(codec, codestream, l);
    if (!jpeg)
        return jpeg.error();
    DcmDataset frame;
    describeFrame(frame, l);
    const auto fragments = singleFragment(codestream);
    FrameCells out;
    out.bytes.assign(std::size_t(l.pixelsPerFrame()) * std::size_t(l.samplesPerPixel) *
                         std::size_t(l.bitsAllocated / 8),
                     0);
    Uint32 startFragment = 1;
    OFString model;
    const OFCondition status = DcmCodecList::decodeFrame(
        DcmXfer(transferSyntaxUid.c_str()), nullptr, fragments.get(), &frame, 0, startFragment,
        out.bytes.data(), Uint32(out.bytes.size()), model);
    if (status.bad())
        return Error{ErrorCode::Corrupt, std::string("the ") + codecName(codec) +
                                             " data cannot be decoded (" + status.text() + ")"};
    out.layout = decodedLayout(l, codec, jpeg.value(), frame, model.c_str());
    return out;
}

}  // namespace dicom::detail
