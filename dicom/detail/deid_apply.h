#pragma once
// Applies the PS3.15 E.1-1 actions to a dataset, at every nesting level: private attributes
// and overlay/curve groups removed, listed attributes removed (X), emptied (Z), given a dummy
// value (D), kept (K), cleaned of identifiers (C) or given consistent replacement UIDs (U).
// Compound codes are resolved so the result stays valid for any IOD: X/Z empties, a code with
// D gives a dummy to a non-empty value (an empty one stays empty), X/Z/U* keeps a reference
// sequence with its UIDs replaced. A sequence that must be emptied or dummied loses its items.
// Internal to dicom/: DCMTK types never leave this folder.
// Thread-safety: one DeidContext per dataset.

#include <cstddef>
#include <string>

#include "dicom/detail/text_scrub.h"
#include "dicom/detail/uid_mapper.h"

class DcmItem;

namespace dicom::detail {

struct DeidCounts {
    std::size_t removed = 0;
    std::size_t emptied = 0;
    std::size_t dummied = 0;
    std::size_t cleaned = 0;
    std::size_t uidsReplaced = 0;
    std::size_t privateRemoved = 0;
};

struct DeidContext {
    const UidMapper& uids;
    const IdentifierScrubber& scrubber;
    unsigned options = 0;          // DeidOption bits
    bool textUnreadable = false;   // the character set could not be converted: C removes
    DeidCounts counts;
};

void deidentifyItem(DcmItem& item, DeidContext& context);

// The action a rule's code comes to under the options: one of "X", "Z", "D", "K", "C", "U",
// "U*" (keep the sequence, replace the UIDs inside).
std::string resolveAction(const char* basic, unsigned ruleOptions, unsigned options, bool hasValue);

}  // namespace dicom::detail
