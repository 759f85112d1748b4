#include "dicom/detail/pixel_layout.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcitem.h>

#include "dicom/detail/dataset_fields.h"

namespace dicom::detail {
namespace {

// One decoded frame becomes float or 16-bit RGB in memory; keep that within a few GiB.
constexpr std::uint64_t kMaxFramePixels = std::uint64_t(1) << 29;

Error corrupt(std::string reason) { return {ErrorCode::Corrupt, std::move(reason)}; }
Error unsupported(std::string reason) { return {ErrorCode::UnsupportedPixels, std::move(reason)}; }

bool isMonochrome(Photometric p) {
    return p == Photometric::Monochrome1 || p == Photometric::Monochrome2;
}

Status checkSamples(const PixelLayout& l, bool encapsulated) {
    const bool oneSample = isMonochrome(l.photometric) || l.photometric == Photometric::Palette;
    if (l.photometric == Photometric::Other)
        return unsupported("photometric interpretation '" + l.photometricText + "' is not supported");
    if (oneSample && l.samplesPerPixel != 1)
        return corrupt(l.photometricText + " with " + std::to_string(l.samplesPerPixel) +
                       " samples per pixel");
    if (!oneSample && l.samplesPerPixel != 3)
        return corrupt(l.photometricText + " with " + std::to_string(l.samplesPerPixel) +
                       " samples per pixel");
    // A JPEG codestream subsamples chroma itself and decodes to full resolution, so only native
    // data need whole Y0 Y1 Cb Cr groups.
    if (!encapsulated && l.photometric == Photometric::YbrFull422 && (l.columns % 2 != 0 || l.planarConfiguration != 0))
        return corrupt("YBR_FULL_422 needs an even number of columns and interleaved samples");
    return {};
}

Status checkBits(const PixelLayout& l) {
    const int a = l.bitsAllocated;
    if (a != 1 && a != 8 && a != 16 && a != 32)
        return unsupported(std::to_string(a) + " bits allocated per sample");
    if (a == 1 && !isMonochrome(l.photometric))
        return unsupported("1-bit " + l.photometricText + " pixels");
    if (l.bitsStored < 1 || l.bitsStored > a)
        return corrupt("bits stored (" + std::to_string(l.bitsStored) + ") does not fit in bits allocated (" +
                       std::to_string(a) + ")");
    if (l.highBit < l.bitsStored - 1 || l.highBit >= a)
        return corrupt("high bit " + std::to_string(l.highBit) + " is inconsistent with " +
                       std::to_string(l.bitsStored) + " bits stored in " + std::to_string(a));
    return {};
}

Status checkSize(const PixelLayout& l) {
    if (l.rows <= 0 || l.columns <= 0)
        return corrupt("the image has " + std::to_string(l.rows) + " rows and " +
                       std::to_string(l.columns) + " columns");
    if (l.frames <= 0) return corrupt("the number of frames is " + std::to_string(l.frames));
    const std::string size = std::to_string(l.columns) + " x " + std::to_string(l.rows) +
                             " pixels x " + std::to_string(l.frames) + " frames";
    if (l.pixelsPerFrame() > kMaxFramePixels || l.bytesForAllFrames() > kMaxPixelBytes)
        return Error{ErrorCode::TooLarge, "the image is too large to open (" + size + ")"};
    return {};
}

}  // namespace

std::uint64_t PixelLayout::bitsPerFrame() const {
    // YBR_FULL_422 keeps one Cb and one Cr per two pixels: two samples per pixel on average.
    const std::uint64_t samples = photometric == Photometric::YbrFull422 ? 2 : samplesPerPixel;
    return pixelsPerFrame() * samples * std::uint64_t(bitsAllocated);
}

Photometric parsePhotometric(const std::string& text) {
    if (text == "MONOCHROME1") return Photometric::Monochrome1;
    if (text == "MONOCHROME2") return Photometric::Monochrome2;
    if (text == "RGB") return Photometric::Rgb;
    if (text == "YBR_FULL") return Photometric::YbrFull;
    if (text == "YBR_FULL_422") return Photometric::YbrFull422;
    if (text == "YBR_ICT") return Photometric::YbrIct;
    if (text == "YBR_RCT") return Photometric::YbrRct;
    if (text == "PALETTE COLOR") return Photometric::Palette;
    return Photometric::Other;
}

Result<PixelLayout> readPixelLayout(DcmItem& item, bool encapsulated) {
    PixelLayout l;
    l.rows = static_cast<int>(intValue(item, DCM_Rows).value_or(0));
    l.columns = static_cast<int>(intValue(item, DCM_Columns).value_or(0));
    l.frames = static_cast<int>(intValue(item, DCM_NumberOfFrames).value_or(1));
    l.samplesPerPixel = static_cast<int>(intValue(item, DCM_SamplesPerPixel).value_or(1));
    l.bitsAllocated = static_cast<int>(intValue(item, DCM_BitsAllocated).value_or(0));
    l.bitsStored = static_cast<int>(intValue(item, DCM_BitsStored).value_or(l.bitsAllocated));
    l.highBit = static_cast<int>(intValue(item, DCM_HighBit).value_or(l.bitsStored - 1));
    l.pixelSigned = intValue(item, DCM_PixelRepresentation).value_or(0) == 1;
    l.planarConfiguration = static_cast<int>(intValue(item, DCM_PlanarConfiguration).value_or(0));
    l.photometricText = stringValue(item, DCM_PhotometricInterpretation);
    if (l.photometricText.empty())  // Type 1, but old files omit it; samples tell which it is
        l.photometricText = l.samplesPerPixel == 3 ? "RGB" : "MONOCHROME2";
    l.photometric = parsePhotometric(l.photometricText);

    if (Status s = checkSize(l); !s) return s.error();
    if (Status s = checkSamples(l, encapsulated); !s) return s.error();
    if (Status s = checkBits(l); !s) return s.error();
    return l;
}

Status checkPixelDataLength(const PixelLayout& layout, std::uint64_t valueBytes) {
    const std::uint64_t needed = layout.bytesForAllFrames();
    if (valueBytes >= needed) return {};
    return corrupt("the pixel data holds " + std::to_string(valueBytes) + " bytes but " +
                   std::to_string(layout.frames) + " frame(s) of " + std::to_string(layout.columns) +
                   " x " + std::to_string(layout.rows) + " need " + std::to_string(needed));
}

}  // namespace dicom::detail
