#pragma once
// The Image Pixel module of one instance (PS3.3 C.7.6.3), read and validated once, so that the
// scanner and the decoder agree on what a frame is and how many bytes it takes.
// Thread-safety: plain values; the functions read only the item they are given.

#include <cstdint>
#include <string>

#include "dicom/result.h"

class DcmItem;

namespace dicom::detail {

// Frames beyond this many bytes in total are refused: an absurd header must not make the
// workstation try to allocate it.
constexpr std::uint64_t kMaxPixelBytes = std::uint64_t(4) << 30;  // 4 GiB

// YbrIct and YbrRct describe JPEG 2000 codestreams that apply the multi-component transform
// (PS3.5 8.2.4); decoding undoes it, so they never reach the colour conversion.
enum class Photometric { Monochrome1, Monochrome2, Rgb, YbrFull, YbrFull422, YbrIct, YbrRct, Palette, Other };

struct PixelLayout {
    int rows = 0;
    int columns = 0;
    int frames = 1;
    int samplesPerPixel = 1;
    int bitsAllocated = 0;
    int bitsStored = 0;
    int highBit = 0;
    bool pixelSigned = false;
    int planarConfiguration = 0;  // 0: R1G1B1 R2G2B2..., 1: R plane, G plane, B plane
    std::string photometricText;  // as in the file, e.g. "MONOCHROME2"
    Photometric photometric = Photometric::Other;

    std::uint64_t pixelsPerFrame() const {
        return std::uint64_t(rows) * std::uint64_t(columns);
    }
    // Bits of one frame in the Pixel Data value (1-bit frames need not end on a byte).
    std::uint64_t bitsPerFrame() const;
    std::uint64_t bytesForAllFrames() const { return (bitsPerFrame() * std::uint64_t(frames) + 7) / 8; }
};

Photometric parsePhotometric(const std::string& text);

// Reads the Image Pixel attributes of `item`. Fails with Corrupt, TooLarge or UnsupportedPixels
// (message: the reason only, without the file name) when they cannot describe a decodable
// image, e.g. zero rows, Bits Allocated 12, High Bit beyond Bits Allocated. `encapsulated`
// relaxes the rules that only concern the native byte layout (YBR_FULL_422 chroma pairs).
Result<PixelLayout> readPixelLayout(DcmItem& item, bool encapsulated = false);

// Checks that a Pixel Data value of `valueBytes` bytes holds every frame of `layout`.
Status checkPixelDataLength(const PixelLayout& layout, std::uint64_t valueBytes);

}  // namespace dicom::detail
