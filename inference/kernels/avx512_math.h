#pragma once
// Float32 math on AVX-512 registers shared by the AVX-512 kernel files: exp (Cephes' expf
// polynomial with vscalefps) and the tanh-approximated GELU. Internal to inference/kernels; each
// function carries its own target attribute, so the including file needs no special flags and
// must call them only after the CPU was found to support AVX-512.
#include <immintrin.h>

#ifndef MEDGEMMA_AVX512
#define MEDGEMMA_AVX512 __attribute__((target("avx512f,avx512bw,avx512vl,avx512dq")))
#endif

namespace inference::kernels::detail {

// Cephes' expf: exp(x) = 2^n * p(r), r = x - n ln2 in two parts, |r| <= ln2 / 2.
MEDGEMMA_AVX512 inline __m512 exp512(__m512 x) {
    x = _mm512_max_ps(_mm512_min_ps(x, _mm512_set1_ps(88.3762626647949f)),
                      _mm512_set1_ps(-87.3365478515625f));
    const __m512 n = _mm512_roundscale_ps(_mm512_mul_ps(x, _mm512_set1_ps(1.44269504088896341f)),
                                          _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m512 r = _mm512_fnmadd_ps(n, _mm512_set1_ps(0.693359375f), x);
    r = _mm512_fnmadd_ps(n, _mm512_set1_ps(-2.12194440e-4f), r);
    __m512 p = _mm512_set1_ps(1.9875691500e-4f);
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.3981999507e-3f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(8.3334519073e-3f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(4.1665795894e-2f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.6666665459e-1f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(5.0000001201e-1f));
    p = _mm512_fmadd_ps(p, _mm512_mul_ps(r, r), _mm512_add_ps(r, _mm512_set1_ps(1.0f)));
    return _mm512_scalef_ps(p, n);
}

// 2^t for results that are rounded to bf16 (softmax of bf16 scores): 2^n * p(f), f = t - n in
// [-1/2, 1/2], p a degree-4 polynomial through the Chebyshev nodes of 2^f, relative error
// <= 3.6e-6, 500 times below bf16's rounding step (2^-9), in about half the operations of
// exp512. t below -127 gives 0 (and -inf gives 0, not NaN).
MEDGEMMA_AVX512 inline __m512 exp2ForBf16(__m512 t) {
    t = _mm512_max_ps(t, _mm512_set1_ps(-127.0f));
    const __m512 n = _mm512_roundscale_ps(t, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    const __m512 f = _mm512_sub_ps(t, n);
    __m512 p = _mm512_set1_ps(0.00966636836528778f);
    p = _mm512_fmadd_ps(p, f, _mm512_set1_ps(0.055921975523233414f));
    p = _mm512_fmadd_ps(p, f, _mm512_set1_ps(0.2402234971523285f));
    p = _mm512_fmadd_ps(p, f, _mm512_set1_ps(0.6931210160255432f));
    p = _mm512_fmadd_ps(p, f, _mm512_set1_ps(1.0f));
    return _mm512_scalef_ps(p, n);
}

// gelu_tanh(x) = 0.5 x (1 + tanh(y)) = x / (1 + exp(-2y)), y = sqrt(2/pi) (x + 0.044715 x^3).
MEDGEMMA_AVX512 inline __m512 gelu512(__m512 x) {
    const __m512 x3 = _mm512_mul_ps(_mm512_mul_ps(x, x), x);
    const __m512 y = _mm512_mul_ps(_mm512_set1_ps(0.7978845608028654f),
                                   _mm512_fmadd_ps(_mm512_set1_ps(0.044715f), x3, x));
    const __m512 e = exp512(_mm512_mul_ps(y, _mm512_set1_ps(-2.0f)));
    return _mm512_div_ps(x, _mm512_add_ps(_mm512_set1_ps(1.0f), e));
}

}  // namespace inference::kernels::detail
