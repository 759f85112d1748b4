#pragma once
// Internal (libtorch): rotary position embedding, rotate-half (NeoX) style (spec §4.4).
// Gemma 3 has two variants: sliding layers use the local base without scaling; full-attention
// layers use the global base with "linear" scaling (inv_freq divided by the factor).
// Angles and cos/sin are float32; like transformers, cos/sin are cast to the activation dtype
// before the rotation, so the rotation itself runs in the compute dtype.
// Thread-safety: immutable after construction.

#include <ATen/ATen.h>

#include "inference/config.h"

namespace inference {

class RotaryEmbedding {
public:
    RotaryEmbedding() = default;
    RotaryEmbedding(std::int64_t headDim, const RopeParams& params);

    // cos and sin, each [length, headDim] float32, for positions [start, start + length).
    std::pair<at::Tensor, at::Tensor> table(std::int64_t start, std::int64_t length) const;
    const at::Tensor& inverseFrequencies() const { return m_invFreq; }  // [headDim / 2] float32

private:
    at::Tensor m_invFreq;  // [headDim / 2] float32
};

// x: [..., L, D]; cos, sin: [L, D] (any floating dtype; cast to x's dtype here).
// Returns x * cos + rotate_half(x) * sin, where rotate_half(x) = [-x2, x1].
at::Tensor applyRotary(const at::Tensor& x, const at::Tensor& cos, const at::Tensor& sin);

}  // namespace inference
