#pragma once
// Test-only stand-in: libtorch 2.1+'s at::scaled_dot_product_attention, declared for a libtorch
// that lacks it, so that the fused-attention branch of inference/attention.cpp is
// syntax-checked (tests/project/check_cuda_sources.sh). Declared in both forms the releases
// used for the mask (c10::optional before 2.4, std::optional after are one type there).
#include <optional>

#include <ATen/ATen.h>

namespace at {
Tensor scaled_dot_product_attention(const Tensor& query, const Tensor& key, const Tensor& value,
                                    const c10::optional<Tensor>& mask, double dropout,
                                    bool causal, c10::optional<double> scale);
}  // namespace at
