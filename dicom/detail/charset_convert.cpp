#include "dicom/detail/charset_convert.h"

#include <string>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcelem.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcspchrs.h>

#include "dicom/detail/dataset_fields.h"
#include "dicom/detail/iso2022.h"

namespace dicom::detail {
namespace {

constexpr int kMaxDepth = 64;

bool affected(DcmEVR vr) {
    switch (vr) {
    case EVR_PN: case EVR_LO: case EVR_SH: case EVR_ST: case EVR_LT: case EVR_UT: case EVR_UC:
        return true;
    default:
        return false;
    }
}

bool toolkitCanConvert(const std::string& charset) {
    DcmSpecificCharacterSet probe;
    return probe.selectCharacterSet(charset.c_str(), "ISO_IR 192").good();
}

void decodeItem(DcmItem& item, const std::string& charset, int depth) {
    if (depth > kMaxDepth) return;
    for (unsigned long i = 0; i < item.card(); ++i) {
        DcmElement* e = item.getElement(i);
        if (!e) continue;
        if (e->ident() == EVR_SQ) {
            auto& sq = static_cast<DcmSequenceOfItems&>(*e);
            for (unsigned long k = 0; k < sq.card(); ++k)
                if (DcmItem* child = sq.getItem(k)) decodeItem(*child, charset, depth + 1);
            continue;
        }
        if (!affected(e->ident())) continue;
        OFString raw;
        if (e->getOFStringArray(raw).bad() || raw.empty()) continue;
        e->putString(decodeIso2022(raw.c_str(), charset, e->ident() == EVR_PN).c_str());
    }
}

}  // namespace

bool convertToUtf8(DcmItem& dataset) {
    const std::string charset = allValues(dataset, DCM_SpecificCharacterSet);
    if (charset.empty() || charset == "ISO_IR 192" || charset == "ISO_IR 6") return true;
    if (toolkitCanConvert(charset)) return dataset.convertToUTF8().good();
    if (!iso2022Decodable(charset)) return false;
    decodeItem(dataset, charset, 0);
    dataset.putAndInsertString(DCM_SpecificCharacterSet, "ISO_IR 192");
    return true;
}

}  // namespace dicom::detail
