// AVX2/FMA versions of the decode step's vector helpers (CPUs without AVX-512).
#include <immintrin.h>

#include <algorithm>

#include "inference/kernels/vector_math.h"

namespace inference::kernels::detail {
namespace {

#define MEDGEMMA_AVX2 __attribute__((target("avx2,fma,f16c")))

// Cephes' expf with 2^n built in the exponent bits; x is clamped so that n stays in the
// normal range.
MEDGEMMA_AVX2 inline __m256 exp256(__m256 x) {
    x = _mm256_max_ps(_mm256_min_ps(x, _mm256_set1_ps(88.0f)), _mm256_set1_ps(-87.0f));
    const __m256 n = _mm256_round_ps(_mm256_mul_ps(x, _mm256_set1_ps(1.44269504088896341f)),
                                     _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m256 r = _mm256_fnmadd_ps(n, _mm256_set1_ps(0.693359375f), x);
    r = _mm256_fnmadd_ps(n, _mm256_set1_ps(-2.12194440e-4f), r);
    __m256 p = _mm256_set1_ps(1.9875691500e-4f);
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.3981999507e-3f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(8.3334519073e-3f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(4.1665795894e-2f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.6666665459e-1f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(5.0000001201e-1f));
    p = _mm256_fmadd_ps(p, _mm256_mul_ps(r, r), _mm256_add_ps(r, _mm256_set1_ps(1.0f)));
    const __m256i exponent =
        _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127)), 23);
    return _mm256_mul_ps(p, _mm256_castsi256_ps(exponent));
}

MEDGEMMA_AVX2 inline __m256 gelu256(__m256 x) {
    const __m256 x3 = _mm256_mul_ps(_mm256_mul_ps(x, x), x);
    const __m256 y = _mm256_mul_ps(_mm256_set1_ps(0.7978845608028654f),
                                   _mm256_fmadd_ps(_mm256_set1_ps(0.044715f), x3, x));
    const __m256 e = exp256(_mm256_mul_ps(y, _mm256_set1_ps(-2.0f)));
    return _mm256_div_ps(x, _mm256_add_ps(_mm256_set1_ps(1.0f), e));
}

MEDGEMMA_AVX2 inline __m256 widen(const bf16_t* p) {
    const __m128i raw = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    return _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_cvtepu16_epi32(raw), 16));
}

MEDGEMMA_AVX2 inline float sum8(__m256 v) {
    const __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    const __m128 t = _mm_add_ps(s, _mm_movehl_ps(s, s));
    return _mm_cvtss_f32(_mm_add_ss(t, _mm_shuffle_ps(t, t, 1)));
}

}  // namespace

MEDGEMMA_AVX2 void geluTanhMulAvx2(const float* gate, const float* up, float* out,
                                   std::int64_t n) {
    std::int64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        _mm256_storeu_ps(out + i,
                         _mm256_mul_ps(gelu256(_mm256_loadu_ps(gate + i)), _mm256_loadu_ps(up + i)));
    }
    if (i < n) {
        alignas(32) float g[8] = {0}, u[8] = {0};
        std::copy(gate + i, gate + n, g);
        std::copy(up + i, up + n, u);
        _mm256_store_ps(g, _mm256_mul_ps(gelu256(_mm256_load_ps(g)), _mm256_load_ps(u)));
        std::copy(g, g + (n - i), out + i);
    }
}

MEDGEMMA_AVX2 void expShiftedAvx2(float* x, std::int64_t n, float shift, float* sum) {
    __m256 total = _mm256_setzero_ps();
    const __m256 s = _mm256_set1_ps(shift);
    std::int64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m256 e = exp256(_mm256_sub_ps(_mm256_loadu_ps(x + i), s));
        _mm256_storeu_ps(x + i, e);
        total = _mm256_add_ps(total, e);
    }
    float rest = 0.0f;
    if (i < n) {
        alignas(32) float v[8];
        std::fill(v, v + 8, -1e30f);
        std::copy(x + i, x + n, v);
        _mm256_store_ps(v, exp256(_mm256_sub_ps(_mm256_load_ps(v), s)));
        for (std::int64_t k = 0; k < n - i; ++k) {
            x[i + k] = v[k];
            rest += v[k];
        }
    }
    *sum = sum8(total) + rest;
}

MEDGEMMA_AVX2 void attentionScoresAvx2(const float* q, std::int64_t heads, const bf16_t* keys,
                                       std::int64_t n, std::int64_t dim, float* scores) {
    for (std::int64_t h = 0; h < heads; ++h) {
        for (std::int64_t j = 0; j < n; ++j) {
            __m256 acc = _mm256_setzero_ps();
            for (std::int64_t d = 0; d < dim; d += 8) {
                acc = _mm256_fmadd_ps(_mm256_loadu_ps(q + h * dim + d), widen(keys + j * dim + d),
                                      acc);
            }
            scores[h * n + j] = sum8(acc);
        }
    }
}

MEDGEMMA_AVX2 void attentionValuesAvx2(const float* p, std::int64_t heads, const bf16_t* values,
                                       std::int64_t n, std::int64_t dim, float* out) {
    std::fill(out, out + heads * dim, 0.0f);
    for (std::int64_t h = 0; h < heads; ++h) {
        float* o = out + h * dim;
        for (std::int64_t j = 0; j < n; ++j) {
            const __m256 weight = _mm256_set1_ps(p[h * n + j]);
            for (std::int64_t d = 0; d < dim; d += 8) {
                _mm256_storeu_ps(o + d, _mm256_fmadd_ps(weight, widen(values + j * dim + d),
                                                        _mm256_loadu_ps(o + d)));
            }
        }
    }
}

}  // namespace inference::kernels::detail
