#include "dicom/detail/pixel_padding.h"

#include <algorithm>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcitem.h>

#include "dicom/detail/dataset_fields.h"

namespace dicom::detail {
namespace {

// The attributes are US or SS by Pixel Representation, but implicit VR files leave the choice
// to the reader: the 16 bits are what matter.
std::optional<std::int64_t> storedValue(DcmItem& item, const DcmTagKey& tag, bool pixelSigned) {
    const auto word = word16(item, tag);
    if (!word)
        return std::nullopt;
    return pixelSigned ? std::int64_t(std::int16_t(std::uint16_t(*word))) : std::int64_t(*word);
}

}  // namespace

std::optional<std::pair<float, float>> readPaddingRange(DcmItem& item, bool pixelSigned,
                                                        const ModalityTransform& transform) {
    const auto value = storedValue(item, DCM_PixelPaddingValue, pixelSigned);
    if (!value)
        return std::nullopt;
    const auto limit = storedValue(item, DCM_PixelPaddingRangeLimit, pixelSigned).value_or(*value);
    const auto mapped = applyModality({*value, limit}, transform);
    return std::make_pair(std::min(mapped[0], mapped[1]), std::max(mapped[0], mapped[1]));
}

}  // namespace dicom::detail
