#include "dicom/detail/voi_lut_read.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcsequen.h>

#include "dicom/detail/dataset_fields.h"
#include "dicom/detail/lut.h"
#include "dicom/detail/utf8.h"

namespace dicom::detail {
namespace {

bool descriptorIsSigned(DcmItem& lutItem) {
    DcmElement* descriptor = nullptr;
    return lutItem.findAndGetElement(DCM_LUTDescriptor, descriptor).good() && descriptor &&
           descriptor->getVR() == EVR_SS;
}

std::optional<VoiLut> readOne(DcmItem& lutItem, bool pixelSigned) {
    auto descriptor =
        readLutDescriptor(lutItem, DCM_LUTDescriptor, pixelSigned || descriptorIsSigned(lutItem));
    if (!descriptor)
        return std::nullopt;
    auto lut = lutFromWords(descriptor.value(), words16(lutItem, DCM_LUTData));
    if (!lut)
        return std::nullopt;
    VoiLut out;
    out.entries = std::move(lut.value().entries);
    out.firstMapped = double(lut.value().firstMapped);
    out.bits = lut.value().bits;
    out.explanation = validUtf8(stringValue(lutItem, DCM_LUTExplanation));
    return out;
}

}  // namespace

std::vector<VoiLut> readVoiLuts(DcmItem& item, bool pixelSigned) {
    std::vector<VoiLut> out;
    DcmSequenceOfItems* sequence = nullptr;
    if (item.findAndGetSequence(DCM_VOILUTSequence, sequence).bad() || !sequence)
        return out;
    for (unsigned long i = 0; i < sequence->card(); ++i)
        if (DcmItem* lutItem = sequence->getItem(i))
            if (auto lut = readOne(*lutItem, pixelSigned))
                out.push_back(std::move(*lut));
    return out;
}

PresentationShape readPresentationShape(DcmItem& item) {
    const std::string shape = stringValue(item, DCM_PresentationLUTShape);
    if (shape == "INVERSE")
        return PresentationShape::Inverse;
    if (shape == "IDENTITY")
        return PresentationShape::Identity;
    return PresentationShape::Unspecified;
}

}  // namespace dicom::detail
