#pragma once
// Internal: a human name for a checkpoint ("MedGemma 4B (instruction-tuned)") from its folder
// name, architecture, size and chat template, and the context length memory allows.
// Thread-safety: pure functions.

#include <cstdint>
#include <string>

#include "inference/config.h"

namespace inference {

std::string variantName(const std::string& directory, const ModelConfig& config,
                        std::uint64_t parameterCount, bool hasChatTemplate);

// The longest context (prompt + new tokens) whose KV cache fits in `availableBytes` with a
// reserve for activations, capped by max_position_embeddings. Sliding layers cost a fixed ring;
// full-attention layers grow per token.
std::int64_t contextLimitForMemory(const TextConfig& text, std::size_t elementBytes,
                                   std::uint64_t availableBytes);

}  // namespace inference
