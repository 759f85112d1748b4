#pragma once
// Typed reads of DICOM attributes over DCMTK, tolerant of the value representations found in
// real files (US vs SS descriptors, DS/IS strings with stray spaces, missing values).
// Internal to dicom/: DCMTK types never leave this folder.
// Thread-safety: stateless; each call reads only the item it is given.

#include <optional>
#include <string>
#include <vector>

class DcmItem;
class DcmTagKey;

namespace dicom::detail {

// The value at `index` of a string attribute, trimmed of padding; empty when absent.
std::string stringValue(DcmItem& item, const DcmTagKey& tag, unsigned long index = 0);

// Every value of a multi-valued string attribute joined with '\' (Image Type, etc.).
std::string allValues(DcmItem& item, const DcmTagKey& tag);

// A US/SS/IS/DS attribute as an integer; nullopt when absent or unparsable.
std::optional<long> intValue(DcmItem& item, const DcmTagKey& tag, unsigned long index = 0);

// A DS/FD/FL/IS attribute as double; nullopt when absent or unparsable.
std::optional<double> doubleValue(DcmItem& item, const DcmTagKey& tag, unsigned long index = 0);

// Every numeric value of a DS/IS attribute (e.g. Image Position Patient); empty when absent.
std::vector<double> doubleValues(DcmItem& item, const DcmTagKey& tag);

// The raw 16-bit pattern of value `index` of a US/SS/OW attribute (LUT descriptors are US or SS
// depending on the writer; the bits are what matter).
std::optional<unsigned> word16(DcmItem& item, const DcmTagKey& tag, unsigned long index = 0);

// Every 16-bit word of a US/SS/OW attribute (LUT data); empty when absent.
std::vector<unsigned short> words16(DcmItem& item, const DcmTagKey& tag);

}  // namespace dicom::detail
