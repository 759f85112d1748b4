#include "inference/kernels/bf16_elementwise.h"

#include <algorithm>
#include <cmath>

#include "inference/kernels/cpu_features.h"

namespace inference::kernels {
namespace {

float gelu(float x) {
    const float inner = 0.7978845608028654f * (x + 0.044715f * x * x * x);
    return x / (1.0f + std::exp(-2.0f * inner));
}

}  // namespace

void geluTanhBf16(bf16_t* x, std::int64_t n) {
    if (activeIsa() == Isa::Avx512) {
        detail::geluTanhBf16Avx512(x, nullptr, n);
        return;
    }
    for (std::int64_t i = 0; i < n; ++i) {
        x[i] = floatToBf16(gelu(bf16ToFloat(x[i])));
    }
}

void geluTanhMulBf16(bf16_t* gate, const bf16_t* up, std::int64_t n) {
    if (activeIsa() == Isa::Avx512) {
        detail::geluTanhBf16Avx512(gate, up, n);
        return;
    }
    for (std::int64_t i = 0; i < n; ++i) {
        gate[i] = floatToBf16(gelu(bf16ToFloat(gate[i])) * bf16ToFloat(up[i]));
    }
}

void softmaxRowsBf16(bf16_t* data, std::int64_t rows, std::int64_t cols, std::int64_t stride) {
    if (activeIsa() == Isa::Avx512) {
        detail::softmaxRowsBf16Avx512(data, rows, cols, stride);
        return;
    }
    for (std::int64_t r = 0; r < rows; ++r) {
        bf16_t* row = data + r * stride;
        float top = -INFINITY;
        for (std::int64_t c = 0; c < cols; ++c) {
            top = std::max(top, bf16ToFloat(row[c]));
        }
        double sum = 0.0;
        for (std::int64_t c = 0; c < cols; ++c) {
            sum += std::exp(bf16ToFloat(row[c]) - top);
        }
        const float inverse = float(1.0 / sum);
        for (std::int64_t c = 0; c < cols; ++c) {
            row[c] = floatToBf16(std::exp(bf16ToFloat(row[c]) - top) * inverse);
        }
    }
}

void layerNormRowsBf16(bf16_t* data, std::int64_t rows, std::int64_t cols, const float* weight,
                       const float* bias, float eps) {
    if (activeIsa() == Isa::Avx512) {
        detail::layerNormRowsBf16Avx512(data, rows, cols, weight, bias, eps);
        return;
    }
    for (std::int64_t r = 0; r < rows; ++r) {
        bf16_t* row = data + r * cols;
        float sum = 0.0f;
        for (std::int64_t c = 0; c < cols; ++c) {
            sum += bf16ToFloat(row[c]);
        }
        const float mean = sum / float(cols);
        float squares = 0.0f;
        for (std::int64_t c = 0; c < cols; ++c) {
            const float d = bf16ToFloat(row[c]) - mean;
            squares += d * d;
        }
        const float scale = 1.0f / std::sqrt(squares / float(cols) + eps);
        for (std::int64_t c = 0; c < cols; ++c) {
            row[c] = floatToBf16((bf16ToFloat(row[c]) - mean) * scale * weight[c] + bias[c]);
        }
    }
}

void rmsNormRowsBf16(const bf16_t* in, bf16_t* out, std::int64_t rows, std::int64_t cols,
                     const float* onePlusWeight, float eps) {
    if (activeIsa() == Isa::Avx512) {
        detail::rmsNormRowsBf16Avx512(in, out, rows, cols, onePlusWeight, eps);
        return;
    }
    for (std::int64_t r = 0; r < rows; ++r) {
        const bf16_t* row = in + r * cols;
        float squares = 0.0f;
        for (std::int64_t c = 0; c < cols; ++c) {
            squares += bf16ToFloat(row[c]) * bf16ToFloat(row[c]);
        }
        const float scale = 1.0f / std::sqrt(squares / float(cols) + eps);
        for (std::int64_t c = 0; c < cols; ++c) {
            out[r * cols + c] = floatToBf16(bf16ToFloat(row[c]) * scale * onePlusWeight[c]);
        }
    }
}

}  // namespace inference::kernels
