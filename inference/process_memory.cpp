#include "inference/process_memory.h"

#include <fstream>
#include <sstream>
#include <string>

namespace inference {
namespace {

// Reads "<key>: <n> kB" from a /proc file.
std::uint64_t readKilobytes(const char* file, const std::string& key) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (line.compare(0, key.size(), key) == 0 && line.size() > key.size() &&
            line[key.size()] == ':') {
            std::istringstream fields(line.substr(key.size() + 1));
            std::uint64_t kb = 0;
            fields >> kb;
            return kb * 1024;
        }
    }
    return 0;
}

}  // namespace

std::uint64_t peakResidentBytes() { return readKilobytes("/proc/self/status", "VmHWM"); }
std::uint64_t currentResidentBytes() { return readKilobytes("/proc/self/status", "VmRSS"); }
std::uint64_t availableMemoryBytes() { return readKilobytes("/proc/meminfo", "MemAvailable"); }

}  // namespace inference
