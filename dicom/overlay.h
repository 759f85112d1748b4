#pragma once
// Overlay planes (groups 60xx, PS3.3 C.9.2 and C.9.3): 1-bit graphics or regions of interest
// drawn over an image, kept as a layer of their own so that the viewer can show or hide them.
// Planes come from Overlay Data (60xx,3000) or, in older files, from bits of the Pixel Data
// cells above the stored value (the retired embedded form).
// Thread-safety: decodeOverlays is re-entrant (call from worker threads); drawOverlay is pure.

#include <cstdint>
#include <string>
#include <vector>

#include "dicom/image.h"
#include "dicom/result.h"
#include "dicom/study.h"

namespace dicom {

struct Overlay {
    int group = 0x6000;  // 0x6000, 0x6002 ... 0x601E
    int rows = 0;        // overlay pixels
    int columns = 0;
    int originRow = 1;        // image row of the overlay's first row, 1-based (may lie outside)
    int originColumn = 1;     // image column of the overlay's first column, 1-based
    std::string type;         // "G" graphics or "R" region of interest
    std::string label;        // Overlay Label; may be empty
    std::string description;  // Overlay Description; may be empty
    bool embedded = false;    // read from unused high bits of Pixel Data
    std::vector<std::uint8_t> bits;  // rows * columns values of 0 or 1, row-major
};

// The overlay planes that apply to frame `frame` (0-based) of a DICOM instance, in group
// order; none for photographs. A multi-frame plane (Number of Frames in Overlay, Image Frame
// Origin) applies to its own frames only; a single plane to every frame. Planes whose attributes
// or data are inconsistent are left out, since the image itself is unaffected.
// Errors (message "<path>: <reason>"): those of opening the file, FrameOutOfRange, and those
// of decoding the frame when a plane is embedded in the Pixel Data.
Result<std::vector<Overlay>> decodeOverlays(const InstanceInfo& instance, int frame = 0);

// Sets the pixels of `image` (grey or RGB) that the plane covers to `value` in every channel,
// clipped to the image.
void drawOverlay(Image8& image, const Overlay& overlay, std::uint8_t value = 255);

}  // namespace dicom
