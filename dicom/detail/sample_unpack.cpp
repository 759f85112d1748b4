#include "dicom/detail/sample_unpack.h"

#include <cassert>

namespace dicom::detail {
namespace {

// Cells are little endian in the stream; assembling them byte by byte keeps this independent
// of the host's byte order and of alignment.
template <int Bytes>
std::uint32_t cellAt(const std::uint8_t* p) {
    std::uint32_t v = 0;
    for (int b = 0; b < Bytes; ++b) v |= std::uint32_t(p[b]) << (8 * b);
    return v;
}

template <int Bytes>
void unpackCells(const std::uint8_t* bytes, std::size_t count, const SampleCoding& c,
                 std::int64_t* out) {
    const int shift = c.highBit + 1 - c.bitsStored;
    const std::uint64_t mask = (std::uint64_t(1) << c.bitsStored) - 1;
    const std::uint64_t signBit = std::uint64_t(1) << (c.bitsStored - 1);
    const std::int64_t range = std::int64_t(1) << c.bitsStored;
    for (std::size_t i = 0; i < count; ++i) {
        const std::uint64_t v = (std::uint64_t(cellAt<Bytes>(bytes + i * Bytes)) >> shift) & mask;
        // Sign-extend from Bits Stored, not from the cell: a 12-bit signed value in a 16-bit
        // cell has its sign in bit 11, and bits above High Bit may hold overlay garbage.
        out[i] = (c.isSigned && (v & signBit)) ? std::int64_t(v) - range : std::int64_t(v);
    }
}

void unpackBits(const std::uint8_t* bytes, unsigned bitOffset, std::size_t count, std::int64_t* out) {
    // PS3.5 8.1.1: 1-bit pixels are packed from the least significant bit of each byte.
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t bit = bitOffset + i;
        out[i] = (bytes[bit / 8] >> (bit % 8)) & 1u;
    }
}

}  // namespace

std::vector<std::int64_t> unpackSamples(const std::uint8_t* bytes, std::size_t byteCount,
                                        unsigned bitOffset, std::size_t count,
                                        const SampleCoding& coding) {
    std::vector<std::int64_t> out(count);
    switch (coding.bitsAllocated) {
    case 1:
        assert((bitOffset + count + 7) / 8 <= byteCount);
        unpackBits(bytes, bitOffset, count, out.data());
        break;
    case 8:
        assert(count <= byteCount);
        unpackCells<1>(bytes, count, coding, out.data());
        break;
    case 16:
        assert(count * 2 <= byteCount);
        unpackCells<2>(bytes, count, coding, out.data());
        break;
    case 32:
        assert(count * 4 <= byteCount);
        unpackCells<4>(bytes, count, coding, out.data());
        break;
    default:
        assert(false && "bits allocated is validated by readPixelLayout");
    }
    (void)byteCount;
    return out;
}

}  // namespace dicom::detail
