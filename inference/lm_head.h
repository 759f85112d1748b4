#pragma once
// Internal (libtorch): the language-model head, logits = h · Wᵀ (tied to the embedding unless
// the checkpoint has its own lm_head), always returned in float32 (spec §4.7, §12.8).
// Float32 weights: one float32 matmul. BFloat16 weights: a bf16 matmul (float32 accumulation,
// bf16 output) for the whole vocabulary, then every entry within a few bf16 steps of a row's
// maximum is recomputed as a float32-accumulated dot product. The largest logits, and so the
// greedy token, are then as exact as a float32 head would give them, without a float32 copy of
// the 262K-row matrix and at bf16 matmul speed; the other entries keep bf16 rounding
// (relative error <= 2^-9), as transformers' bf16 head has for all of them.
// Thread-safety: pure function.

#include <cstdint>
#include <optional>

#include <ATen/ATen.h>

#include "inference/linear_weight.h"

namespace inference {

// hidden: [M, H] in the weight's dtype; weight: [V, H]. Returns [M, V] float32, soft-capped
// as cap * tanh(logits / cap) when `softcap` is set.
at::Tensor computeLogits(const at::Tensor& hidden, const at::Tensor& weight,
                         std::optional<double> softcap);

// The head as the model holds it. A quantized head, or a bf16 head with a single row (the
// prompt's last position), goes through the matrix-vector kernels, which accumulate every
// logit in float32: the same values the decode steps produce, and exact float32 dot products
// of the bf16 operands for every entry, not only near the maximum. Otherwise computeLogits.
at::Tensor headLogits(const at::Tensor& hidden, const LinearWeight& head,
                      std::optional<double> softcap);

// As headLogits for one row ([1, H] -> [1, V]) computed without reading any value back to the
// host (a decode step captured as a CUDA graph, static_decode.h): a dense bf16/f16 head refines
// its kFixedRefinedLogits largest entries in float32 instead of those near the maximum (whose
// count only the host would know). bf16 rounding moves an entry by at most half a step (2^-9
// relative), so the true maximum is among them unless more than that many lie within a step
// of it, and then the pick is among near-equal logits. Other heads as headLogits (float32;
// quantized heads through their own product, unrefined).
constexpr std::int64_t kFixedRefinedLogits = 16;
at::Tensor fixedShapeHeadLogits(const at::Tensor& hidden, const LinearWeight& head,
                                std::optional<double> softcap);

}  // namespace inference
