#pragma once
// Unpacking native (uncompressed) pixel samples, PS3.5 section 8 and annex D: each sample sits
// in a Bits Allocated cell, its Bits Stored bits end at High Bit, and Pixel Representation 1
// means two's complement within Bits Stored. Done here rather than by a toolkit so that the
// arithmetic (masking, sign extension, 32-bit values) is ours and tested.
// Thread-safety: pure functions.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace dicom::detail {

struct SampleCoding {
    int bitsAllocated = 16;  // 1, 8, 16 or 32
    int bitsStored = 16;     // 1..bitsAllocated
    int highBit = 15;        // bitsStored-1 .. bitsAllocated-1
    bool isSigned = false;   // Pixel Representation 1
};

// Unpacks `count` samples from `bytes` (the little-endian byte stream of the Pixel Data value,
// starting `bitOffset` bits into the first byte; non-zero only for 1-bit frames that do not
// start on a byte boundary). The caller guarantees that `byteCount` covers every sample.
std::vector<std::int64_t> unpackSamples(const std::uint8_t* bytes, std::size_t byteCount,
                                        unsigned bitOffset, std::size_t count,
                                        const SampleCoding& coding);

}  // namespace dicom::detail
