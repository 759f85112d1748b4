#pragma once
// A decoder for text in a DICOM Specific Character Set with ISO 2022 code extensions (PS3.5
// 6.1.2.5, PS3.3 C.12.1.1.2), for what DCMTK cannot convert with the system's iconv: glibc has
// no JIS X 0208 / 0212 table under the names DCMTK asks for, and DCMTK refuses a single-valued
// "ISO 2022 IR 100"-style term. Each run between escape sequences goes through an iconv
// encoding glibc has (EUC-JP for JIS X 0208 and 0212, EUC-KR, GB2312, ISO 8859 parts,
// TIS-620); JIS X 0201 katakana maps directly. The state returns to the initial one (set by the
// first value of Specific Character Set) at value delimiters and control characters, and for
// person names at component group and component delimiters ('=' and '^').
// Thread-safety: pure functions (iconv descriptors are per call).

#include <string>

namespace dicom::detail {

// True when `specificCharacterSet` (values joined with '\') uses ISO 2022 terms this decoder
// understands, and nothing else.
bool iso2022Decodable(const std::string& specificCharacterSet);

// `raw`: the value's bytes (several values joined with '\'). Undecodable bytes become U+FFFD.
std::string decodeIso2022(const std::string& raw, const std::string& specificCharacterSet, bool personName);

}  // namespace dicom::detail
