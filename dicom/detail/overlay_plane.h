#pragma once
// Reading overlay planes (PS3.3 C.9.2, C.9.3) from a dataset: their attributes, the frames they
// apply to, and their bits from Overlay Data or from the unused high bits of Pixel Data cells.
// Thread-safety: re-entrant; works on the dataset it is given.

#include <optional>
#include <vector>

#include "dicom/detail/frame_cells.h"
#include "dicom/overlay.h"

class DcmItem;

namespace dicom::detail {

struct OverlayDefinition {
    Overlay header;           // everything but bits
    int bitsAllocated = 1;    // Overlay Bits Allocated: 1 for Overlay Data, else the cell size
    int bitPosition = 0;      // Overlay Bit Position within the cell (embedded planes)
    bool hasData = false;     // Overlay Data present
    bool multiFrame = false;  // Number of Frames in Overlay present
    int firstFrame = 0;       // 0-based frame of the plane's first frame (Image Frame Origin - 1)
    int frames = 1;
};

// Every group 6000..601E (even) that has Overlay Rows and Columns.
std::vector<OverlayDefinition> readOverlayDefinitions(DcmItem& item);

// Which of the plane's frames covers image frame `frame`, or nothing when none does.
std::optional<int> planeFrameFor(const OverlayDefinition& definition, int frame);

// The plane's frame `planeFrame` from Overlay Data; nothing when the data are too short.
std::optional<Overlay> overlayFromData(DcmItem& item, const OverlayDefinition& definition,
                                       int planeFrame);

// The plane from bit Overlay Bit Position of each cell; nothing when that bit is part of the
// stored value, lies outside the cell, or the plane's size differs from the image's.
std::optional<Overlay> overlayFromCells(const OverlayDefinition& definition,
                                        const FrameCells& cells);

}  // namespace dicom::detail
