#pragma once
// PS3.15 Annex E Table E.1-1 (2025 edition) as data: for every attribute the Basic Application
// Level Confidentiality Profile names, its action code and whether the Clean Descriptors
// option ("C") or the Retain Longitudinal Temporal Information with Full Dates option ("K")
// overrides it. Private attributes (odd groups) are removed by rule, not listed here.
// Action codes: D dummy value, Z zero length (or dummy), X remove, K keep, C clean,
// U replace UIDs consistently; compounds like "X/Z/D" leave the choice to IOD conformance.
// Thread-safety: immutable data.

#include <cstdint>
#include <vector>

namespace dicom::detail {

enum DeidOption : unsigned { kClean = 1u, kFullDates = 2u };

struct DeidRule {
    std::uint16_t group;
    std::uint16_t element;
    const char* basic;       // the Basic Profile column, e.g. "X/Z/D"
    unsigned options;        // kClean: "C" under Clean Descriptors; kFullDates: "K" under Full Dates
    const char* name;        // the attribute name as the standard writes it
    std::uint16_t groupMask = 0xFFFF;    // 0xFF00 for repeating groups (50xx curves, 60xx overlays)
    std::uint16_t elementMask = 0xFFFF;  // 0x0000: any element of the group
};

// Every rule, in tag order.
const std::vector<DeidRule>& deidRules();

// The rule for an attribute, or nullptr when the table does not name it.
const DeidRule* findDeidRule(std::uint16_t group, std::uint16_t element);

}  // namespace dicom::detail
