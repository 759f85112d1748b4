#include "inference/memory_plan.h"

#include <algorithm>

#include "inference/kernels/quant_format.h"

namespace inference {
namespace {

constexpr std::uint64_t kBf16 = 2;
constexpr std::uint64_t kFloat = 4;
// attention.cpp's score block and linear_weight.h's dequantization block, in elements.
constexpr std::uint64_t kScoreBudget = std::uint64_t{1} << 24;
constexpr auto kDequantBudget = std::uint64_t(kernels::kDequantBudget);

std::uint64_t u(std::int64_t v) { return std::uint64_t(std::max<std::int64_t>(v, 0)); }

// A projection [rows, cols] in the plan's format.
std::uint64_t matrixBytes(std::int64_t rows, std::int64_t cols, const MemoryPlanSettings& s) {
    if (s.weights == PlanWeights::BFloat16) {
        return u(rows) * u(cols) * kBf16;
    }
    kernels::QuantShape shape;
    shape.format = s.weights == PlanWeights::Int8 ? kernels::QuantFormat::Int8Row
                                                  : kernels::QuantFormat::Int4Group;
    shape.rows = rows;
    shape.cols = cols;
    shape.group = s.weights == PlanWeights::Int4 ? s.group : 0;
    return shape.storedBytes();
}

std::string formatName(const MemoryPlanSettings& s) {
    switch (s.weights) {
        case PlanWeights::Int8:
            return "int8 per row";
        case PlanWeights::Int4:
            return "int4 g" + std::to_string(s.group);
        case PlanWeights::BFloat16:
            break;
    }
    return "bf16";
}

std::uint64_t visionBytes(const VisionConfig& v) {
    const std::uint64_t w = u(v.hiddenSize);
    const std::uint64_t ff = u(v.intermediateSize);
    const std::uint64_t patches = u(v.patchesPerSide() * v.patchesPerSide());
    const std::uint64_t perLayer = 4 * (w * w + w) + (ff * w + ff) + (w * ff + w) + 4 * w;
    const std::uint64_t embed = w * u(v.numChannels * v.patchSize * v.patchSize) + w + patches * w;
    return (embed + u(v.numLayers) * perLayer + 2 * w) * kBf16;
}

void addWeights(const ModelConfig& config, const MemoryPlanSettings& s, MemoryPlan& plan) {
    const TextConfig& t = config.text;
    const std::int64_t q = t.numHeads * t.headDim;
    const std::int64_t kv = t.numKvHeads * t.headDim;
    const std::uint64_t perLayer =
        matrixBytes(q, t.hiddenSize, s) + 2 * matrixBytes(kv, t.hiddenSize, s) +
        matrixBytes(t.hiddenSize, q, s) + 2 * matrixBytes(t.intermediateSize, t.hiddenSize, s) +
        matrixBytes(t.hiddenSize, t.intermediateSize, s);
    plan.weights.push_back({"text decoder matrices", u(t.numLayers) * perLayer,
                            std::to_string(t.numLayers) + " layers x q,k,v,o,gate,up,down in " +
                                formatName(s)});
    const bool tied = t.tieWordEmbeddings;
    plan.weights.push_back({tied ? "embedding = tied head" : "embedding + head",
                            (tied ? 1 : 2) * matrixBytes(t.vocabSize, t.hiddenSize, s),
                            std::to_string(t.vocabSize) + " x " + std::to_string(t.hiddenSize) +
                                " in " + formatName(s)});
    const std::uint64_t norms =
        (u(t.numLayers) * (4 * u(t.hiddenSize) + 2 * u(t.headDim)) + u(t.hiddenSize)) * kFloat;
    plan.weights.push_back({"text norms", norms, "float32 (1 + w) copies"});
    if (config.vision) {
        const VisionConfig& v = *config.vision;
        plan.weights.push_back({"vision tower", visionBytes(v),
                                "SigLIP, " + std::to_string(v.numLayers) + " layers, bf16"});
        plan.weights.push_back({"projector",
                                u(v.hiddenSize) * u(t.hiddenSize) * kBf16 + u(v.hiddenSize) * kFloat,
                                "bf16 matrix + float32 norm"});
    }
    for (const MemoryPlanLine& line : plan.weights) {
        plan.weightBytes += line.bytes;
    }
}

// One prefill chunk: residual and norm temporaries, q/k/v, the attention score block with its
// softmax, the MLP's three [L, intermediate] tensors, and the dequantization block.
std::uint64_t prefillPeak(const ModelConfig& config, const MemoryPlanSettings& s) {
    const TextConfig& t = config.text;
    const std::uint64_t L = u(std::min(s.prefillChunk, s.contextTokens));
    const std::uint64_t hidden = L * u(t.hiddenSize) * (3 * kBf16 + 2 * kFloat);
    const std::uint64_t qkv = L * u((t.numHeads + 2 * t.numKvHeads) * t.headDim) * 2 * kBf16;
    const std::uint64_t scores =
        std::min(kScoreBudget, u(t.numHeads) * L * u(s.contextTokens)) * (2 * kBf16 + 1);
    const std::uint64_t mlp = L * u(t.intermediateSize) * 3 * kBf16;
    const std::uint64_t dequant = s.weights == PlanWeights::BFloat16 ? 0 : kDequantBudget * kBf16;
    return hidden + qkv + std::max(scores, mlp) + dequant;
}

std::uint64_t visionPeak(const VisionConfig& v) {
    const std::uint64_t tokens = u(v.patchesPerSide() * v.patchesPerSide());
    const std::uint64_t width = tokens * u(v.hiddenSize) * kBf16;
    const std::uint64_t scores = std::min(kScoreBudget, u(v.numHeads) * tokens * tokens) * 2 * kBf16;
    const std::uint64_t mlp = tokens * u(v.intermediateSize) * 2 * kBf16;
    return 6 * width + std::max(scores, mlp);
}

}  // namespace

std::uint64_t kvCacheBytes(const TextConfig& text, std::int64_t contextTokens) {
    std::uint64_t positions = 0;
    for (LayerType type : text.layerTypes) {
        positions += type == LayerType::Full ? u(contextTokens)
                                             : u(std::min(text.slidingWindow, contextTokens));
    }
    return positions * 2 * u(text.numKvHeads * text.headDim) * kBf16;
}

MemoryPlan planMemory(const ModelConfig& config, const MemoryPlanSettings& settings) {
    MemoryPlan plan;
    addWeights(config, settings, plan);
    plan.kvCacheBytes = kvCacheBytes(config.text, settings.contextTokens);
    const std::uint64_t logits = 2 * u(config.text.vocabSize) * kFloat;
    plan.activations.push_back({"prefill chunk", prefillPeak(config, settings) + logits,
                                std::to_string(settings.prefillChunk) + " tokens"});
    if (config.vision) {
        plan.activations.push_back({"image encoding", visionPeak(*config.vision) + logits,
                                    "one image, " +
                                        std::to_string(config.vision->patchesPerSide() *
                                                       config.vision->patchesPerSide()) +
                                        " patches"});
    }
    const std::uint64_t decode =
        logits + u(config.text.numHeads) * u(settings.contextTokens) * kFloat +
        u(config.text.intermediateSize) * 4 * kFloat;
    plan.activations.push_back({"decode step", decode, "logits, scores, MLP buffers"});
    for (const MemoryPlanLine& line : plan.activations) {
        plan.activationPeakBytes = std::max(plan.activationPeakBytes, line.bytes);
    }
    return plan;
}

}  // namespace inference
