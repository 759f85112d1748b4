#pragma once
// SHA-256 (FIPS 180-4), for deriving replacement UIDs that cannot be traced back to the
// originals without the secret of the de-identification run.
// Thread-safety: a pure function.

#include <array>
#include <cstdint>
#include <string>

namespace dicom::detail {

std::array<std::uint8_t, 32> sha256(const std::string& message);

}  // namespace dicom::detail
