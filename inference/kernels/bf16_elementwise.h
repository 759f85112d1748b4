#pragma once
// Elementwise passes over bf16 activations for prefill and image encoding, computed in float32
// and rounded to bf16 once (libtorch's bf16 kernels round the same way, but allocate a new
// tensor per operation and, for GELU, go through a slower tanh): the tanh-approximated GELU
// of SigLIP's MLP, Gemma's GELU gate fused with its product, row-wise softmax, and the row
// normalisations (SigLIP's LayerNorm, Gemma's (1 + w) RMSNorm) with float32 statistics.
// Callers split large arrays across threads; each call is single-threaded.
// Thread-safety: pure functions over the given memory.

#include <cstdint>

#include "inference/kernels/bf16.h"

namespace inference::kernels {

// x <- gelu_tanh(x), n values.
void geluTanhBf16(bf16_t* x, std::int64_t n);
// gate <- gelu_tanh(gate) * up, n values.
void geluTanhMulBf16(bf16_t* gate, const bf16_t* up, std::int64_t n);
// Each of `rows` rows (`cols` values, rows `stride` apart) <- softmax(row).
void softmaxRowsBf16(bf16_t* data, std::int64_t rows, std::int64_t cols, std::int64_t stride);
// Each of `rows` contiguous rows of `cols` values <- (x - mean) / sqrt(var + eps) * weight + bias
// (population variance, as LayerNorm), in place.
void layerNormRowsBf16(bf16_t* data, std::int64_t rows, std::int64_t cols, const float* weight,
                       const float* bias, float eps);
// out row <- x / sqrt(mean(x^2) + eps) * onePlusWeight for `rows` contiguous rows of `cols`
// values (Gemma's RMSNorm; in and out may be the same memory).
void rmsNormRowsBf16(const bf16_t* in, bf16_t* out, std::int64_t rows, std::int64_t cols,
                     const float* onePlusWeight, float eps);

namespace detail {
void geluTanhBf16Avx512(bf16_t* x, const bf16_t* up, std::int64_t n);
void softmaxRowsBf16Avx512(bf16_t* data, std::int64_t rows, std::int64_t cols,
                           std::int64_t stride);
void layerNormRowsBf16Avx512(bf16_t* data, std::int64_t rows, std::int64_t cols,
                             const float* weight, const float* bias, float eps);
void rmsNormRowsBf16Avx512(const bf16_t* in, bf16_t* out, std::int64_t rows, std::int64_t cols,
                           const float* onePlusWeight, float eps);
}  // namespace detail

}  // namespace inference::kernels
