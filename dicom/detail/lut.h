#pragma once
// Lookup tables of the Image Pixel and Modality LUT modules: Palette Color LUTs (PS3.3
// C.7.6.3.1.5-6, C.7.9 segmented), and the Modality LUT Sequence (C.11.1). A descriptor is
// (number of entries, 0 meaning 65536; first mapped input value, signed when the pixels are;
// bits per entry, 8 or 16).
// Thread-safety: plain values and pure functions.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "dicom/result.h"

class DcmItem;
class DcmTagKey;

namespace dicom::detail {

struct Lut {
    std::vector<std::uint16_t> entries;  // never empty once read
    std::int64_t firstMapped = 0;        // the input value that maps to entries[0]
    int bits = 16;                       // bits per entry: 8 or 16

    // Inputs below the first mapped value take the first entry, inputs beyond the table the
    // last one (PS3.3 C.11.1.1.1).
    std::uint16_t lookup(std::int64_t input) const {
        const std::int64_t last = std::int64_t(entries.size()) - 1;
        return entries[std::size_t(std::clamp<std::int64_t>(input - firstMapped, 0, last))];
    }
};

struct LutDescriptor {
    std::size_t entries = 0;
    std::int64_t firstMapped = 0;
    int bits = 16;
};

// Reads a three-valued descriptor; `signedInput` when Pixel Representation is 1.
Result<LutDescriptor> readLutDescriptor(DcmItem& item, const DcmTagKey& tag, bool signedInput);

// Turns LUT Data words (16-bit, as stored) into entries: 16-bit entries one per word; 8-bit
// entries either packed two per word (low byte first) or, as many writers do, one per word.
Result<Lut> lutFromWords(const LutDescriptor& descriptor, const std::vector<std::uint16_t>& words);

// Expands Segmented Palette Color LUT Data (discrete, linear and indirect segments; C.7.9.2).
Result<Lut> lutFromSegments(const LutDescriptor& descriptor, const std::vector<std::uint16_t>& words);

}  // namespace dicom::detail
