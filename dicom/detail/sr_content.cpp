#include "dicom/detail/sr_content.h"

#include <cctype>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmsr/codes/dcm.h>
#include <dcmtk/dcmsr/dsrdoctr.h>

namespace dicom::detail {
namespace {

// Section headings of CID 7001 (Diagnostic Imaging Report Headings) and the TEXT concept each
// section's narrative carries.
struct Heading {
    DSRCodedEntryValue container;
    DSRCodedEntryValue text;
};

Heading headingFor(const SrSection& section) {
    switch (section.kind) {
        case SrSectionKind::Findings:
            return {DSRCodedEntryValue("59776-5", "LN", "Procedure Findings"), CODE_DCM_Finding};
        case SrSectionKind::Impression:
            return {DSRCodedEntryValue("19005-8", "LN", "Impressions"), CODE_DCM_Impression};
        case SrSectionKind::Other:
            break;
    }
    const std::string title = section.title.empty() ? std::string("Section") : section.title;
    return {DSRCodedEntryValue(localCodeValue(title).c_str(), kLocalScheme, title.c_str()),
            CODE_DCM_Comment};
}

std::string languageName(const std::string& code) {
    if (code == "en") {
        return "English";
    }
    if (code == "pt") {
        return "Portuguese";
    }
    if (code == "es") {
        return "Spanish";
    }
    if (code == "zh") {
        return "Chinese";
    }
    return code;
}

// Adds one item next to (or below) the cursor and gives it a concept name.
class TreeBuilder {
public:
    explicit TreeBuilder(DSRDocumentTree& tree) : m_tree(tree) {}

    bool add(DSRTypes::E_RelationshipType relation, DSRTypes::E_ValueType type,
             const DSRCodedEntryValue* concept, bool below) {
        const auto mode = below ? DSRTypes::AM_belowCurrent : DSRTypes::AM_afterCurrent;
        if (m_tree.addContentItem(relation, type, mode) == 0) {
            return fail("an item the SR IOD does not allow");
        }
        if (concept && m_tree.getCurrentContentItem().setConceptName(*concept).bad()) {
            return fail("concept name " + std::string(concept->getCodeMeaning().c_str()));
        }
        return true;
    }
    bool text(DSRTypes::E_RelationshipType relation, const DSRCodedEntryValue& concept,
              const std::string& value, bool below) {
        return add(relation, DSRTypes::VT_Text, &concept, below) &&
               check(m_tree.getCurrentContentItem().setStringValue(value.c_str(), false), "text");
    }
    bool code(DSRTypes::E_RelationshipType relation, const DSRCodedEntryValue& concept,
              const DSRCodedEntryValue& value, bool below) {
        return add(relation, DSRTypes::VT_Code, &concept, below) &&
               check(m_tree.getCurrentContentItem().setCodeValue(value), "code");
    }
    bool uid(DSRTypes::E_RelationshipType relation, const DSRCodedEntryValue& concept,
             const std::string& value, bool below) {
        return add(relation, DSRTypes::VT_UIDRef, &concept, below) &&
               check(m_tree.getCurrentContentItem().setStringValue(value.c_str()), "UID");
    }
    bool image(const SrReference& ref, bool below) {
        if (!add(DSRTypes::RT_contains, DSRTypes::VT_Image, nullptr, below)) {
            return false;
        }
        DSRImageReferenceValue value(ref.sopClassUid.c_str(), ref.sopInstanceUid.c_str());
        if (ref.frame > 0) {
            value.getFrameList().addItem(Sint32(ref.frame));
        }
        return check(m_tree.getCurrentContentItem().setImageReference(value, false), "image");
    }
    void up() { m_tree.goUp(); }
    const std::string& error() const { return m_error; }

private:
    bool check(const OFCondition& condition, const std::string& what) {
        return condition.good() || fail(what + ": " + condition.text());
    }
    bool fail(const std::string& what) {
        m_error = what;
        return false;
    }

