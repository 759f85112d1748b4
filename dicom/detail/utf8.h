#pragma once
// Guarantees valid UTF-8 in every string the module hands out, whatever a file's character set
// claims: invalid byte sequences become U+FFFD.
// Thread-safety: a pure function.

#include <string>

namespace dicom::detail {

std::string validUtf8(const std::string& text);

}  // namespace dicom::detail
