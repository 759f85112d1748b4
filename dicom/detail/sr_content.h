#pragma once
// Internal: the content tree of the report SR (layout in dicom/sr_report.h), built into a
// DCMTK document tree.
// Thread-safety: re-entrant.

#include <string>

#include "dicom/sr_report.h"

class DSRDocumentTree;

namespace dicom::detail {

// The local coding scheme of the workstation's own concept names (sections without a standard
// heading, provenance details). Listed in the Coding Scheme Identification Sequence.
inline constexpr const char* kLocalScheme = "99MGW";

// A stable code value of the local scheme for a label: its letters and digits, upper-cased,
// at most 16 characters (SH), e.g. "Prompt template" -> "PROMPTTEMPLATE".
std::string localCodeValue(const std::string& label);

// Fills an empty tree. Returns an empty string, or what DCMTK refused.
std::string buildContentTree(DSRDocumentTree& tree, const SrReport& report,
                             const std::string& deviceUid);

}  // namespace dicom::detail
