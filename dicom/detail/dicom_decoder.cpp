#include "dicom/detail/dicom_decoder.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfcache.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include "dicom/detail/colour.h"
#include "dicom/detail/dataset_fields.h"
#include "dicom/detail/dicom_file.h"
#include "dicom/detail/modality_lut.h"
#include "dicom/detail/pixel_layout.h"
#include "dicom/detail/sample_unpack.h"

namespace dicom::detail {
namespace {

struct FrameBytes {
    std::vector<std::uint8_t> bytes;  // little-endian byte stream of the frame
    unsigned bitOffset = 0;           // where the frame starts in bytes[0] (1-bit frames)
};

Result<FrameBytes> readFrameBytes(DcmElement& pixels, const PixelLayout& layout, int frame) {
    const std::uint64_t firstBit = layout.bitsPerFrame() * std::uint64_t(frame);
    const std::uint64_t endBit = firstBit + layout.bitsPerFrame();
    const std::uint64_t firstByte = firstBit / 8;
    FrameBytes out;
    out.bitOffset = unsigned(firstBit % 8);
    out.bytes.resize(std::size_t((endBit + 7) / 8 - firstByte));
    DcmFileCache cache;
    // Little endian whatever the file's order: OW values are swapped per 16-bit word by DCMTK,
    // OB values are left alone, which is how PS3.5 defines big endian pixel data.
    const OFCondition s = pixels.getPartialValue(out.bytes.data(), Uint32(firstByte), Uint32(out.bytes.size()),
                                                 &cache, EBO_LittleEndian);
    if (s.bad()) return Error{ErrorCode::Corrupt, std::string("the pixel data cannot be read (") + s.text() + ")"};
    return out;
}

Result<Lut> readPaletteLut(DcmItem& ds, const DcmTagKey& descriptorTag, const DcmTagKey& dataTag,
                           const DcmTagKey& segmentedTag, bool signedInput) {
    auto descriptor = readLutDescriptor(ds, descriptorTag, signedInput);
    if (!descriptor) return descriptor.error();
    if (ds.tagExists(dataTag)) return lutFromWords(descriptor.value(), words16(ds, dataTag));
    if (ds.tagExists(segmentedTag)) return lutFromSegments(descriptor.value(), words16(ds, segmentedTag));
    return Error{ErrorCode::Corrupt, "PALETTE COLOR without lookup table data"};
}

Result<Image> paletteImage(DcmItem& ds, const std::vector<std::int64_t>& samples, const PixelLayout& l) {
    auto r = readPaletteLut(ds, DCM_RedPaletteColorLookupTableDescriptor, DCM_RedPaletteColorLookupTableData,
                            DCM_SegmentedRedPaletteColorLookupTableData, l.pixelSigned);
    auto g = readPaletteLut(ds, DCM_GreenPaletteColorLookupTableDescriptor, DCM_GreenPaletteColorLookupTableData,
                            DCM_SegmentedGreenPaletteColorLookupTableData, l.pixelSigned);
    auto b = readPaletteLut(ds, DCM_BluePaletteColorLookupTableDescriptor, DCM_BluePaletteColorLookupTableData,
                            DCM_SegmentedBluePaletteColorLookupTableData, l.pixelSigned);
    for (const auto* lut : {&r, &g, &b})
        if (!*lut) return lut->error();
    return paletteFrame(samples, l, r.value(), g.value(), b.value());
}

Result<Image> greyImage(DcmItem& ds, const std::vector<std::int64_t>& samples, const PixelLayout& l) {
    auto transform = readModalityTransform(ds, l.pixelSigned);
    if (!transform) return transform.error();
    Image image;
    image.width = l.columns;
    image.height = l.rows;
    image.format = PixelFormat::Grey32F;
    image.grey = applyModality(samples, transform.value());
    image.monochrome1 = l.photometric == Photometric::Monochrome1;
    return image;
}

Result<Image> decodeDataset(DcmDataset& ds, int frame) {
    DcmElement* pixels = nullptr;
    if (ds.findAndGetElement(DCM_PixelData, pixels).bad() || !pixels)
        return Error{ErrorCode::NoPixelData, "the file contains no image (pixel data missing)"};
    auto layout = readPixelLayout(ds);
    if (!layout) return layout.error();
    const PixelLayout& l = layout.value();
    if (frame < 0 || frame >= l.frames)
        return Error{ErrorCode::FrameOutOfRange, "frame " + std::to_string(frame + 1) + " requested of " +
                                                     std::to_string(l.frames)};
    if (Status s = checkPixelDataLength(l, pixels->getLength()); !s) return s.error();
    auto bytes = readFrameBytes(*pixels, l, frame);
    if (!bytes) return bytes.error();
    const SampleCoding coding{l.bitsAllocated, l.bitsStored, l.highBit, l.pixelSigned};
    const std::size_t count = std::size_t(l.bitsPerFrame() / std::uint64_t(l.bitsAllocated));
    const auto samples = unpackSamples(bytes->bytes.data(), bytes->bytes.size(), bytes->bitOffset, count, coding);
    switch (l.photometric) {
    case Photometric::Monochrome1:
    case Photometric::Monochrome2: return greyImage(ds, samples, l);
    case Photometric::Palette: return paletteImage(ds, samples, l);
    default: return colourFrame(samples, l);
    }
}

}  // namespace

Result<Image> decodeDicomFrame(const std::string& path, int frame) {
    auto opened = openDicomFile(path);
    if (!opened) return opened.error();
    DcmFileFormat& file = *opened.value();
    DcmDataset& ds = *file.getDataset();
    const DcmXfer xfer(ds.getOriginalXfer());
    if (xfer.isEncapsulated())
        return Error{ErrorCode::UnsupportedSyntax,
                     path + ": the image is compressed as " + xfer.getXferName() + ", which this version of the workstation cannot decode"};
    auto image = decodeDataset(ds, frame);
    if (!image) return Error{image.error().code, path + ": " + image.error().message};
    return image;
}

}  // namespace dicom::detail
