// AVX2/FMA matrix-vector kernel over bf16 weights, for CPUs without avx512_bf16: each bf16 is
// widened to float32 (a 16-bit shift) and multiplied with FMA.
#include "inference/kernels/gemv_bf16.h"

#include <immintrin.h>

namespace inference::kernels::detail {
namespace {

#define MEDGEMMA_AVX2 __attribute__((target("avx2,fma,f16c")))

// 8 bf16 -> 8 float32.
MEDGEMMA_AVX2 inline __m256 widen(const bf16_t* p) {
    const __m128i raw = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    return _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_cvtepu16_epi32(raw), 16));
}

MEDGEMMA_AVX2 inline float sum8(__m256 v) {
    const __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    const __m128 t = _mm_add_ps(s, _mm_movehl_ps(s, s));
    return _mm_cvtss_f32(_mm_add_ss(t, _mm_shuffle_ps(t, t, 1)));
}

MEDGEMMA_AVX2 void fourRows(const bf16_t* w, std::int64_t stride, std::int64_t cols,
                            const bf16_t* x, float* y) {
    __m256 a[4] = {_mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps(),
                   _mm256_setzero_ps()};
    std::int64_t k = 0;
    for (; k + 8 <= cols; k += 8) {
        const __m256 xv = widen(x + k);
        for (int i = 0; i < 4; ++i) {
            a[i] = _mm256_fmadd_ps(widen(w + i * stride + k), xv, a[i]);
        }
    }
    for (int i = 0; i < 4; ++i) {
        float s = sum8(a[i]);
        for (std::int64_t j = k; j < cols; ++j) {
            s += bf16ToFloat(w[i * stride + j]) * bf16ToFloat(x[j]);
        }
        y[i] = s;
    }
}

}  // namespace

MEDGEMMA_AVX2 void gemvBf16Avx2(const bf16_t* w, std::int64_t rowStride, std::int64_t cols,
                                const bf16_t* x, float* y, std::int64_t rowBegin,
                                std::int64_t rowEnd) {
    std::int64_t r = rowBegin;
    for (; r + 4 <= rowEnd; r += 4) {
        fourRows(w + r * rowStride, rowStride, cols, x, y + r);
    }
    if (r < rowEnd) {
        gemvBf16Scalar(w, rowStride, cols, x, y, r, rowEnd);
    }
}

}  // namespace inference::kernels::detail
