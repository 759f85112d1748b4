// AVX-512 VNNI kernels for quantized matrix-vector products and the per-token activation
// quantization (see gemv_quant.h for the arithmetic). One 16-row tile at a time: each 64-byte
// load feeds one vpdpbusd with four activations broadcast from memory.
#include <immintrin.h>

#include <algorithm>
#include <cstring>

#include "inference/kernels/gemv_quant.h"

namespace inference::kernels::detail {
namespace {

#define MEDGEMMA_VNNI __attribute__((target("avx512f,avx512bw,avx512vl,avx512dq,avx512vnni")))

MEDGEMMA_VNNI inline __m512i dot4(__m512i acc, __m512i weights, const std::int8_t* x) {
    std::int32_t quad;
    std::memcpy(&quad, x, sizeof quad);
    return _mm512_dpbusd_epi32(acc, weights, _mm512_set1_epi32(quad));
}

MEDGEMMA_VNNI inline __m512i load64(const std::uint8_t* p) {
    return _mm512_loadu_si512(p);
}

MEDGEMMA_VNNI inline __m512 widenBf16(const bf16_t* p) {
    const __m256i raw = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
    return _mm512_castsi512_ps(_mm512_slli_epi32(_mm512_cvtepu16_epi32(raw), 16));
}

MEDGEMMA_VNNI inline void storeRows(float* y, std::int64_t firstRow, std::int64_t rows,
                                    __m512 values) {
    const std::int64_t valid = std::min<std::int64_t>(kTileRows, rows - firstRow);
    _mm512_mask_storeu_ps(y + firstRow, __mmask16((1u << valid) - 1), values);
}

// One block of 32 columns of an Int8Row tile: 8 quads, two accumulators to halve the chain.
MEDGEMMA_VNNI inline __m512i int8Block(const std::uint8_t* p, const std::int8_t* x) {
    __m512i s0 = _mm512_setzero_si512(), s1 = _mm512_setzero_si512();
    s0 = dot4(s0, load64(p), x);
    s1 = dot4(s1, load64(p + 64), x + 4);
    s0 = dot4(s0, load64(p + 128), x + 8);
    s1 = dot4(s1, load64(p + 192), x + 12);
    s0 = dot4(s0, load64(p + 256), x + 16);
    s1 = dot4(s1, load64(p + 320), x + 20);
    s0 = dot4(s0, load64(p + 384), x + 24);
    s1 = dot4(s1, load64(p + 448), x + 28);
    return _mm512_add_epi32(s0, s1);
}

// One block of 32 columns of an Int4Group tile: 4 octets, low and high nibbles. The high
// nibbles are used in place (masked with 0xf0, i.e. 16 x the code), which saves a shift per
// vector; their int32 sum is then an exact multiple of 16, divided once per block.
MEDGEMMA_VNNI inline __m512i int4Block(const std::uint8_t* p, const std::int8_t* x) {
    const __m512i low = _mm512_set1_epi8(0x0f);
    const __m512i high = _mm512_set1_epi8(std::int8_t(0xf0));
    const __m512i v0 = load64(p), v1 = load64(p + 64), v2 = load64(p + 128), v3 = load64(p + 192);
    __m512i l0 = _mm512_setzero_si512(), l1 = _mm512_setzero_si512();
    __m512i h0 = _mm512_setzero_si512(), h1 = _mm512_setzero_si512();
    l0 = dot4(l0, _mm512_and_si512(v0, low), x);
    h0 = dot4(h0, _mm512_and_si512(v0, high), x + 4);
    l1 = dot4(l1, _mm512_and_si512(v1, low), x + 8);
    h1 = dot4(h1, _mm512_and_si512(v1, high), x + 12);
    l0 = dot4(l0, _mm512_and_si512(v2, low), x + 16);
    h0 = dot4(h0, _mm512_and_si512(v2, high), x + 20);
    l1 = dot4(l1, _mm512_and_si512(v3, low), x + 24);
    h1 = dot4(h1, _mm512_and_si512(v3, high), x + 28);
    return _mm512_add_epi32(_mm512_add_epi32(l0, l1),
                            _mm512_srai_epi32(_mm512_add_epi32(h0, h1), 4));
}

// How far ahead the int4 kernel asks for its codes and for its group parameters. The loop
// computes at about 80 GB/s from cache on one core but streamed only 24-27 GB/s from memory,
// its samples stalled on the code loads: with two dot products per 64 bytes it keeps too few
// loads in flight for the hardware prefetcher alone. Asking 8 KiB ahead gave 28-40 GB/s on one
// core (10240 x 2560, shared machine). Only lines inside the caller's tiles are requested, so
// two threads working on neighbouring tiles do not fetch each other's.
constexpr std::int64_t kInt4PrefetchBytes = 8192;
constexpr std::int64_t kInt4PrefetchGroups = 16;

MEDGEMMA_VNNI inline void prefetchLine(const char* p, const char* end) {
    if (p < end) {
        _mm_prefetch(p, _MM_HINT_T0);
    }
}

MEDGEMMA_VNNI void int8Tiles(const QuantMatrix& m, const ActivationQ8& x, float* y,
                             std::int64_t t0, std::int64_t t1) {
    const std::int64_t blocks = m.shape.paddedCols() / kActivationBlock;
    const __m512 correction = _mm512_set1_ps(128.0f * x.totalSum());
    const float* rowScales = static_cast<const float*>(m.parameters);
    for (std::int64_t t = t0; t < t1; ++t) {
        const std::uint8_t* base = m.data + std::uint64_t(t) * m.shape.tileBytes();
        __m512 acc = _mm512_setzero_ps();
        for (std::int64_t b = 0; b < blocks; ++b) {
            const __m512i dot = int8Block(base + b * 512, x.values() + b * kActivationBlock);
            acc = _mm512_fmadd_ps(_mm512_cvtepi32_ps(dot), _mm512_set1_ps(x.scales()[b]), acc);
        }
        const __m512 out =
            _mm512_mul_ps(_mm512_loadu_ps(rowScales + t * kTileRows), _mm512_sub_ps(acc, correction));
        storeRows(y, t * kTileRows, m.shape.rows, out);
    }
}

MEDGEMMA_VNNI void int4Tiles(const QuantMatrix& m, const ActivationQ8& x, float* y,
                             std::int64_t t0, std::int64_t t1) {
    const std::int64_t groups = m.shape.groups();
    const std::int64_t perGroup = m.shape.group / kActivationBlock;
    const char* end =
        reinterpret_cast<const char*>(m.data + std::uint64_t(t1) * m.shape.tileBytes());
    const char* parametersEnd =
        reinterpret_cast<const char*>(static_cast<const bf16_t*>(m.parameters) + t1 * groups * 32);
    for (std::int64_t t = t0; t < t1; ++t) {
        const std::uint8_t* base = m.data + std::uint64_t(t) * m.shape.tileBytes();
        const auto* parameters = static_cast<const bf16_t*>(m.parameters) + t * groups * 32;
        __m512 out = _mm512_setzero_ps();
        for (std::int64_t g = 0; g < groups; ++g) {
            __m512 acc = _mm512_setzero_ps();
            float d = 0.0f;
            prefetchLine(reinterpret_cast<const char*>(parameters + (g + kInt4PrefetchGroups) * 32),
                         parametersEnd);
            for (std::int64_t b = g * perGroup; b < (g + 1) * perGroup; ++b) {
                const char* ahead =
                    reinterpret_cast<const char*>(base + b * 256 + kInt4PrefetchBytes);
                prefetchLine(ahead, end);
                prefetchLine(ahead + 64, end);
                prefetchLine(ahead + 128, end);
                prefetchLine(ahead + 192, end);
                const __m512i dot = int4Block(base + b * 256, x.values() + b * kActivationBlock);
                acc = _mm512_fmadd_ps(_mm512_cvtepi32_ps(dot), _mm512_set1_ps(x.scales()[b]), acc);
                d += x.blockSums()[b];
            }
            out = _mm512_fmadd_ps(acc, widenBf16(parameters + g * 32), out);
            out = _mm512_fmadd_ps(widenBf16(parameters + g * 32 + 16), _mm512_set1_ps(d), out);
        }
        storeRows(y, t * kTileRows, m.shape.rows, out);
    }
}

}  // namespace

MEDGEMMA_VNNI void gemvQuantAvx512(const QuantMatrix& m, const ActivationQ8& x, float* y,
                                   std::int64_t tileBegin, std::int64_t tileEnd) {
    if (m.shape.format == QuantFormat::Int8Row) {
        int8Tiles(m, x, y, tileBegin, tileEnd);
    } else {
        int4Tiles(m, x, y, tileBegin, tileEnd);
    }
}

// Same arithmetic as quantizeActivationScalar (127 / max|x| multiplier, round to nearest
// even), so both give identical codes.
MEDGEMMA_VNNI void quantizeActivationAvx512(const float* x, std::int64_t cols,
                                            std::int64_t paddedCols, std::int8_t* values,
                                            float* scales, float* blockSums) {
    for (std::int64_t b = 0; b < paddedCols / kActivationBlock; ++b) {
        const std::int64_t begin = b * kActivationBlock;
        const std::int64_t valid = std::clamp<std::int64_t>(cols - begin, 0, kActivationBlock);
        const __mmask16 m0 = __mmask16((1u << std::min<std::int64_t>(valid, 16)) - 1);
        const __mmask16 m1 = __mmask16((1u << std::max<std::int64_t>(valid - 16, 0)) - 1);
        const __m512 v0 = _mm512_maskz_loadu_ps(m0, x + begin);
        const __m512 v1 = _mm512_maskz_loadu_ps(m1, x + begin + 16);
        const float maxAbs = _mm512_reduce_max_ps(_mm512_max_ps(_mm512_abs_ps(v0), _mm512_abs_ps(v1)));
        const __m512 inverse = _mm512_set1_ps(maxAbs > 0.0f ? 127.0f / maxAbs : 0.0f);
        const __m512i q0 = _mm512_cvtps_epi32(_mm512_mul_ps(v0, inverse));
        const __m512i q1 = _mm512_cvtps_epi32(_mm512_mul_ps(v1, inverse));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(values + begin), _mm512_cvtsepi32_epi8(q0));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(values + begin + 16),
                         _mm512_cvtsepi32_epi8(q1));
        scales[b] = maxAbs / 127.0f;
        blockSums[b] = scales[b] * float(_mm512_reduce_add_epi32(_mm512_add_epi32(q0, q1)));
    }
}

}  // namespace inference::kernels::detail
