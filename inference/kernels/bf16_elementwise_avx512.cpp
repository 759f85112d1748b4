// AVX-512 versions of the bf16 elementwise passes: 16 values at a time widened to float32, the
// Cephes exp polynomial with vscalefps, and round-to-nearest-even back to bf16.
#include <immintrin.h>

#include <cmath>

#include "inference/kernels/avx512_math.h"
#include "inference/kernels/bf16_elementwise.h"

namespace inference::kernels::detail {
namespace {

MEDGEMMA_AVX512 inline __m512 widen(const bf16_t* p, __mmask16 m) {
    const __m256i raw = _mm256_maskz_loadu_epi16(m, p);
    return _mm512_castsi512_ps(_mm512_slli_epi32(_mm512_cvtepu16_epi32(raw), 16));
}

MEDGEMMA_AVX512 inline void narrow(bf16_t* p, __m512 v, __mmask16 m) {
    const __m512i bits = _mm512_castps_si512(v);
    const __m512i odd = _mm512_and_si512(_mm512_srli_epi32(bits, 16), _mm512_set1_epi32(1));
    const __m512i rounded = _mm512_add_epi32(bits, _mm512_add_epi32(odd, _mm512_set1_epi32(0x7fff)));
    _mm256_mask_storeu_epi16(p, m, _mm512_cvtepi32_epi16(_mm512_srli_epi32(rounded, 16)));
}

MEDGEMMA_AVX512 inline __mmask16 maskFor(std::int64_t left) {
    return left >= 16 ? __mmask16(0xffff) : __mmask16((1u << left) - 1);
}

}  // namespace

MEDGEMMA_AVX512 void geluTanhBf16Avx512(bf16_t* x, const bf16_t* up, std::int64_t n) {
    for (std::int64_t i = 0; i < n; i += 16) {
        const __mmask16 m = maskFor(n - i);
        __m512 g = gelu512(widen(x + i, m));
        if (up) {
            g = _mm512_mul_ps(g, widen(up + i, m));
        }
        narrow(x + i, g, m);
    }
}

// max, then exp and its sum, then the normalised values. Rows up to kSoftmaxScratch values
// keep their exponentials in a float32 scratch row (L1-resident), so exp runs once per value;
// longer rows recompute them. Both give the same bits.
MEDGEMMA_AVX512 void softmaxRowsBf16Avx512(bf16_t* data, std::int64_t rows, std::int64_t cols,
                                           std::int64_t stride) {
    constexpr std::int64_t kSoftmaxScratch = 8192;
    alignas(64) float scratch[kSoftmaxScratch];
    const bool stored = cols <= kSoftmaxScratch;
    for (std::int64_t r = 0; r < rows; ++r) {
        bf16_t* row = data + r * stride;
        __m512 top = _mm512_set1_ps(-INFINITY);
        for (std::int64_t c = 0; c < cols; c += 16) {
            top = _mm512_mask_max_ps(top, maskFor(cols - c), top, widen(row + c, maskFor(cols - c)));
        }
        // exp(x - max) = 2^(x log2(e) - max log2(e)): one fused multiply-add per element.
        const __m512 log2e = _mm512_set1_ps(1.44269504088896341f);
        const __m512 shift = _mm512_set1_ps(-_mm512_reduce_max_ps(top) * 1.44269504088896341f);
        __m512 sum = _mm512_setzero_ps();
        for (std::int64_t c = 0; c < cols; c += 16) {
            const __mmask16 m = maskFor(cols - c);
            const __m512 e = exp2ForBf16(_mm512_fmadd_ps(widen(row + c, m), log2e, shift));
            sum = _mm512_mask_add_ps(sum, m, sum, e);
            if (stored) {
                _mm512_mask_storeu_ps(scratch + c, m, e);
            }
        }
        const __m512 inverse = _mm512_set1_ps(1.0f / _mm512_reduce_add_ps(sum));
        for (std::int64_t c = 0; c < cols; c += 16) {
            const __mmask16 m = maskFor(cols - c);
            const __m512 e = stored ? _mm512_maskz_loadu_ps(m, scratch + c)
                                    : exp2ForBf16(_mm512_fmadd_ps(widen(row + c, m), log2e, shift));
            narrow(row + c, _mm512_mul_ps(e, inverse), m);
        }
    }
}

// Sums of x and of (x - center)^2 over a row, each in 16 float32 lanes reduced at the end
// (the lambdas of a generic helper would not carry the AVX-512 target attribute).
MEDGEMMA_AVX512 inline float rowSum(const bf16_t* row, std::int64_t cols) {
    __m512 sum = _mm512_setzero_ps();
    for (std::int64_t c = 0; c < cols; c += 16) {
        const __mmask16 m = maskFor(cols - c);
        sum = _mm512_add_ps(sum, widen(row + c, m));
    }
    return _mm512_reduce_add_ps(sum);
}

MEDGEMMA_AVX512 inline float rowSquares(const bf16_t* row, std::int64_t cols, float center) {
    const __m512 shift = _mm512_set1_ps(center);
    __m512 sum = _mm512_setzero_ps();
    for (std::int64_t c = 0; c < cols; c += 16) {
        const __mmask16 m = maskFor(cols - c);
        const __m512 d = _mm512_maskz_sub_ps(m, widen(row + c, m), shift);
        sum = _mm512_fmadd_ps(d, d, sum);
    }
    return _mm512_reduce_add_ps(sum);
}

MEDGEMMA_AVX512 void layerNormRowsBf16Avx512(bf16_t* data, std::int64_t rows, std::int64_t cols,
                                             const float* weight, const float* bias, float eps) {
    for (std::int64_t r = 0; r < rows; ++r) {
        bf16_t* row = data + r * cols;
        const float mean = rowSum(row, cols) / float(cols);
        const float variance = rowSquares(row, cols, mean) / float(cols);
        const __m512 center = _mm512_set1_ps(mean);
        const __m512 scale = _mm512_set1_ps(1.0f / std::sqrt(variance + eps));
        for (std::int64_t c = 0; c < cols; c += 16) {
            const __mmask16 m = maskFor(cols - c);
            const __m512 normed = _mm512_mul_ps(_mm512_sub_ps(widen(row + c, m), center), scale);
            narrow(row + c, _mm512_fmadd_ps(normed, _mm512_maskz_loadu_ps(m, weight + c),
                                             _mm512_maskz_loadu_ps(m, bias + c)), m);
        }
    }
}

MEDGEMMA_AVX512 void rmsNormRowsBf16Avx512(const bf16_t* in, bf16_t* out, std::int64_t rows,
                                           std::int64_t cols, const float* onePlusWeight,
                                           float eps) {
    for (std::int64_t r = 0; r < rows; ++r) {
        const bf16_t* row = in + r * cols;
        const float meanSquare = rowSquares(row, cols, 0.0f) / float(cols);
        const __m512 scale = _mm512_set1_ps(1.0f / std::sqrt(meanSquare + eps));
        for (std::int64_t c = 0; c < cols; c += 16) {
            const __mmask16 m = maskFor(cols - c);
            const __m512 normed = _mm512_mul_ps(widen(row + c, m), scale);
            narrow(out + r * cols + c,
                   _mm512_mul_ps(normed, _mm512_maskz_loadu_ps(m, onePlusWeight + c)), m);
        }
    }
}

}  // namespace inference::kernels::detail
