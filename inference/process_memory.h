#pragma once
// Memory facts of this process and machine, read from /proc on Linux.
// Thread-safety: safe from any thread. Failure: 0 when the figure cannot be read.

#include <cstdint>

namespace inference {

std::uint64_t peakResidentBytes();     // VmHWM of this process
std::uint64_t currentResidentBytes();  // VmRSS of this process
std::uint64_t availableMemoryBytes();  // MemAvailable of the machine

}  // namespace inference
