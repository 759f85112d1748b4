#pragma once
// Elementwise and reduction helpers of the decode step, vectorised per ISA (cpu_features.h):
// the tanh-approximated GELU gate of Gemma's MLP, softmax, and the bf16 dot products and
// weighted sums of one query token's attention.
// Exponentials use a degree-6 polynomial after range reduction (relative error ~2e-7, far
// below bf16's 4e-3 step); the results agree with libtorch's float32 kernels to that level.
// Thread-safety: pure functions.

#include <cstdint>

#include "inference/kernels/bf16.h"

namespace inference::kernels {

// out[i] = gelu_tanh(gate[i]) * up[i]; out may alias gate or up.
void geluTanhMul(const float* gate, const float* up, float* out, std::int64_t n);

// x[0, n) <- softmax(x) in float32.
void softmaxInPlace(float* x, std::int64_t n);

// scores[h * n + j] = q[h * dim + j'] . keys[j * dim ...] for h < heads, j < n: the query
// heads of one KV head against its n cached keys (rows of `dim` bf16).
void attentionScores(const float* q, std::int64_t heads, const bf16_t* keys, std::int64_t n,
                     std::int64_t dim, float* scores);

// out[h * dim + d] = sum_j p[h * n + j] * values[j * dim + d].
void attentionValues(const float* p, std::int64_t heads, const bf16_t* values, std::int64_t n,
                     std::int64_t dim, float* out);

namespace detail {
void geluTanhMulAvx512(const float* gate, const float* up, float* out, std::int64_t n);
void geluTanhMulAvx2(const float* gate, const float* up, float* out, std::int64_t n);
void expShiftedAvx512(float* x, std::int64_t n, float shift, float* sum);
void expShiftedAvx2(float* x, std::int64_t n, float shift, float* sum);
void attentionScoresAvx512Bf16(const float* q, std::int64_t heads, const bf16_t* keys,
                               std::int64_t n, std::int64_t dim, float* scores);
void attentionValuesAvx512Bf16(const float* p, std::int64_t heads, const bf16_t* values,
                               std::int64_t n, std::int64_t dim, float* out);
void attentionScoresAvx2(const float* q, std::int64_t heads, const bf16_t* keys, std::int64_t n,
                         std::int64_t dim, float* scores);
void attentionValuesAvx2(const float* p, std::int64_t heads, const bf16_t* values,
                         std::int64_t n, std::int64_t dim, float* out);
}  // namespace detail

}  // namespace inference::kernels