    DSRDocumentTree& m_tree;
    std::string m_error;
};

bool addObserverContext(TreeBuilder& b, const SrReport& report, const std::string& deviceUid) {
    const auto obs = DSRTypes::RT_hasObsContext;
    return b.code(obs, CODE_DCM_ObserverType, CODE_DCM_Device, false) &&
           b.uid(obs, CODE_DCM_DeviceObserverUID, deviceUid, false) &&
           (report.device.name.empty() ||
            b.text(obs, CODE_DCM_DeviceObserverName, report.device.name, false)) &&
           (report.device.manufacturer.empty() ||
            b.text(obs, CODE_DCM_DeviceObserverManufacturer, report.device.manufacturer, false)) &&
           (report.device.modelName.empty() ||
            b.text(obs, CODE_DCM_DeviceObserverModelName, report.device.modelName, false));
}

bool addSection(TreeBuilder& b, const SrSection& section, const std::vector<SrReference>& images) {
    const Heading heading = headingFor(section);
    if (!b.add(DSRTypes::RT_contains, DSRTypes::VT_Container, &heading.container, false) ||
        !b.text(DSRTypes::RT_contains, heading.text, section.text, true)) {
        return false;
    }
    for (const SrReference& ref : images) {
        if (!b.image(ref, false)) {
            return false;
        }
    }
    b.up();
    return true;
}

bool addProvenance(TreeBuilder& b, const SrProvenance& p) {
    std::vector<std::pair<DSRCodedEntryValue, std::string>> items{
        {CODE_DCM_AlgorithmName, p.algorithmName},
        {CODE_DCM_AlgorithmVersion, p.algorithmVersion},
        {CODE_DCM_AlgorithmParameters, p.algorithmParameters}};
    for (const SrDetail& d : p.details) {
        items.emplace_back(
            DSRCodedEntryValue(localCodeValue(d.label).c_str(), kLocalScheme, d.label.c_str()),
            d.text);
    }
    const DSRCodedEntryValue concept("PROV", kLocalScheme, "AI draft provenance");
    bool opened = false;
    for (const auto& [name, value] : items) {
        if (value.empty()) {
            continue;
        }
        if (!opened && !b.add(DSRTypes::RT_contains, DSRTypes::VT_Container, &concept, false)) {
            return false;
        }
        if (!b.text(DSRTypes::RT_contains, name, value, !opened)) {
            return false;
        }
        opened = true;
    }
    if (opened) {
        b.up();
    }
    return true;
}

// The section that lists the images the draft read: the findings, else the last section.
int imageSectionIndex(const std::vector<SrSection>& sections) {
    int index = -1;
    for (int i = 0; i < int(sections.size()); ++i) {
        if (sections[std::size_t(i)].text.empty()) {
            continue;
        }
        index = i;
        if (sections[std::size_t(i)].kind == SrSectionKind::Findings) {
            break;
        }
    }
    return index;
}

}  // namespace

std::string localCodeValue(const std::string& label) {
    std::string value;
    for (unsigned char c : label) {
        if (std::isalnum(c) && value.size() < 16) {
            value += char(std::toupper(c));
        }
    }
    return value.empty() ? std::string("ITEM") : value;
}

std::string buildContentTree(DSRDocumentTree& tree, const SrReport& report,
                             const std::string& deviceUid) {
    TreeBuilder b(tree);
    const DSRCodedEntryValue title("18748-4", "LN", "Diagnostic imaging report");
    if (!b.add(DSRTypes::RT_isRoot, DSRTypes::VT_Container, &title, false)) {
        return b.error();
    }
    tree.getCurrentContentItem().setContinuityOfContent(DSRTypes::COC_Separate);
    const DSRCodedEntryValue language(report.language.c_str(), "RFC5646",
                                      languageName(report.language).c_str());
    bool ok = b.code(DSRTypes::RT_hasConceptMod, CODE_DCM_LanguageOfContentItemAndDescendants,
                     language, true) &&
              addObserverContext(b, report, deviceUid);
    const int imageSection = imageSectionIndex(report.sections);
    for (int i = 0; ok && i < int(report.sections.size()); ++i) {
        const SrSection& section = report.sections[std::size_t(i)];
        if (!section.text.empty()) {
            ok = addSection(b, section,
                            i == imageSection ? report.evidence : std::vector<SrReference>{});
        }
    }
    ok = ok && (report.reviewStatement.empty() ||
                b.text(DSRTypes::RT_contains, CODE_DCM_Comment, report.reviewStatement, false));
    ok = ok && addProvenance(b, report.provenance);
    return ok ? std::string() : b.error();
}

}  // namespace dicom::detail
