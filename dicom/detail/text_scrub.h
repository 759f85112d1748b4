#pragma once
// The Clean Descriptors option's "C" action for free text (descriptions, comments, protocol
// names): the text is kept, but every identifier that the same dataset carries elsewhere is
// masked with '*' of the same length (so the value keeps its VR's length limit): components
// of every person name, patient and other IDs, the accession number, institution names and
// addresses, and the birth date in the usual spellings (19800102, 1980-01-02, 02.01.1980,
// 02/01/1980, 01/02/1980). Names and IDs match as whole words, ignoring case.
// Thread-safety: immutable after construction.

#include <string>
#include <vector>

class DcmItem;

namespace dicom::detail {

class IdentifierScrubber {
public:
    // Collects the identifiers of `dataset` (UTF-8 text expected) before it is changed.
    explicit IdentifierScrubber(DcmItem& dataset);
    // For tests and callers that know the identifiers themselves.
    explicit IdentifierScrubber(std::vector<std::string> identifiers);

    std::string scrub(const std::string& text) const;
    const std::vector<std::string>& identifiers() const { return m_identifiers; }

private:
    void add(const std::string& identifier);
    std::vector<std::string> m_identifiers;  // longest first, so "Anne Marie" masks before "Anne"
};

}  // namespace dicom::detail
