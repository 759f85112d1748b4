#include "inference/kernels/vector_math.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "inference/kernels/cpu_features.h"

namespace inference::kernels {
namespace {

constexpr float kSqrtTwoOverPi = 0.7978845608028654f;
constexpr float kGeluCubic = 0.044715f;

bool vectorised() { return activeIsa() != Isa::Scalar; }
// The attention kernels need dim to be a multiple of the vector width.
bool avx512Attention(std::int64_t dim) { return activeBf16Dot() && dim % 32 == 0 && dim <= 512; }
bool avx2Attention(std::int64_t dim) { return activeIsa() != Isa::Scalar && dim % 8 == 0; }

}  // namespace

void geluTanhMul(const float* gate, const float* up, float* out, std::int64_t n) {
    if (activeIsa() == Isa::Avx512) {
        detail::geluTanhMulAvx512(gate, up, out, n);
        return;
    }
    if (vectorised()) {
        detail::geluTanhMulAvx2(gate, up, out, n);
        return;
    }
    for (std::int64_t i = 0; i < n; ++i) {
        const float x = gate[i];
        // 0.5 x (1 + tanh(y)) written as x / (1 + exp(-2y)): no cancellation for x << 0.
        const float inner = kSqrtTwoOverPi * (x + kGeluCubic * x * x * x);
        out[i] = x / (1.0f + std::exp(-2.0f * inner)) * up[i];
    }
}

void softmaxInPlace(float* x, std::int64_t n) {
    if (n <= 0) {
        return;
    }
    const float top = *std::max_element(x, x + n);
    float sum = 0.0f;
    if (activeIsa() == Isa::Avx512) {
        detail::expShiftedAvx512(x, n, top, &sum);
    } else if (vectorised()) {
        detail::expShiftedAvx2(x, n, top, &sum);
    } else {
        for (std::int64_t i = 0; i < n; ++i) {
            x[i] = std::exp(x[i] - top);
            sum += x[i];
        }
    }
    const float inverse = 1.0f / sum;
    for (std::int64_t i = 0; i < n; ++i) {
        x[i] *= inverse;
    }
}

void attentionScores(const float* q, std::int64_t heads, const bf16_t* keys, std::int64_t n,
                     std::int64_t dim, float* scores) {
    if (avx512Attention(dim)) {
        detail::attentionScoresAvx512Bf16(q, heads, keys, n, dim, scores);
        return;
    }
    if (avx2Attention(dim)) {
        detail::attentionScoresAvx2(q, heads, keys, n, dim, scores);
        return;
    }
    for (std::int64_t h = 0; h < heads; ++h) {
        for (std::int64_t j = 0; j < n; ++j) {
            float s = 0.0f;
            for (std::int64_t d = 0; d < dim; ++d) {
                s += q[h * dim + d] * bf16ToFloat(keys[j * dim + d]);
            }
            scores[h * n + j] = s;
        }
    }
}

void attentionValues(const float* p, std::int64_t heads, const bf16_t* values, std::int64_t n,
                     std::int64_t dim, float* out) {
    if (avx512Attention(dim)) {
        detail::attentionValuesAvx512Bf16(p, heads, values, n, dim, out);
        return;
    }
    if (avx2Attention(dim)) {
        detail::attentionValuesAvx2(p, heads, values, n, dim, out);
        return;
    }
    std::fill(out, out + heads * dim, 0.0f);
    for (std::int64_t h = 0; h < heads; ++h) {
        for (std::int64_t j = 0; j < n; ++j) {
            const float weight = p[h * n + j];
            for (std::int64_t d = 0; d < dim; ++d) {
                out[h * dim + d] += weight * bf16ToFloat(values[j * dim + d]);
            }
        }
    }
}

}  // namespace inference::kernels
