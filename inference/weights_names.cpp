// Canonical tensor names: the layout prefix rules and the tensor list a config implies.
#include "inference/weights.h"

#include <cstring>

namespace inference {

namespace {

struct PrefixRule {
    const char* stored;
    const char* canonical;
    bool wholeName;  // the rule renames one tensor rather than a prefix
};

// Whole-name rules come first: in the text-only layout "lm_head.weight" must not be taken for
// a prefix match, and the canonical "lm_head.weight" maps back by the same rule.
constexpr PrefixRule kTransformers4Rules[] = {
    {"language_model.lm_head.weight", weight_names::kLmHead, true},
    {"language_model.model.", "text.", false},
    {"vision_tower.vision_model.", "vision.", false},
    {"multi_modal_projector.", "projector.", false},
};
constexpr PrefixRule kTransformers5Rules[] = {
    {"lm_head.weight", weight_names::kLmHead, true},
    {"model.language_model.", "text.", false},
    {"model.vision_tower.vision_model.", "vision.", false},
    {"model.multi_modal_projector.", "projector.", false},
};
constexpr PrefixRule kTextOnlyRules[] = {
    {"lm_head.weight", weight_names::kLmHead, true},
    {"model.", "text.", false},
};

template <std::size_t N>
std::vector<PrefixRule> toVector(const PrefixRule (&rules)[N]) {
    return std::vector<PrefixRule>(rules, rules + N);
}

std::vector<PrefixRule> rulesOf(WeightLayout layout) {
    switch (layout) {
        case WeightLayout::Transformers4:
            return toVector(kTransformers4Rules);
        case WeightLayout::Transformers5:
            return toVector(kTransformers5Rules);
        case WeightLayout::TextOnly:
            return toVector(kTextOnlyRules);
    }
    return {};
}

bool startsWith(const std::string& text, const char* prefix) {
    return text.compare(0, std::strlen(prefix), prefix) == 0;
}

// Rewrites `name` by the first rule whose `from` side matches.
std::optional<std::string> applyRules(const std::string& name, WeightLayout layout,
                                      bool toCanonical) {
    for (const PrefixRule& rule : rulesOf(layout)) {
        const char* from = toCanonical ? rule.stored : rule.canonical;
        const char* to = toCanonical ? rule.canonical : rule.stored;
        if (rule.wholeName ? name == from : startsWith(name, from)) {
            return to + name.substr(std::strlen(from));
        }
    }
    return std::nullopt;
}

void addTextTensors(const TextConfig& t, std::vector<ExpectedTensor>& out) {
    const std::int64_t h = t.hiddenSize;
    const std::int64_t q = t.numHeads * t.headDim;
    const std::int64_t kv = t.numKvHeads * t.headDim;
    const std::int64_t ff = t.intermediateSize;
    out.push_back({weight_names::kEmbedTokens, {t.vocabSize, h}});
    for (std::int64_t i = 0; i < t.numLayers; ++i) {
        const auto add = [&](const char* rest, std::vector<std::int64_t> shape) {
            out.push_back({weight_names::textLayer(i, rest), std::move(shape)});
        };
        add("input_layernorm.weight", {h});
        add("self_attn.q_proj.weight", {q, h});
        add("self_attn.k_proj.weight", {kv, h});
        add("self_attn.v_proj.weight", {kv, h});
        add("self_attn.o_proj.weight", {h, q});
        add("self_attn.q_norm.weight", {t.headDim});
        add("self_attn.k_norm.weight", {t.headDim});
        add("post_attention_layernorm.weight", {h});
        add("pre_feedforward_layernorm.weight", {h});
        add("post_feedforward_layernorm.weight", {h});
        add("mlp.gate_proj.weight", {ff, h});
        add("mlp.up_proj.weight", {ff, h});
        add("mlp.down_proj.weight", {h, ff});
    }
    out.push_back({weight_names::kFinalNorm, {h}});
    out.push_back({weight_names::kLmHead, {t.vocabSize, h}, /*optional=*/true});
}

void addVisionTensors(const VisionConfig& v, std::vector<ExpectedTensor>& out) {
    const std::int64_t w = v.hiddenSize;
    const std::int64_t ff = v.intermediateSize;
    const std::int64_t patches = v.patchesPerSide() * v.patchesPerSide();
    out.push_back(
        {"vision.embeddings.patch_embedding.weight", {w, v.numChannels, v.patchSize, v.patchSize}});
    out.push_back({"vision.embeddings.patch_embedding.bias", {w}});
    out.push_back({"vision.embeddings.position_embedding.weight", {patches, w}});
    for (std::int64_t j = 0; j < v.numLayers; ++j) {
        const auto add = [&](const std::string& rest, std::vector<std::int64_t> shape) {
            out.push_back({weight_names::visionLayer(j, rest), std::move(shape)});
        };
        const auto addAffine = [&](const std::string& module, std::int64_t rows,
                                   std::int64_t cols) {
            add(module + ".weight", {rows, cols});
            add(module + ".bias", {rows});
        };
        add("layer_norm1.weight", {w});
        add("layer_norm1.bias", {w});
        for (const char* proj : {"q_proj", "k_proj", "v_proj", "out_proj"}) {
            addAffine(std::string("self_attn.") + proj, w, w);
        }
        add("layer_norm2.weight", {w});
        add("layer_norm2.bias", {w});
        addAffine("mlp.fc1", ff, w);
        addAffine("mlp.fc2", w, ff);
    }
    out.push_back({"vision.post_layernorm.weight", {w}});
    out.push_back({"vision.post_layernorm.bias", {w}});
}

}  // namespace

const char* weightLayoutName(WeightLayout layout) {
    switch (layout) {
        case WeightLayout::Transformers4:
            return "transformers 4.x layout (language_model.model.*, vision_tower.vision_model.*)";
        case WeightLayout::Transformers5:
            return "transformers 5 layout (model.language_model.*, model.vision_tower.*)";
        case WeightLayout::TextOnly:
            return "text-only layout (model.*)";
    }
    return "unknown layout";
}

std::optional<std::string> canonicalTensorName(const std::string& stored, WeightLayout layout) {
    return applyRules(stored, layout, /*toCanonical=*/true);
}

bool isTextLayerProjection(const std::string& canonical) {
    const std::string suffix = "_proj.weight";
    return canonical.rfind("text.layers.", 0) == 0 && canonical.size() > suffix.size() &&
           canonical.compare(canonical.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string storedTensorName(const std::string& canonical, WeightLayout layout) {
    return applyRules(canonical, layout, /*toCanonical=*/false).value_or(canonical);
}

std::string weight_names::textLayer(std::int64_t layer, const std::string& rest) {
    return "text.layers." + std::to_string(layer) + "." + rest;
}

std::string weight_names::visionLayer(std::int64_t layer, const std::string& rest) {
    return "vision.encoder.layers." + std::to_string(layer) + "." + rest;
}

std::vector<ExpectedTensor> expectedTensors(const ModelConfig& config) {
    std::vector<ExpectedTensor> out;
    addTextTensors(config.text, out);
    if (config.vision) {
        const VisionConfig& v = *config.vision;
        addVisionTensors(v, out);
        out.push_back({weight_names::kProjection, {v.hiddenSize, config.text.hiddenSize}});
        out.push_back({weight_names::kSoftEmbNorm, {v.hiddenSize}});
    }
    return out;
}

}  // namespace inference
