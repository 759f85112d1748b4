// AVX-512 versions of the decode step's vector helpers: exp (polynomial + vscalefps), the GELU
// gate, and attention over bf16 keys and values with vdpbf16ps.
#include <immintrin.h>

#include <algorithm>
#include <cstring>

#include "inference/kernels/avx512_math.h"
#include "inference/kernels/vector_math.h"

namespace inference::kernels::detail {
namespace {

#define MEDGEMMA_AVX512_BF16 \
    __attribute__((target("avx512f,avx512bw,avx512vl,avx512dq,avx512bf16")))

MEDGEMMA_AVX512_BF16 inline __m512bh loadBh(const bf16_t* p) {
    return (__m512bh)_mm512_loadu_si512(p);
}

// H query heads against every key: one pass over the keys serves all heads.
template <int H>
MEDGEMMA_AVX512_BF16 void scoresFor(const float* q, const bf16_t* keys, std::int64_t n,
                                    std::int64_t dim, float* scores) {
    alignas(64) bf16_t qb[H][512];
    for (int h = 0; h < H; ++h) {
        for (std::int64_t d = 0; d < dim; d += 32) {
            const __m512bh pair = _mm512_cvtne2ps_pbh(_mm512_loadu_ps(q + h * dim + d + 16),
                                                      _mm512_loadu_ps(q + h * dim + d));
            _mm512_store_si512(qb[h] + d, (__m512i)pair);
        }
    }
    for (std::int64_t j = 0; j < n; ++j) {
        const bf16_t* key = keys + j * dim;
        __m512 acc[H];
        for (int h = 0; h < H; ++h) {
            acc[h] = _mm512_setzero_ps();
        }
        for (std::int64_t d = 0; d < dim; d += 32) {
            const __m512bh k = loadBh(key + d);
            for (int h = 0; h < H; ++h) {
                acc[h] = _mm512_dpbf16_ps(acc[h], k, loadBh(qb[h] + d));
            }
        }
        for (int h = 0; h < H; ++h) {
            scores[h * n + j] = _mm512_reduce_add_ps(acc[h]);
        }
    }
}

// Key pairs interleaved with vpunpck{l,h}wd feed vdpbf16ps with the pair of probabilities; the
// accumulators then hold columns in the order [0-3, 8-11, 16-19, 24-27] / [4-7, 12-15, ...],
// restored by one permutation per 32 columns.
template <int H>
MEDGEMMA_AVX512_BF16 void valuesFor(const bf16_t* p, std::int64_t pStride, const bf16_t* values,
                                    std::int64_t n, std::int64_t dim, float* out) {
    const __m512i firstHalf =
        _mm512_setr_epi32(0, 1, 2, 3, 16, 17, 18, 19, 4, 5, 6, 7, 20, 21, 22, 23);
    const __m512i secondHalf =
        _mm512_setr_epi32(8, 9, 10, 11, 24, 25, 26, 27, 12, 13, 14, 15, 28, 29, 30, 31);
    for (std::int64_t d = 0; d < dim; d += 32) {
        __m512 lo[H], hi[H];
        for (int h = 0; h < H; ++h) {
            lo[h] = _mm512_setzero_ps();
            hi[h] = _mm512_setzero_ps();
        }
        for (std::int64_t j = 0; j < n; j += 2) {
            const __m512i a = _mm512_loadu_si512(values + j * dim + d);
            const __m512i b = j + 1 < n ? _mm512_loadu_si512(values + (j + 1) * dim + d)
                                        : _mm512_setzero_si512();
            const __m512bh low = (__m512bh)_mm512_unpacklo_epi16(a, b);
            const __m512bh high = (__m512bh)_mm512_unpackhi_epi16(a, b);
            for (int h = 0; h < H; ++h) {
                std::int32_t pair;
                std::memcpy(&pair, p + h * pStride + j, sizeof pair);
                const __m512bh weights = (__m512bh)_mm512_set1_epi32(pair);
                lo[h] = _mm512_dpbf16_ps(lo[h], low, weights);
                hi[h] = _mm512_dpbf16_ps(hi[h], high, weights);
            }
        }
        for (int h = 0; h < H; ++h) {
            _mm512_storeu_ps(out + h * dim + d, _mm512_permutex2var_ps(lo[h], firstHalf, hi[h]));
            _mm512_storeu_ps(out + h * dim + d + 16,
                             _mm512_permutex2var_ps(lo[h], secondHalf, hi[h]));
        }
    }
}

}  // namespace

MEDGEMMA_AVX512 void geluTanhMulAvx512(const float* gate, const float* up, float* out,
                                       std::int64_t n) {
    std::int64_t i = 0;
    for (; i + 16 <= n; i += 16) {
        _mm512_storeu_ps(out + i,
                         _mm512_mul_ps(gelu512(_mm512_loadu_ps(gate + i)), _mm512_loadu_ps(up + i)));
    }
    if (i < n) {
        const __mmask16 m = __mmask16((1u << (n - i)) - 1);
        const __m512 g = gelu512(_mm512_maskz_loadu_ps(m, gate + i));
        _mm512_mask_storeu_ps(out + i, m, _mm512_mul_ps(g, _mm512_maskz_loadu_ps(m, up + i)));
    }
}

MEDGEMMA_AVX512 void expShiftedAvx512(float* x, std::int64_t n, float shift, float* sum) {
    __m512 total = _mm512_setzero_ps();
    const __m512 s = _mm512_set1_ps(shift);
    std::int64_t i = 0;
    for (; i + 16 <= n; i += 16) {
        const __m512 e = exp512(_mm512_sub_ps(_mm512_loadu_ps(x + i), s));
        _mm512_storeu_ps(x + i, e);
        total = _mm512_add_ps(total, e);
    }
    if (i < n) {
        const __mmask16 m = __mmask16((1u << (n - i)) - 1);
        const __m512 e = exp512(_mm512_sub_ps(_mm512_maskz_loadu_ps(m, x + i), s));
        _mm512_mask_storeu_ps(x + i, m, e);
        total = _mm512_add_ps(total, _mm512_maskz_mov_ps(m, e));
    }
    *sum = _mm512_reduce_add_ps(total);
}

MEDGEMMA_AVX512_BF16 void attentionScoresAvx512Bf16(const float* q, std::int64_t heads,
                                                    const bf16_t* keys, std::int64_t n,
                                                    std::int64_t dim, float* scores) {
    for (std::int64_t h = 0; h < heads;) {
        const std::int64_t left = heads - h;
        if (left >= 2) {
            scoresFor<2>(q + h * dim, keys, n, dim, scores + h * n);
            h += 2;
        } else {
            scoresFor<1>(q + h * dim, keys, n, dim, scores + h * n);
            h += 1;
        }
    }
}

MEDGEMMA_AVX512_BF16 void attentionValuesAvx512Bf16(const float* p, std::int64_t heads,
                                                    const bf16_t* values, std::int64_t n,
                                                    std::int64_t dim, float* out) {
    // The probabilities are rounded to bf16 (as a bf16 model's softmax output is) into a
    // stack buffer, a chunk of keys at a time, so that pairs can be broadcast as one dword.
    constexpr std::int64_t kChunk = 512;
    alignas(64) bf16_t pb[2][kChunk + 32];
    alignas(64) float partial[2 * 512];
    std::fill(out, out + heads * dim, 0.0f);
    for (std::int64_t h = 0; h < heads; h += 2) {
        const int count = heads - h >= 2 ? 2 : 1;
        for (std::int64_t j0 = 0; j0 < n; j0 += kChunk) {
            const std::int64_t m = std::min(kChunk, n - j0);
            for (int i = 0; i < count; ++i) {
                for (std::int64_t j = 0; j < m; ++j) {
                    pb[i][j] = floatToBf16(p[(h + i) * n + j0 + j]);
                }
                pb[i][m] = 0;
            }
            if (count == 2) {
                valuesFor<2>(pb[0], kChunk + 32, values + j0 * dim, m, dim, partial);
            } else {
                valuesFor<1>(pb[0], kChunk + 32, values + j0 * dim, m, dim, partial);
            }
            for (std::int64_t k = 0; k < count * dim; ++k) {
                out[h * dim + k] += partial[k];
            }
        }
    }
}

}  // namespace inference::kernels::detail
