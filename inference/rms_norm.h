#pragma once
// Internal (libtorch): Gemma RMSNorm (spec §4.2), used for every text norm, the per-head q/k
// norms and the projector's mm_soft_emb_norm.
//   y = float32(x) * rsqrt(mean(float32(x)^2) + eps) * (1 + w), cast back to x's dtype last.
// bf16 input on the CPU goes through one fused kernel (kernels/bf16_elementwise.h).
// Thread-safety: pure function.

#include <ATen/ATen.h>

namespace inference {

// x: [..., n] in any floating dtype; onePlusWeight: [n] float32 holding 1 + w. Returns x's
// shape and dtype.
at::Tensor gemmaRmsNorm(const at::Tensor& x, const at::Tensor& onePlusWeight, double eps);

}  // namespace inference
