#include "dicom/detail/modality_lut.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcitem.h>

#include "dicom/detail/dataset_fields.h"

namespace dicom::detail {

Result<ModalityTransform> readModalityTransform(DcmItem& item, bool signedInput) {
    ModalityTransform t;
    DcmItem* lutItem = nullptr;
    if (item.findAndGetSequenceItem(DCM_ModalityLUTSequence, lutItem, 0).good() && lutItem) {
        auto descriptor = readLutDescriptor(*lutItem, DCM_LUTDescriptor, signedInput);
        if (!descriptor) return descriptor.error();
        auto lut = lutFromWords(descriptor.value(), words16(*lutItem, DCM_LUTData));
        if (!lut) return lut.error();
        t.lut = std::move(lut).value();
        return t;
    }
    t.slope = doubleValue(item, DCM_RescaleSlope).value_or(1.0);
    t.intercept = doubleValue(item, DCM_RescaleIntercept).value_or(0.0);
    // A zero slope would flatten the image to one value; files that write it mean "no rescale".
    if (t.slope == 0.0) t.slope = 1.0;
    return t;
}

std::vector<float> applyModality(const std::vector<std::int64_t>& samples, const ModalityTransform& t) {
    std::vector<float> out(samples.size());
    if (t.lut) {
        for (std::size_t i = 0; i < samples.size(); ++i) out[i] = float(t.lut->lookup(samples[i]));
        return out;
    }
    for (std::size_t i = 0; i < samples.size(); ++i)
        out[i] = static_cast<float>(double(samples[i]) * t.slope + t.intercept);
    return out;
}

}  // namespace dicom::detail
