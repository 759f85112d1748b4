#pragma once
// Walks a DCMTK item into TagNode trees for dumpTags, within the node and depth limits.
// Internal to dicom/: DCMTK types never leave this folder.
// Thread-safety: one TagTreeBuilder per call.

#include <vector>

#include "dicom/tag_dump.h"

class DcmItem;
class DcmElement;

namespace dicom::detail {

class TagTreeBuilder {
public:
    explicit TagTreeBuilder(const TagDumpOptions& options) : m_options(options) {}

    std::vector<TagNode> build(DcmItem& item) { return children(item, 0); }
    bool limited() const { return m_limited; }

private:
    std::vector<TagNode> children(DcmItem& item, int depth);
    TagNode node(DcmElement& element, int depth);
    TagNode sequence(DcmElement& element, TagNode out, int depth);
    bool take();  // counts a node; false once the limit is reached

    const TagDumpOptions& m_options;
    std::size_t m_nodes = 0;
    bool m_limited = false;
};

// The value of one element as text (no children), per the options' limits.
std::string elementText(DcmElement& element, const TagDumpOptions& options, bool& truncated);

}  // namespace dicom::detail
