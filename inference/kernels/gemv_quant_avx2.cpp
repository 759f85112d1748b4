// AVX2 kernels for quantized matrix-vector products (CPUs without AVX-512 VNNI). A 16-row tile
// is two 8-row halves of each 64-byte vector; vpmaddubsw + vpmaddwd stand in for vpdpbusd.
// Int8 codes are turned back to signed and multiplied as |w| * sign(x, w), which cannot
// saturate the 16-bit pair sums (127 * 127 * 2 < 32767).
#include <immintrin.h>

#include <algorithm>
#include <cstring>

#include "inference/kernels/gemv_quant.h"

namespace inference::kernels::detail {
namespace {

#define MEDGEMMA_AVX2 __attribute__((target("avx2,fma,f16c")))

MEDGEMMA_AVX2 inline __m256i quad(const std::int8_t* x) {
    std::int32_t value;
    std::memcpy(&value, x, sizeof value);
    return _mm256_set1_epi32(value);
}

MEDGEMMA_AVX2 inline __m256i load32(const std::uint8_t* p) {
    return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
}

// sum over groups of 4 of u8 * s8 products into 8 int32 lanes (no saturation for u8 <= 127).
MEDGEMMA_AVX2 inline __m256i dot4(__m256i acc, __m256i unsignedBytes, __m256i signedBytes) {
    const __m256i pairs = _mm256_maddubs_epi16(unsignedBytes, signedBytes);
    return _mm256_add_epi32(acc, _mm256_madd_epi16(pairs, _mm256_set1_epi16(1)));
}

MEDGEMMA_AVX2 inline __m256 widenBf16(const bf16_t* p) {
    const __m128i raw = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    return _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_cvtepu16_epi32(raw), 16));
}

MEDGEMMA_AVX2 void storeRows(float* y, std::int64_t firstRow, std::int64_t rows, __m256 lo,
                             __m256 hi) {
    alignas(32) float values[16];
    _mm256_store_ps(values, lo);
    _mm256_store_ps(values + 8, hi);
    const std::int64_t valid = std::min<std::int64_t>(kTileRows, rows - firstRow);
    std::copy(values, values + valid, y + firstRow);
}

MEDGEMMA_AVX2 void int8Tiles(const QuantMatrix& m, const ActivationQ8& x, float* y,
                             std::int64_t t0, std::int64_t t1) {
    const std::int64_t blocks = m.shape.paddedCols() / kActivationBlock;
    const __m256i flip = _mm256_set1_epi8(char(0x80));
    const float* rowScales = static_cast<const float*>(m.parameters);
    for (std::int64_t t = t0; t < t1; ++t) {
        const std::uint8_t* base = m.data + std::uint64_t(t) * m.shape.tileBytes();
        __m256 acc[2] = {_mm256_setzero_ps(), _mm256_setzero_ps()};
        for (std::int64_t b = 0; b < blocks; ++b) {
            const std::int8_t* xb = x.values() + b * kActivationBlock;
            __m256i dot[2] = {_mm256_setzero_si256(), _mm256_setzero_si256()};
            for (int q = 0; q < 8; ++q) {
                const __m256i xq = quad(xb + 4 * q);
                for (int h = 0; h < 2; ++h) {
                    const __m256i w = _mm256_xor_si256(load32(base + b * 512 + q * 64 + h * 32), flip);
                    dot[h] = dot4(dot[h], _mm256_abs_epi8(w), _mm256_sign_epi8(xq, w));
                }
            }
            const __m256 scale = _mm256_set1_ps(x.scales()[b]);
            for (int h = 0; h < 2; ++h) {
                acc[h] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(dot[h]), scale, acc[h]);
            }
        }
        const float* s = rowScales + t * kTileRows;
        storeRows(y, t * kTileRows, m.shape.rows, _mm256_mul_ps(_mm256_loadu_ps(s), acc[0]),
                  _mm256_mul_ps(_mm256_loadu_ps(s + 8), acc[1]));
    }
}

MEDGEMMA_AVX2 void int4Tiles(const QuantMatrix& m, const ActivationQ8& x, float* y,
                             std::int64_t t0, std::int64_t t1) {
    const std::int64_t groups = m.shape.groups();
    const std::int64_t perGroup = m.shape.group / kActivationBlock;
    const __m256i nibble = _mm256_set1_epi8(0x0f);
    for (std::int64_t t = t0; t < t1; ++t) {
        const std::uint8_t* base = m.data + std::uint64_t(t) * m.shape.tileBytes();
        const auto* parameters = static_cast<const bf16_t*>(m.parameters) + t * groups * 32;
        __m256 out[2] = {_mm256_setzero_ps(), _mm256_setzero_ps()};
        for (std::int64_t g = 0; g < groups; ++g) {
            __m256 acc[2] = {_mm256_setzero_ps(), _mm256_setzero_ps()};
            float d = 0.0f;
            for (std::int64_t b = g * perGroup; b < (g + 1) * perGroup; ++b) {
                const std::int8_t* xb = x.values() + b * kActivationBlock;
                __m256i dot[2] = {_mm256_setzero_si256(), _mm256_setzero_si256()};
                for (int o = 0; o < 4; ++o) {
                    const __m256i lowX = quad(xb + 8 * o);
                    const __m256i highX = quad(xb + 8 * o + 4);
                    for (int h = 0; h < 2; ++h) {
                        const __m256i v = load32(base + b * 256 + o * 64 + h * 32);
                        dot[h] = dot4(dot[h], _mm256_and_si256(v, nibble), lowX);
                        dot[h] = dot4(dot[h], _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble),
                                      highX);
                    }
                }
                const __m256 scale = _mm256_set1_ps(x.scales()[b]);
                for (int h = 0; h < 2; ++h) {
                    acc[h] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(dot[h]), scale, acc[h]);
                }
                d += x.blockSums()[b];
            }
            for (int h = 0; h < 2; ++h) {
                const bf16_t* p = parameters + g * 32 + h * 8;
                out[h] = _mm256_fmadd_ps(acc[h], widenBf16(p), out[h]);
                out[h] = _mm256_fmadd_ps(widenBf16(p + 16), _mm256_set1_ps(d), out[h]);
            }
        }
        storeRows(y, t * kTileRows, m.shape.rows, out[0], out[1]);
    }
}

}  // namespace

MEDGEMMA_AVX2 void gemvQuantAvx2(const QuantMatrix& m, const ActivationQ8& x, float* y,
                                 std::int64_t tileBegin, std::int64_t tileEnd) {
    if (m.shape.format == QuantFormat::Int8Row) {
        int8Tiles(m, x, y, tileBegin, tileEnd);
    } else {
        int4Tiles(m, x, y, tileBegin, tileEnd);
    }
}

}  // namespace inference::kernels::detail
