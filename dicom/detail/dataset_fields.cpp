#include "dicom/detail/dataset_fields.h"

#include <cmath>
#include <cstdlib>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcelem.h>
#include <dcmtk/dcmdata/dcitem.h>

namespace dicom::detail {
namespace {

std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    const auto last = s.find_last_not_of(" \t\r\n");
    return s.substr(first, last - first + 1);
}

DcmElement* element(DcmItem& item, const DcmTagKey& tag) {
    DcmElement* elem = nullptr;
    if (item.findAndGetElement(tag, elem, OFFalse).bad()) return nullptr;
    return elem;
}

// Numbers stored as text (IS, DS, or a string where a number was expected): parse leniently,
// because writers pad with spaces and some use a leading '+'.
std::optional<double> parseNumber(const std::string& text) {
    const std::string t = trimmed(text);
    if (t.empty()) return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(t.c_str(), &end);
    if (end == t.c_str() || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::optional<double> binaryNumber(DcmElement& elem, unsigned long index) {
    switch (elem.ident()) {
    case EVR_US: { Uint16 v = 0; if (elem.getUint16(v, index).good()) return v; break; }
    case EVR_SS: { Sint16 v = 0; if (elem.getSint16(v, index).good()) return v; break; }
    case EVR_UL: { Uint32 v = 0; if (elem.getUint32(v, index).good()) return v; break; }
    case EVR_SL: { Sint32 v = 0; if (elem.getSint32(v, index).good()) return v; break; }
    case EVR_FL: { Float32 v = 0; if (elem.getFloat32(v, index).good()) return v; break; }
    case EVR_FD: { Float64 v = 0; if (elem.getFloat64(v, index).good()) return v; break; }
    default: break;
    }
    return std::nullopt;
}

bool isTextual(DcmElement& elem) {
    switch (elem.ident()) {
    case EVR_US: case EVR_SS: case EVR_UL: case EVR_SL: case EVR_FL: case EVR_FD:
    case EVR_OB: case EVR_OW: case EVR_SQ: case EVR_UN:
        return false;
    default:
        return true;
    }
}

}  // namespace

std::string stringValue(DcmItem& item, const DcmTagKey& tag, unsigned long index) {
    OFString value;
    if (item.findAndGetOFString(tag, value, index).bad()) return {};
    return trimmed(value.c_str());
}

std::string allValues(DcmItem& item, const DcmTagKey& tag) {
    OFString value;
    if (item.findAndGetOFStringArray(tag, value).bad()) return {};
    return trimmed(value.c_str());
}

std::optional<double> doubleValue(DcmItem& item, const DcmTagKey& tag, unsigned long index) {
    DcmElement* elem = element(item, tag);
    if (!elem || index >= elem->getVM()) return std::nullopt;
    if (!isTextual(*elem)) return binaryNumber(*elem, index);
    OFString text;
    if (elem->getOFString(text, index).bad()) return std::nullopt;
    return parseNumber(text.c_str());
}

std::optional<long> intValue(DcmItem& item, const DcmTagKey& tag, unsigned long index) {
    const auto v = doubleValue(item, tag, index);
    if (!v || std::fabs(*v) > 2147483647.0) return std::nullopt;
    return static_cast<long>(std::lround(*v));
}

std::vector<double> doubleValues(DcmItem& item, const DcmTagKey& tag) {
    std::vector<double> out;
    DcmElement* elem = element(item, tag);
    if (!elem) return out;
    const unsigned long count = elem->getVM();
    for (unsigned long i = 0; i < count; ++i) {
        const auto v = doubleValue(item, tag, i);
        if (!v) return {};
        out.push_back(*v);
    }
    return out;
}

std::optional<unsigned> word16(DcmItem& item, const DcmTagKey& tag, unsigned long index) {
    DcmElement* elem = element(item, tag);
    if (!elem) return std::nullopt;
    Uint16 u = 0;
    if (elem->getUint16(u, index).good()) return u;
    Sint16 s = 0;
    if (elem->getSint16(s, index).good()) return static_cast<Uint16>(s);
    return std::nullopt;
}

std::vector<unsigned short> words16(DcmItem& item, const DcmTagKey& tag) {
    DcmElement* elem = element(item, tag);
    if (!elem) return {};
    Uint16* words = nullptr;
    if (elem->getUint16Array(words).good() && words)
        return {words, words + elem->getLength() / 2};
    Sint16* signedWords = nullptr;
    if (elem->getSint16Array(signedWords).good() && signedWords) {
        const auto* w = reinterpret_cast<const Uint16*>(signedWords);
        return {w, w + elem->getLength() / 2};
    }
    // 8-bit LUT data written as OB by some writers: expose it as little-endian words.
    Uint8* bytes = nullptr;
    if (elem->getUint8Array(bytes).good() && bytes) {
        std::vector<unsigned short> out((elem->getLength() + 1) / 2, 0);
        for (Uint32 i = 0; i < elem->getLength(); ++i)
            out[i / 2] = static_cast<unsigned short>(out[i / 2] | (bytes[i] << (8 * (i % 2))));
        return out;
    }
    return {};
}

}  // namespace dicom::detail
