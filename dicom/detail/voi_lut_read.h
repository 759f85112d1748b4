#pragma once
// Reading the display attributes that follow the Modality LUT: the VOI LUT Sequence (PS3.3
// C.11.2.1.1) and Presentation LUT Shape (2050,0020).
// Thread-safety: pure functions over the item they are given.

#include <vector>

#include "dicom/study.h"

class DcmItem;

namespace dicom::detail {

// Every readable table of the VOI LUT Sequence in file order; malformed items are left out (the
// windows or min/max still display the image). `pixelSigned` is Pixel Representation 1, which
// makes the descriptor's first mapped value signed, as an SS descriptor does.
std::vector<VoiLut> readVoiLuts(DcmItem& item, bool pixelSigned);

PresentationShape readPresentationShape(DcmItem& item);

}  // namespace dicom::detail
