#pragma once
// One frame's samples as the decoders hand them on: a little-endian stream of Bits Allocated
// cells plus the layout that describes that stream. For native transfer syntaxes these are the
// file's own bytes; for compressed ones what the codec produced, whose layout may differ from
// the file's (JPEG decodes YBR_FULL_422 to full resolution, an 8-bit JPEG in 16-bit cells comes
// back as bytes, JPEG 2000 undoes its colour transform).
// Thread-safety: plain values.

#include <cstdint>
#include <vector>

#include "dicom/detail/pixel_layout.h"

namespace dicom::detail {

struct FrameCells {
    std::vector<std::uint8_t> bytes;  // little endian, every sample of one frame
    unsigned bitOffset = 0;           // first bit of the frame in bytes[0] (1-bit native frames)
    PixelLayout layout;               // describes `bytes`; frames is 1

    std::size_t sampleCount() const {
        return std::size_t(layout.bitsPerFrame() / std::uint64_t(layout.bitsAllocated));
    }
};

}  // namespace dicom::detail
