#pragma once
// Pixel Padding Value and Pixel Padding Range Limit (PS3.3 C.7.5.1.1.2): stored values that mark
// pixels outside the scanned field (the corners of a round CT field of view). They are given
// in the pixels' own representation and become modality values here, so that display defaults
// can leave them out.
// Thread-safety: pure functions over the item they are given.

#include <optional>
#include <utility>

#include "dicom/detail/modality_lut.h"

class DcmItem;

namespace dicom::detail {

// The inclusive range of modality values that are padding, or nothing without padding.
std::optional<std::pair<float, float>> readPaddingRange(DcmItem& item, bool pixelSigned,
                                                        const ModalityTransform& transform);

}  // namespace dicom::detail
