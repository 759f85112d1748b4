#include "dicom/detail/tag_tree.h"

#include <cstdio>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcelem.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcvr.h>

#include "dicom/detail/utf8.h"

namespace dicom::detail {
namespace {

constexpr Uint32 kMaxLoadedBytes = 1u << 20;  // larger values are summarised, never read

enum class Kind { Text, Number, Binary, Sequence };

Kind kindOf(DcmEVR vr) {
    switch (vr) {
    case EVR_SQ: return Kind::Sequence;
    case EVR_US: case EVR_SS: case EVR_UL: case EVR_SL: case EVR_FL: case EVR_FD: case EVR_AT:
    case EVR_SV: case EVR_UV: case EVR_OF: case EVR_OD: case EVR_OL: case EVR_OV: case EVR_xs:
        return Kind::Number;
    case EVR_OB: case EVR_OW: case EVR_UN: case EVR_ox: case EVR_px: case EVR_pixelSQ: case EVR_lt:
    case EVR_PixelData: case EVR_OverlayData: case EVR_pixelItem:
        return Kind::Binary;
    default:
        return Kind::Text;
    }
}

// Cuts at a character boundary so the result stays valid UTF-8.
std::string cut(const std::string& text, std::size_t maxBytes, bool& truncated) {
    if (text.size() <= maxBytes) return text;
    std::size_t end = maxBytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    truncated = true;
    return text.substr(0, end) + "\xE2\x80\xA6";  // an ellipsis
}

std::string bytesText(Uint32 length) { return "(binary, " + std::to_string(length) + " bytes)"; }

std::string hexText(DcmElement& e) {
    Uint8* bytes = nullptr;
    if (e.getUint8Array(bytes).bad() || !bytes) return bytesText(e.getLength());
    std::string out;
    for (Uint32 i = 0; i < e.getLength(); ++i) {
        char hex[4];
        std::snprintf(hex, sizeof hex, "%s%02X", i ? " " : "", bytes[i]);
        out += hex;
    }
    return out;
}

std::string binaryText(DcmElement& e) {
    if (e.getTag() == DCM_PixelData) {
        if (e.getLength() == DCM_UndefinedLength) return "(compressed pixel data)";
        return "(pixel data, " + std::to_string(e.getLength()) + " bytes)";
    }
    // Short binary values (a few flags, a private version) are worth showing.
    return e.getLength() <= 32 ? hexText(e) : bytesText(e.getLength());
}

std::string numberText(DcmElement& e, const TagDumpOptions& o, bool& truncated) {
    const unsigned long count = e.getVM();
    std::string out;
    for (unsigned long i = 0; i < count && i < o.maxValues; ++i) {
        OFString v;
        if (e.getOFString(v, i).bad()) break;
        out += (i ? "\\" : "") + std::string(v.c_str());
    }
    if (count > o.maxValues) {
        truncated = true;
        out += "\\\xE2\x80\xA6 (" + std::to_string(count) + " values)";
    }
    return out;
}

std::string keywordOf(DcmElement& e) {
    DcmTag tag = e.getTag();  // the dictionary lookup is not const
    const char* name = tag.getTagName();
    if (!name || std::string(name) == DcmTag_ERROR_TagName) return {};
    return name;
}

}  // namespace

std::string elementText(DcmElement& e, const TagDumpOptions& o, bool& truncated) {
    const Uint32 length = e.getLength();
    const Kind kind = kindOf(e.ident());
    if (kind == Kind::Binary) return binaryText(e);
    if (length > kMaxLoadedBytes && length != DCM_UndefinedLength) {
        truncated = true;
        return kind == Kind::Text ? "(text, " + std::to_string(length) + " bytes)" : bytesText(length);
    }
    if (kind == Kind::Number) return numberText(e, o, truncated);
    OFString value;
    if (e.getOFStringArray(value).bad()) return {};
    return cut(validUtf8(value.c_str()), o.maxValueBytes, truncated);
}

bool TagTreeBuilder::take() {
    if (m_nodes >= m_options.maxNodes) {
        m_limited = true;
        return false;
    }
    ++m_nodes;
    return true;
}

std::vector<TagNode> TagTreeBuilder::children(DcmItem& item, int depth) {
    std::vector<TagNode> out;
    for (unsigned long i = 0; i < item.card(); ++i) {
        DcmElement* element = item.getElement(i);
        if (!element || !take()) break;
        out.push_back(node(*element, depth));
    }
    return out;
}

TagNode TagTreeBuilder::node(DcmElement& e, int depth) {
    TagNode out;
    out.group = e.getGTag();
    out.element = e.getETag();
    out.keyword = keywordOf(e);
    out.vr = DcmVR(e.getVR()).getValidVRName();
    out.length = e.getLength();
    if (e.ident() == EVR_SQ) return sequence(e, std::move(out), depth);
    out.value = elementText(e, m_options, out.truncated);
    return out;
}

TagNode TagTreeBuilder::sequence(DcmElement& e, TagNode out, int depth) {
    auto& sq = static_cast<DcmSequenceOfItems&>(e);
    const unsigned long count = sq.card();
    out.value = std::to_string(count) + (count == 1 ? " item" : " items");
    if (depth >= m_options.maxDepth) {
        out.truncated = true;
        return out;
    }
    for (unsigned long i = 0; i < count; ++i) {
        DcmItem* item = sq.getItem(i);
        if (!item || !take()) break;
        TagNode child;
        child.group = 0xFFFE;
        child.element = 0xE000;
        child.keyword = "Item";
        child.value = "#" + std::to_string(i + 1);
        child.length = item->getLength();
        child.children = children(*item, depth + 1);
        out.children.push_back(std::move(child));
    }
    return out;
}

}  // namespace dicom::detail
