#include "dicom/detail/deid_apply.h"

#include <cstring>
#include <vector>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcelem.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcvr.h>

#include "dicom/detail/deid_table.h"

namespace dicom::detail {
namespace {

constexpr int kMaxDepth = 64;

bool isOverlayOrCurveGroup(Uint16 group) {
    return (group >= 0x5000 && group <= 0x501E && group % 2 == 0) || (group >= 0x6000 && group <= 0x601E && group % 2 == 0);
}

bool isText(DcmEVR vr) {
    switch (vr) {
    case EVR_LO: case EVR_LT: case EVR_SH: case EVR_ST: case EVR_UT: case EVR_UC: case EVR_PN:
        return true;
    default:
        return false;
    }
}

// A value consistent with the VR that says nothing (PS3.15 E.1.1 "D").
const char* dummyText(DcmEVR vr) {
    switch (vr) {
    case EVR_DA: return "19000101";
    case EVR_TM: return "000000";
    case EVR_DT: return "19000101000000";
    case EVR_AS: return "000Y";
    case EVR_DS: case EVR_IS: return "0";
    case EVR_AE: return "ANONYMIZED";
    case EVR_UR: return "urn:anonymized";
    default: return "ANONYMIZED";
    }
}

void dummy(DcmElement& e) {
    switch (e.ident()) {
    case EVR_US: e.putUint16(0); break;
    case EVR_SS: e.putSint16(0); break;
    case EVR_UL: e.putUint32(0); break;
    case EVR_SL: e.putSint32(0); break;
    case EVR_FL: e.putFloat32(0); break;
    case EVR_FD: e.putFloat64(0); break;
    case EVR_OB: case EVR_OW: case EVR_UN: case EVR_OF: case EVR_OD: case EVR_OL: case EVR_OV: {
        std::vector<Uint8> zeros(e.getLength() + (e.getLength() & 1), 0);
        e.putUint8Array(zeros.data(), Uint32(zeros.size()));
        break;
    }
    default: e.putString(dummyText(e.ident())); break;
    }
}

std::string mappedUids(DcmElement& e, const UidMapper& uids, std::size_t& count) {
    std::string out;
    for (unsigned long i = 0; i < e.getVM(); ++i) {
        OFString value;
        if (e.getOFString(value, i).bad()) break;
        out += (i ? "\\" : "") + uids.map(value.c_str());
        ++count;
    }
    return out;
}

bool hasValue(DcmElement& e) { return e.getLength() > 0 && (e.ident() != EVR_SQ || static_cast<DcmSequenceOfItems&>(e).card() > 0); }

void clearItems(DcmSequenceOfItems& sq) {
    while (sq.card() > 0) delete sq.remove(0UL);
}

class Processor {
public:
    explicit Processor(DeidContext& c) : m_c(c) {}

    void item(DcmItem& item, int depth) {
        if (depth > kMaxDepth) return;
        // Backwards, so removing an element does not move the ones still to visit.
        for (unsigned long i = item.card(); i-- > 0;) {
            DcmElement* e = item.getElement(i);
            if (e) element(item, *e, depth);
        }
    }

private:
    void element(DcmItem& parent, DcmElement& e, int depth) {
        const Uint16 group = e.getGTag();
        if (group % 2 == 1) return remove(parent, e, m_c.counts.privateRemoved);
        // Without its Overlay Data (X) an overlay plane is incomplete: the whole group goes.
        if (isOverlayOrCurveGroup(group)) return remove(parent, e, m_c.counts.removed);
        const DeidRule* rule = findDeidRule(group, e.getETag());
        if (!rule) return recurse(e, depth);
        apply(parent, e, resolveAction(rule->basic, rule->options, m_c.options, hasValue(e)), depth);
    }

    void apply(DcmItem& parent, DcmElement& e, const std::string& action, int depth) {
        const bool sequence = e.ident() == EVR_SQ;
        if (action == "X") return remove(parent, e, m_c.counts.removed);
        if (action == "K" || action == "U*") return recurse(e, depth);
        if (action == "Z" || (action == "D" && sequence)) return empty(e);
        if (action == "D") {
            dummy(e);
            ++m_c.counts.dummied;
        } else if (action == "U") {
            if (e.ident() != EVR_UI) return sequence ? recurse(e, depth) : remove(parent, e, m_c.counts.removed);
            e.putString(mappedUids(e, m_c.uids, m_c.counts.uidsReplaced).c_str());
        } else if (action == "C") {
            clean(parent, e, depth);
        }
    }

    void clean(DcmItem& parent, DcmElement& e, int depth) {
        if (e.ident() == EVR_SQ) return recurse(e, depth);
        if (!isText(e.ident())) return;
        if (m_c.textUnreadable) return remove(parent, e, m_c.counts.removed);
        OFString value;
        if (e.getOFStringArray(value).bad()) return;
        const std::string scrubbed = m_c.scrubber.scrub(value.c_str());
        if (scrubbed != value.c_str()) e.putString(scrubbed.c_str());
        ++m_c.counts.cleaned;
    }

    void empty(DcmElement& e) {
        if (e.ident() == EVR_SQ)
            clearItems(static_cast<DcmSequenceOfItems&>(e));
        else
            e.clear();
        ++m_c.counts.emptied;
    }

    void recurse(DcmElement& e, int depth) {
        if (e.ident() != EVR_SQ) return;
        auto& sq = static_cast<DcmSequenceOfItems&>(e);
        for (unsigned long i = 0; i < sq.card(); ++i)
            if (DcmItem* child = sq.getItem(i)) item(*child, depth + 1);
    }

    void remove(DcmItem& parent, DcmElement& e, std::size_t& count) {
        delete parent.remove(&e);
        ++count;
    }

    DeidContext& m_c;
};

}  // namespace

std::string resolveAction(const char* basic, unsigned ruleOptions, unsigned options, bool hasValue) {
    if ((options & kClean) && (ruleOptions & kClean)) return "C";
    if ((options & kFullDates) && (ruleOptions & kFullDates)) return "K";
    const std::string code = basic;
    if (code == "X/Z/U*") return "U*";
    if (code.find('D') != std::string::npos && code.size() > 1) return hasValue ? "D" : "Z";
    if (code == "X/Z") return "Z";
    return code;
}

void deidentifyItem(DcmItem& item, DeidContext& context) { Processor(context).item(item, 0); }

}  // namespace dicom::detail
