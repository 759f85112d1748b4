#pragma once
// bfloat16 <-> float32 conversions for the CPU kernels (the upper 16 bits of an IEEE float;
// float -> bf16 rounds to nearest even, as libtorch and the hardware instructions do).
// Thread-safety: pure functions.

#include <cstdint>
#include <cstring>

namespace inference::kernels {

using bf16_t = std::uint16_t;

inline float bf16ToFloat(bf16_t value) {
    const std::uint32_t bits = std::uint32_t(value) << 16;
    float f;
    std::memcpy(&f, &bits, sizeof f);
    return f;
}

inline bf16_t floatToBf16(float value) {
    std::uint32_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    if ((bits & 0x7fffffffu) > 0x7f800000u) {
        return bf16_t((bits >> 16) | 0x40u);  // keep NaN a (quiet) NaN
    }
    const std::uint32_t rounding = 0x7fffu + ((bits >> 16) & 1u);
    return bf16_t((bits + rounding) >> 16);
}

}  // namespace inference::kernels
