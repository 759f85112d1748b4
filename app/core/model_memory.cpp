#include "app/core/model_memory.h"

#include <algorithm>

namespace app {
namespace {

std::uint64_t kvCacheBytes(const inference::TextConfig& text, std::size_t elementBytes,
                           int contextTokens) {
    // Keys and values of every KV head, per layer and position.
    const std::uint64_t perPosition =
        2ULL * std::uint64_t(text.numKvHeads * text.headDim) * elementBytes;
    std::uint64_t positions = 0;
    for (inference::LayerType type : text.layerTypes) {
        positions += type == inference::LayerType::Full
                         ? std::uint64_t(contextTokens)
                         : std::uint64_t(std::min<std::int64_t>(contextTokens, text.slidingWindow));
    }
    return perPosition * positions;
}

std::uint64_t workingBytes(const inference::ModelConfig& config, std::size_t elementBytes,
                           int contextTokens) {
    std::uint64_t vision = 0;
    if (config.vision) {
        // Float32 attention scores of one image: heads x patches x patches.
        const auto patches =
            std::uint64_t(config.vision->patchesPerSide() * config.vision->patchesPerSide());
        vision = std::uint64_t(config.vision->numHeads) * patches * patches * 4;
    }
    const inference::TextConfig& text = config.text;
    // Gate, up and the product of the MLP over the prompt, plus float32 logits of one row.
    const std::uint64_t prefill =
        3ULL * std::uint64_t(contextTokens) * std::uint64_t(text.intermediateSize) * elementBytes;
    const std::uint64_t logits = 2ULL * std::uint64_t(text.vocabSize) * 4;
    return std::max(vision, prefill) + logits;
}

}  // namespace

ui::MemoryEstimate estimateMemory(const inference::ModelConfig& config,
                                  std::uint64_t parameterCount, std::size_t elementBytes,
                                  int contextTokens) {
    ui::MemoryEstimate estimate;
    estimate.contextTokens =
        int(std::min<std::int64_t>(contextTokens, config.text.maxPositionEmbeddings));
    estimate.weights = parameterCount * elementBytes;
    estimate.kvCache = kvCacheBytes(config.text, elementBytes, estimate.contextTokens);
    estimate.activations = workingBytes(config, elementBytes, estimate.contextTokens);
    return estimate;
}

ui::MemoryEstimate estimateQuantizedMemory(const inference::ModelConfig& config,
                                           const ui::MemoryEstimate& bfloat16,
                                           inference::PlanWeights format) {
    inference::MemoryPlanSettings settings;
    settings.weights = format;
    settings.group = 64;
    settings.contextTokens = bfloat16.contextTokens;
    ui::MemoryEstimate estimate = bfloat16;
    estimate.weights = inference::planMemory(config, settings).weightBytes;
    return estimate;
}

}  // namespace app
