// AVX-512 dequantization of Int8Row / Int4Group tiles into a transposed bf16 block, the input
// of the oneDNN matmul that prefill chunks use with quantized weights.
#include <immintrin.h>

#include "inference/kernels/quant_format.h"

namespace inference::kernels::detail {
namespace {

#define MEDGEMMA_AVX512 __attribute__((target("avx512f,avx512bw,avx512vl,avx512dq")))

// 16 floats -> 16 bf16 (round to nearest even; the values are finite).
MEDGEMMA_AVX512 inline void storeBf16(bf16_t* out, __m512 values) {
    const __m512i bits = _mm512_castps_si512(values);
    const __m512i odd = _mm512_and_si512(_mm512_srli_epi32(bits, 16), _mm512_set1_epi32(1));
    const __m512i rounded =
        _mm512_add_epi32(bits, _mm512_add_epi32(odd, _mm512_set1_epi32(0x7fff)));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out),
                        _mm512_cvtepi32_epi16(_mm512_srli_epi32(rounded, 16)));
}

MEDGEMMA_AVX512 inline __m512 widenBf16(const bf16_t* p) {
    const __m256i raw = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
    return _mm512_castsi512_ps(_mm512_slli_epi32(_mm512_cvtepu16_epi32(raw), 16));
}

MEDGEMMA_AVX512 void int8Tile(const QuantMatrix& m, std::int64_t tile, bf16_t* column,
                              std::int64_t ld) {
    const std::int64_t cols = m.shape.cols;
    const std::uint8_t* base = m.data + std::uint64_t(tile) * m.shape.tileBytes();
    const __m512 scale = _mm512_loadu_ps(static_cast<const float*>(m.parameters) + tile * 16);
    const __m512 offset = _mm512_mul_ps(scale, _mm512_set1_ps(-128.0f));
    const __m512i byteMask = _mm512_set1_epi32(0xff);
    for (std::int64_t c = 0; c * 4 < cols; ++c) {
        const __m512i v = _mm512_loadu_si512(base + c * 64);
        for (int j = 0; j < 4 && c * 4 + j < cols; ++j) {
            const __m512i u = _mm512_and_si512(_mm512_srli_epi32(v, 8 * j), byteMask);
            storeBf16(column + (c * 4 + j) * ld,
                      _mm512_fmadd_ps(_mm512_cvtepi32_ps(u), scale, offset));
        }
    }
}

MEDGEMMA_AVX512 void int4Tile(const QuantMatrix& m, std::int64_t tile, bf16_t* column,
                              std::int64_t ld) {
    const std::int64_t cols = m.shape.cols;
    const std::int64_t groups = m.shape.groups();
    const std::uint8_t* base = m.data + std::uint64_t(tile) * m.shape.tileBytes();
    const auto* parameters = static_cast<const bf16_t*>(m.parameters) + tile * groups * 32;
    const __m512i nibble = _mm512_set1_epi32(0x0f);
    for (std::int64_t c = 0; c * 8 < cols; ++c) {
        const std::int64_t g = c * 8 / m.shape.group;
        const __m512 scale = widenBf16(parameters + g * 32);
        const __m512 minimum = widenBf16(parameters + g * 32 + 16);
        const __m512i v = _mm512_loadu_si512(base + c * 64);
        for (int j = 0; j < 8 && c * 8 + j < cols; ++j) {
            const int shift = 8 * (j & 3) + (j < 4 ? 0 : 4);
            const __m512i u = _mm512_and_si512(_mm512_srli_epi32(v, shift), nibble);
            storeBf16(column + (c * 8 + j) * ld,
                      _mm512_fmadd_ps(_mm512_cvtepi32_ps(u), scale, minimum));
        }
    }
}

}  // namespace

MEDGEMMA_AVX512 void dequantizeTransposedAvx512(const QuantMatrix& matrix, std::int64_t rowBegin,
                                                std::int64_t rowEnd, bf16_t* out,
                                                std::int64_t ldOut) {
    for (std::int64_t tile = rowBegin / kTileRows; tile < rowEnd / kTileRows; ++tile) {
        bf16_t* column = out + (tile * kTileRows - rowBegin);
        if (matrix.shape.format == QuantFormat::Int8Row) {
            int8Tile(matrix, tile, column, ldOut);
        } else {
            int4Tile(matrix, tile, column, ldOut);
        }
    }
}

}  // namespace inference::kernels::detail
