// A human description of a validated model for the model manager.
#include "inference/model_files.h"

#include <algorithm>
#include <cstdio>
#include <map>

namespace inference {

namespace {

// "4.30 B", "417 M", "2.95 M", "950 K": three significant digits.
std::string formatCount(double value, const char* const (&units)[4], double base) {
    int unit = 0;
    while (value >= base && unit < 3) {
        value /= base;
        ++unit;
    }
    char text[32];
    const char* format = value >= 100 ? "%.0f %s" : value >= 10 ? "%.1f %s" : "%.2f %s";
    std::snprintf(text, sizeof text, format, value, units[unit]);
    return text;
}

std::string formatParameters(std::uint64_t count) {
    static const char* const kUnits[4] = {"", "K", "M", "B"};
    std::string text = formatCount(static_cast<double>(count), kUnits, 1000.0);
    return count < 1000 ? std::to_string(count) : text;
}

std::string formatBytes(std::uint64_t bytes) {
    static const char* const kUnits[4] = {"bytes", "kB", "MB", "GB"};
    return bytes < 1000 ? std::to_string(bytes) + " bytes"
                        : formatCount(static_cast<double>(bytes), kUnits, 1000.0);
}

bool startsWith(const std::string& text, const char* prefix) {
    return text.rfind(prefix, 0) == 0;
}

void countParameters(const ModelWeights& weights, ModelDescription& d) {
    std::map<std::string, std::uint64_t> bytesByDtype;
    for (const std::string& name : weights.names()) {
        const TensorView& view = weights.get(name);
        bytesByDtype[dtypeName(view.dtype)] += view.byteSize;
        if (name == weight_names::kLmHead && weights.lmHeadTied()) {
            continue;  // transformers ties it to the embedding: the same parameters
        }
        const auto numel = static_cast<std::uint64_t>(view.numel());
        (startsWith(name, "vision.")      ? d.visionParameters
         : startsWith(name, "projector.") ? d.projectorParameters
                                          : d.textParameters) += numel;
    }
    d.parameterCount = d.textParameters + d.visionParameters + d.projectorParameters;
    std::vector<std::pair<std::uint64_t, std::string>> order;
    for (const auto& [dtype, bytes] : bytesByDtype) {
        order.emplace_back(bytes, dtype);
    }
    std::sort(order.rbegin(), order.rend());
    for (const auto& entry : order) {
        d.dtypes.push_back(entry.second);
    }
}

std::string joined(const std::vector<std::string>& items, const char* separator) {
    std::string text;
    for (const std::string& item : items) {
        text += (text.empty() ? "" : separator) + item;
    }
    return text;
}

}  // namespace

ModelDescription describeModel(const ModelConfig& config, const ModelWeights& weights) {
    ModelDescription d;
    d.architecture = config.architecture;
    d.layout = weightLayoutName(weights.layout());
    d.hasVision = config.hasVision();
    countParameters(weights, d);
    d.files = weights.files();
    for (const WeightFile& file : d.files) {
        d.fileBytes += file.sizeBytes;
    }
    d.numLayers = config.text.numLayers;
    d.hiddenSize = config.text.hiddenSize;
    if (config.vision) {
        d.imageSize = config.vision->imageSize;
        d.tokensPerImage = config.mmTokensPerImage;
    }
    d.lmHeadTied = weights.lmHeadTied();
    return d;
}

std::string ModelDescription::summary() const {
    std::string text = architecture + ", " + formatParameters(parameterCount) + " parameters";
    if (hasVision) {
        text += " (text " + formatParameters(textParameters) + ", vision " +
                formatParameters(visionParameters) + ", projector " +
                formatParameters(projectorParameters) + ")";
    }
    text += ", " + joined(dtypes, " + ") + ", " + formatBytes(fileBytes) + " in " +
            std::to_string(files.size()) + (files.size() == 1 ? " file" : " files") + ", " +
            std::to_string(numLayers) + " layers, ";
    if (hasVision) {
        text += "text + vision (" + std::to_string(imageSize) + " px images, " +
                std::to_string(tokensPerImage) + " tokens each)";
    } else {
        text += "text only";
    }
    return text;
}

}  // namespace inference
