#pragma once
// The Modality LUT stage (PS3.3 C.11.1): stored values to modality units (HU for CT) through
// either Rescale Slope/Intercept or a Modality LUT Sequence. Computed in double and stored as
// float, so negative HU from unsigned storage with a negative intercept stay negative.
// Thread-safety: plain values and pure functions.

#include <cstdint>
#include <optional>
#include <vector>

#include "dicom/detail/lut.h"
#include "dicom/result.h"

class DcmItem;

namespace dicom::detail {

struct ModalityTransform {
    std::optional<Lut> lut;  // when present it replaces slope and intercept
    double slope = 1.0;
    double intercept = 0.0;
};

// Reads the transform of a grey image; `signedInput` is Pixel Representation 1.
Result<ModalityTransform> readModalityTransform(DcmItem& item, bool signedInput);

std::vector<float> applyModality(const std::vector<std::int64_t>& samples, const ModalityTransform& transform);

}  // namespace dicom::detail
