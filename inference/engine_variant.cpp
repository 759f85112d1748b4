#include "inference/engine_variant.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace inference {
namespace {

std::string lowerBaseName(const std::string& directory) {
    std::string path = directory;
    while (!path.empty() && path.back() == '/') {
        path.pop_back();
    }
    // A Hugging Face cache snapshot is models--org--name/snapshots/<hash>: use the repo name.
    const auto snapshots = path.find("/snapshots/");
    if (snapshots != std::string::npos) {
        path = path.substr(0, snapshots);
    }
    std::string name = path.substr(path.find_last_of('/') + 1);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return name;
}

std::string sizeLabel(std::uint64_t parameters) {
    const double billions = double(parameters) / 1e9;
    if (billions >= 1.0) {
        char text[16];
        // Gemma 3 sizes are named by their text model: 4.3 B with vision is "4B", 28.4 B "27B".
        const double named = billions > 20 ? 27 : billions > 8 ? 12 : billions > 2 ? 4 : 1;
        std::snprintf(text, sizeof text, "%.0fB", named);
        return text;
    }
    char text[16];
    std::snprintf(text, sizeof text, "%.0fM", double(parameters) / 1e6);
    return text;
}

}  // namespace

std::string variantName(const std::string& directory, const ModelConfig& config,
                        std::uint64_t parameterCount, bool hasChatTemplate) {
    const std::string name = lowerBaseName(directory);
    const bool medgemma = name.find("medgemma") != std::string::npos;
    std::string family = medgemma ? "MedGemma" : "Gemma 3";
    if (name.find("1.5") != std::string::npos || name.find("1_5") != std::string::npos) {
        family += " 1.5";
    }
    std::string kind;
    if (name.find("-pt") != std::string::npos) {
        kind = "pretrained";
    } else if (hasChatTemplate || name.find("-it") != std::string::npos) {
        kind = "instruction-tuned";
    }
    if (!config.hasVision()) {
        kind += kind.empty() ? "text only" : ", text only";
    }
    std::string result = family + " " + sizeLabel(parameterCount);
    return kind.empty() ? result : result + " (" + kind + ")";
}

std::int64_t contextLimitForMemory(const TextConfig& text, std::size_t elementBytes,
                                   std::uint64_t availableBytes) {
    std::int64_t full = 0;
    std::int64_t sliding = 0;
    for (LayerType type : text.layerTypes) {
        (type == LayerType::Full ? full : sliding) += 1;
    }
    const double perPosition = 2.0 * double(text.numKvHeads * text.headDim) * double(elementBytes);
    const double ringBytes = perPosition * double(sliding * text.slidingWindow);
    // Keep half of what is free for activations, the logits and everything else.
    const double budget = 0.5 * double(availableBytes) - ringBytes;
    if (availableBytes == 0 || full == 0) {
        return text.maxPositionEmbeddings;
    }
    const auto fits = std::int64_t(std::max(0.0, budget / (perPosition * double(full))));
    return std::clamp<std::int64_t>(fits, std::min<std::int64_t>(4096, text.maxPositionEmbeddings),
                                    text.maxPositionEmbeddings);
}

}  // namespace inference
