#include "dicom/detail/dicom_decoder.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include "dicom/detail/colour.h"
#include "dicom/detail/dataset_fields.h"
#include "dicom/detail/dicom_file.h"
#include "dicom/detail/frame_source.h"
#include "dicom/detail/modality_lut.h"
#include "dicom/detail/pixel_padding.h"
#include "dicom/detail/sample_unpack.h"

namespace dicom::detail {
namespace {

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
    image.padding = readPaddingRange(ds, l.pixelSigned, transform.value());
    return image;
}

// The cells must hold every sample their layout announces; codecs are checked here once.
bool cellsComplete(const FrameCells& cells) {
    const std::uint64_t bits = std::uint64_t(cells.bitOffset) + cells.layout.bitsPerFrame();
    return (bits + 7) / 8 <= cells.bytes.size();
}

Result<Image> decodeDataset(DcmDataset& ds, int frame) {
    auto cells = readFrameCells(ds, frame);
    if (!cells) return cells.error();
    const PixelLayout& l = cells->layout;
    if (!cellsComplete(cells.value())) return Error{ErrorCode::Internal, "the decoder returned too few samples"};
    const SampleCoding coding{l.bitsAllocated, l.bitsStored, l.highBit, l.pixelSigned};
    const auto samples = unpackSamples(cells->bytes.data(), cells->bytes.size(), cells->bitOffset,
                                       cells->sampleCount(), coding);
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
    auto image = decodeDataset(*opened.value()->getDataset(), frame);
    if (!image) return Error{image.error().code, path + ": " + image.error().message};
    return image;
}

}  // namespace dicom::detail
