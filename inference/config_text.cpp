#include "inference/config_text.h"

namespace inference::config_detail {

using json_detail::FieldReader;
using json_detail::Json;

namespace {

constexpr const char* kSlidingAttention = "sliding_attention";
constexpr const char* kFullAttention = "full_attention";
constexpr const char* kGeluTanh = "gelu_pytorch_tanh";

void readSizes(const FieldReader& r, TextConfig& t) {
    r.readInt("vocab_size", t.vocabSize);
    r.readInt("hidden_size", t.hiddenSize);
    r.readInt("intermediate_size", t.intermediateSize);
    r.readInt("num_hidden_layers", t.numLayers);
    r.readInt("num_attention_heads", t.numHeads);
    r.readInt("num_key_value_heads", t.numKvHeads);
    r.readInt("head_dim", t.headDim);
    r.readInt("max_position_embeddings", t.maxPositionEmbeddings);
    r.readInt("sliding_window", t.slidingWindow);
    r.readNumber("query_pre_attn_scalar", t.queryPreAttnScalar);
    r.readNumber("rms_norm_eps", t.rmsNormEps);
    r.readOptionalNumber("attn_logit_softcapping", t.attnLogitSoftcapping);
    r.readOptionalNumber("final_logit_softcapping", t.finalLogitSoftcapping);
}

void checkSizes(const FieldReader& r, const TextConfig& t) {
    requireSize(r, "vocab_size", t.vocabSize, kMaxDimension);
    requireSize(r, "hidden_size", t.hiddenSize, kMaxDimension);
    requireSize(r, "intermediate_size", t.intermediateSize, kMaxDimension);
    requireSize(r, "num_hidden_layers", t.numLayers, kMaxLayers);
    requireSize(r, "num_attention_heads", t.numHeads, kMaxDimension);
    requireSize(r, "num_key_value_heads", t.numKvHeads, kMaxDimension);
    requireSize(r, "head_dim", t.headDim, kMaxDimension);
    requireSize(r, "max_position_embeddings", t.maxPositionEmbeddings, kMaxPositions);
    requireSize(r, "sliding_window", t.slidingWindow, kMaxPositions);
    requirePositive(r, "query_pre_attn_scalar", t.queryPreAttnScalar);
    requirePositive(r, "rms_norm_eps", t.rmsNormEps);
    requirePositive(r, "attn_logit_softcapping", t.attnLogitSoftcapping.value_or(1.0));
    requirePositive(r, "final_logit_softcapping", t.finalLogitSoftcapping.value_or(1.0));
    if (!r.diagnostics().failed()) {
        r.require(t.numHeads % t.numKvHeads == 0, "num_key_value_heads",
                  "(" + std::to_string(t.numKvHeads) + ") must divide num_attention_heads (" +
                      std::to_string(t.numHeads) + ")");
    }
}

// Features of the Gemma 3 family this engine does not implement are refused by name rather
// than silently computed wrong.
void readUnsupportedSwitches(const FieldReader& r, TextConfig& t) {
    bool attentionBias = false;
    bool bidirectional = false;
    r.readBool("attention_bias", attentionBias);
    r.readBool("use_bidirectional_attention", bidirectional);
    r.readString("hidden_activation", t.hiddenActivation);
    r.readBool("tie_word_embeddings", t.tieWordEmbeddings);
    if (attentionBias) {
        r.fail(ErrorCode::UnsupportedModel,
               r.where("attention_bias") + " is true: Gemma 3 projections have no bias");
    }
    if (bidirectional) {
        r.fail(ErrorCode::UnsupportedModel,
               r.where("use_bidirectional_attention") +
                   " is true: an embedding model, not a causal language model");
    }
    if (t.hiddenActivation != kGeluTanh) {
        r.fail(ErrorCode::UnsupportedModel, r.where("hidden_activation") + " '" +
                                                t.hiddenActivation + "' is not supported (only " +
                                                kGeluTanh + ")");
    }
}

void readLayerTypeList(const FieldReader& r, const Json& list, TextConfig& t) {
    if (!list.is_array()) {
        r.typeError("layer_types", "a list of strings", list);
        return;
    }
    if (static_cast<std::int64_t>(list.size()) != t.numLayers) {
        r.require(false, "layer_types",
                  "has " + std::to_string(list.size()) + " entries but num_hidden_layers is " +
                      std::to_string(t.numLayers));
        return;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string key = "layer_types[" + std::to_string(i) + "]";
        if (!list[i].is_string()) {
            r.typeError(key.c_str(), "a string", list[i]);
            return;
        }
        const std::string& type = list[i].get_ref<const std::string&>();
        if (type != kSlidingAttention && type != kFullAttention) {
            r.fail(ErrorCode::UnsupportedModel,
                   r.where(key.c_str()) + " '" + type + "' is not supported (only " +
                       kSlidingAttention + " and " + kFullAttention + ")");
            return;
        }
        t.layerTypes.push_back(type == kFullAttention ? LayerType::Full : LayerType::Sliding);
    }
}

// New configs list every layer; old ones give a period: layer i is global iff
// (i + 1) % pattern == 0 (transformers' backward-compatible derivation, default 6).
void resolveLayerTypes(const FieldReader& r, TextConfig& t) {
    t.layerTypes.clear();
    if (const Json* list = r.find("layer_types")) {
        readLayerTypeList(r, *list, t);
        return;
    }
    std::int64_t pattern = 6;
    const char* key =
        r.has("sliding_window_pattern") ? "sliding_window_pattern" : "_sliding_window_pattern";
    r.readInt(key, pattern);
    requireSize(r, key, pattern, kMaxLayers);
    if (r.diagnostics().failed()) {
        return;
    }
    for (std::int64_t i = 0; i < t.numLayers; ++i) {
        t.layerTypes.push_back((i + 1) % pattern == 0 ? LayerType::Full : LayerType::Sliding);
    }
}

// One RoPE description: {"rope_type" (or the older "type"), "rope_theta", "factor"}.
void readRopeSpec(const FieldReader& spec, RopeParams& params) {
    std::string type = "default";
    spec.readString("type", type);
    spec.readString("rope_type", type);
    if (spec.has("rope_theta")) {
        spec.readNumber("rope_theta", params.theta);
        requirePositive(spec, "rope_theta", params.theta);
    }
    if (type == "default") {
        params.linearFactor = 1.0;
    } else if (type == "linear") {
        spec.require(spec.has("factor"), "factor", "is required when rope_type is 'linear'");
        spec.readNumber("factor", params.linearFactor);
        requirePositive(spec, "factor", params.linearFactor);
    } else {
        spec.fail(ErrorCode::UnsupportedModel,
                  spec.where("rope_type") + " '" + type +
                      "' is not supported: Gemma 3 uses only 'default' and 'linear' RoPE");
    }
}

// rope_parameters is either keyed by layer type (transformers 5) or one flat description,
// which like the older rope_scaling applies to the full-attention layers only.
bool isKeyedByLayerType(const Json& params) {
    if (!params.is_object() || params.empty()) {
        return false;
    }
    for (const auto& item : params.items()) {
        if (item.key() != kFullAttention && item.key() != kSlidingAttention) {
            return false;
        }
    }
    return true;
}

// Precedence follows transformers: explicit thetas inside rope_parameters win over the
// top-level rope_theta / rope_local_base_freq, and a legacy rope_scaling updates the
// full-attention entry last.
void resolveRope(const FieldReader& r, TextConfig& t) {
    r.readNumber("rope_theta", t.ropeGlobal.theta);
    r.readNumber("rope_local_base_freq", t.ropeLocal.theta);
    if (const Json* params = r.find("rope_parameters")) {
        const FieldReader reader = r.child("rope_parameters");
        if (!isKeyedByLayerType(*params)) {
            readRopeSpec(reader, t.ropeGlobal);
        } else {
            if (reader.has(kFullAttention)) {
                readRopeSpec(reader.child(kFullAttention), t.ropeGlobal);
            }
            if (reader.has(kSlidingAttention)) {
                readRopeSpec(reader.child(kSlidingAttention), t.ropeLocal);
            }
        }
    }
    if (r.has("rope_scaling")) {
        readRopeSpec(r.child("rope_scaling"), t.ropeGlobal);
    }
    requirePositive(r, "rope_theta", t.ropeGlobal.theta);
    requirePositive(r, "rope_local_base_freq", t.ropeLocal.theta);
}

}  // namespace

void requireSize(const FieldReader& reader, const char* key, std::int64_t value,
                 std::int64_t maxValue) {
    reader.require(
        value >= 1 && value <= maxValue, key,
        "must be between 1 and " + std::to_string(maxValue) + ", found " + std::to_string(value));
}

void requirePositive(const FieldReader& reader, const char* key, double value) {
    reader.require(value > 0.0, key, "must be positive, found " + json_detail::formatNumber(value));
}

TextConfig gemma3TextDefaults() {
    TextConfig t;
    t.vocabSize = 262208;
    t.hiddenSize = 2304;
    t.intermediateSize = 9216;
    t.numLayers = 26;
    t.numHeads = 8;
    t.numKvHeads = 4;
    t.headDim = 256;
    t.maxPositionEmbeddings = 131072;
    t.slidingWindow = 4096;
    t.queryPreAttnScalar = 256;
    t.rmsNormEps = 1e-6;
    t.ropeGlobal = RopeParams{1000000.0, 1.0};
    t.ropeLocal = RopeParams{10000.0, 1.0};
    t.hiddenActivation = kGeluTanh;
    t.tieWordEmbeddings = true;
    return t;
}

void readTextConfig(const FieldReader& reader, TextConfig& text) {
    readSizes(reader, text);
    checkSizes(reader, text);
    readUnsupportedSwitches(reader, text);
    resolveRope(reader, text);
    if (!reader.diagnostics().failed()) {
        resolveLayerTypes(reader, text);
    }
}

}  // namespace inference::config_detail
