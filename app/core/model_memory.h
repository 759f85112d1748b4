#pragma once
// How much memory a model needs to run, for the model manager: the weights at the chosen
// precision, the KV cache for a typical context (sliding-window layers keep only their window),
// and the working memory of one step (the vision tower's attention over one image, the prefill's
// MLP activations, the logits). An estimate to compare with the free memory, not a guarantee.
// Thread-safety: pure functions.

#include <cstdint>

#include "inference/config.h"
#include "inference/memory_plan.h"
#include "ui/model/model_catalog.h"

namespace app {

// Enough for a report with a handful of images, or about 30 CT slices.
inline constexpr int kTypicalContextTokens = 8192;

ui::MemoryEstimate estimateMemory(const inference::ModelConfig& config,
                                  std::uint64_t parameterCount, std::size_t elementBytes,
                                  int contextTokens = kTypicalContextTokens);

// The bf16 estimate with the weights of `format` (int4: groups of 64), as `bench --plan`
// computes them: decoder matrices, embedding and head quantized, the vision tower in bf16.
ui::MemoryEstimate estimateQuantizedMemory(const inference::ModelConfig& config,
                                           const ui::MemoryEstimate& bfloat16,
                                           inference::PlanWeights format);

}  // namespace app
