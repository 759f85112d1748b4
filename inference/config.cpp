#include "inference/config.h"

#include <cmath>

#include "inference/config_json.h"
#include "inference/config_text.h"

namespace inference {

using json_detail::Diagnostics;
using json_detail::FieldReader;
using json_detail::Json;

namespace {

constexpr const char* kConditionalGeneration = "Gemma3ForConditionalGeneration";
constexpr const char* kCausalLm = "Gemma3ForCausalLM";
constexpr const char* kGeluTanh = "gelu_pytorch_tanh";

// floor(sqrt(value)) for value >= 0, exact where the double estimate is off by one; the
// comparisons divide instead of multiplying so they cannot overflow.
std::int64_t integerSqrt(std::int64_t value) {
    if (value <= 0) {
        return 0;
    }
    auto root = static_cast<std::int64_t>(std::sqrt(static_cast<double>(value)));
    while (root > 0 && root > value / root) {
        --root;
    }
    while (root + 1 <= value / (root + 1)) {
        ++root;
    }
    return root;
}

// First entry of "architectures", or "" when the key is absent.
std::string readArchitecture(const FieldReader& root) {
    const Json* list = root.find("architectures");
    if (!list) {
        return {};
    }
    if (!list->is_array() || list->empty() || !(*list)[0].is_string()) {
        root.typeError("architectures", "a non-empty list of strings", *list);
        return {};
    }
    return (*list)[0].get<std::string>();
}

// Decides between the multimodal form (model_type gemma3: text_config + vision_config) and
// the text-only form (gemma3_text: text keys at the top level). Returns true for multimodal.
bool identifyModel(const FieldReader& root, ModelConfig& config) {
    std::string modelType;
    root.readString("model_type", modelType);
    const std::string arch = readArchitecture(root);
    if (modelType.empty() && arch.empty()) {
        root.fail(ErrorCode::UnsupportedModel,
                  root.fileName() + ": names neither model_type nor architectures");
    } else if (!modelType.empty() && modelType != "gemma3" && modelType != "gemma3_text") {
        root.fail(ErrorCode::UnsupportedModel,
                  root.where("model_type") + " '" + modelType +
                      "' is not supported (only gemma3 and gemma3_text)");
    } else if (!arch.empty() && arch != kConditionalGeneration && arch != kCausalLm) {
        root.fail(ErrorCode::UnsupportedModel,
                  root.where("architectures") + " '" + arch + "' is not supported (only " +
                      kConditionalGeneration + " and " + kCausalLm + ")");
    }
    const bool multimodal =
        modelType.empty() ? arch == kConditionalGeneration : modelType == "gemma3";
    config.architecture = multimodal ? kConditionalGeneration : kCausalLm;
    if (!arch.empty() && arch != config.architecture && !root.diagnostics().failed()) {
        root.fail(ErrorCode::UnsupportedModel, root.where("architectures") + " '" + arch +
                                                   "' does not match model_type '" + modelType +
                                                   "'");
    }
    return multimodal;
}

// transformers' SiglipVisionConfig defaults, except the activation and epsilon: the first
// SigLIP config revision defaulted to quick_gelu / 1e-5, Gemma 3 uses gelu-tanh / 1e-6.
VisionConfig siglipDefaults() {
    VisionConfig v;
    v.hiddenSize = 768;
    v.intermediateSize = 3072;
    v.numLayers = 12;
    v.numHeads = 12;
    v.imageSize = 224;
    v.patchSize = 16;
    v.numChannels = 3;
    v.layerNormEps = 1e-6;
    v.hiddenActivation = kGeluTanh;
    return v;
}

void checkVision(const FieldReader& r, const VisionConfig& v) {
    using config_detail::kMaxDimension;
    config_detail::requireSize(r, "hidden_size", v.hiddenSize, kMaxDimension);
    config_detail::requireSize(r, "intermediate_size", v.intermediateSize, kMaxDimension);
    config_detail::requireSize(r, "num_hidden_layers", v.numLayers, config_detail::kMaxLayers);
    config_detail::requireSize(r, "num_attention_heads", v.numHeads, kMaxDimension);
    config_detail::requireSize(r, "image_size", v.imageSize, std::int64_t{1} << 16);
    config_detail::requireSize(r, "patch_size", v.patchSize, std::int64_t{1} << 16);
    config_detail::requirePositive(r, "layer_norm_eps", v.layerNormEps);
    if (r.diagnostics().failed()) {
        return;
    }
    r.require(v.hiddenSize % v.numHeads == 0, "num_attention_heads",
              "(" + std::to_string(v.numHeads) + ") must divide hidden_size (" +
                  std::to_string(v.hiddenSize) + ")");
    r.require(v.imageSize % v.patchSize == 0, "patch_size",
              "(" + std::to_string(v.patchSize) + ") must divide image_size (" +
                  std::to_string(v.imageSize) + ")");
    if (v.numChannels != 3) {
        r.fail(ErrorCode::UnsupportedModel, r.where("num_channels") + " is " +
                                                std::to_string(v.numChannels) +
                                                "; only RGB (3) images are supported");
    }
    if (v.hiddenActivation != kGeluTanh) {
        r.fail(ErrorCode::UnsupportedModel, r.where("hidden_act") + " '" + v.hiddenActivation +
                                                "' is not supported (only " + kGeluTanh + ")");
    }
}

VisionConfig readVision(const FieldReader& r) {
    VisionConfig v = siglipDefaults();
    r.readInt("hidden_size", v.hiddenSize);
    r.readInt("intermediate_size", v.intermediateSize);
    r.readInt("num_hidden_layers", v.numLayers);
    r.readInt("num_attention_heads", v.numHeads);
    r.readInt("image_size", v.imageSize);
    r.readInt("patch_size", v.patchSize);
    r.readInt("num_channels", v.numChannels);
    r.readNumber("layer_norm_eps", v.layerNormEps);
    r.readString("hidden_act", v.hiddenActivation);
    checkVision(r, v);
    return v;
}

// The projector average-pools the patch grid down to mm_tokens_per_image tokens, so the
// token count must be a square whose side divides the grid side.
void checkTokensPerImage(const FieldReader& root, const ModelConfig& config) {
    const std::int64_t tokens = config.mmTokensPerImage;
    config_detail::requireSize(root, "mm_tokens_per_image", tokens, std::int64_t{1} << 24);
    if (root.diagnostics().failed()) {
        return;
    }
    const std::int64_t side = integerSqrt(tokens);
    root.require(side * side == tokens, "mm_tokens_per_image",
                 "(" + std::to_string(tokens) + ") must be a perfect square");
    const std::int64_t grid = config.vision->patchesPerSide();
    root.require(side * side != tokens || grid % side == 0, "mm_tokens_per_image",
                 "(" + std::to_string(tokens) + "): its square root " + std::to_string(side) +
                     " must divide the " + std::to_string(grid) + " patches per image side");
}

// transformers accepts both spellings (image_token_index and its attribute alias).
void readTokenId(const FieldReader& root, const char* key, const char* alias, std::int64_t& out) {
    root.readInt(root.has(key) ? key : alias, out);
}

void readMultimodalKeys(const FieldReader& root, ModelConfig& config) {
    config.vision = readVision(root.child("vision_config"));
    root.readInt("mm_tokens_per_image", config.mmTokensPerImage);
    readTokenId(root, "boi_token_index", "boi_token_id", config.boiTokenId);
    readTokenId(root, "eoi_token_index", "eoi_token_id", config.eoiTokenId);
    readTokenId(root, "image_token_index", "image_token_id", config.imageTokenId);
    if (!root.diagnostics().failed()) {
        checkTokensPerImage(root, config);
    }
}

void requireTokenId(const FieldReader& root, const char* key, std::int64_t id,
                    std::int64_t vocabSize) {
    root.require(id >= 0 && id < vocabSize, key,
                 "(" + std::to_string(id) + ") must be a token id below vocab_size (" +
                     std::to_string(vocabSize) + ")");
}

void checkTokenIds(const FieldReader& root, const ModelConfig& config) {
    const std::int64_t vocab = config.text.vocabSize;
    for (const std::int64_t id : config.eosTokenIds) {
        requireTokenId(root, "eos_token_id", id, vocab);
    }
    if (config.hasVision()) {
        requireTokenId(root, "boi_token_index", config.boiTokenId, vocab);
        requireTokenId(root, "eoi_token_index", config.eoiTokenId, vocab);
        requireTokenId(root, "image_token_index", config.imageTokenId, vocab);
    }
}

// Keys that a multimodal config may carry at the top level or inside text_config; the top
// level is what transformers' generation and dtype handling read first.
void readSharedKeys(const FieldReader& root, const FieldReader& text, ModelConfig& config) {
    const FieldReader& eosSource = root.has("eos_token_id") ? root : text;
    eosSource.readIntOrList("eos_token_id", config.eosTokenIds);
    root.require(!config.eosTokenIds.empty(), "eos_token_id", "must name at least one token");
    for (const FieldReader* source : {&root, &text}) {
        for (const char* key : {"torch_dtype", "dtype"}) {
            if (source->has(key)) {
                source->readString(key, config.torchDtype);
                return;
            }
        }
    }
}

}  // namespace

std::int64_t ModelConfig::poolKernel() const {
    if (!vision || mmTokensPerImage <= 0) {
        return 0;
    }
    const std::int64_t side = integerSqrt(mmTokensPerImage);
    return side > 0 ? vision->patchesPerSide() / side : 0;
}

Result<ModelConfig> parseModelConfig(const std::string& jsonText, const std::string& fileName) {
    auto json = json_detail::parseJsonObject(jsonText, fileName);
    if (!json.ok()) {
        return json.error();
    }
    Diagnostics diag;
    const FieldReader root(json.value(), fileName, "", diag);
    ModelConfig config;
    config.text = config_detail::gemma3TextDefaults();
    const bool multimodal = identifyModel(root, config);
    const FieldReader text = multimodal ? root.child("text_config") : root;
    if (!diag.failed()) {
        config_detail::readTextConfig(text, config.text);
    }
    if (multimodal && !text.has("tie_word_embeddings")) {
        root.readBool("tie_word_embeddings", config.text.tieWordEmbeddings);
    }
    if (multimodal && !diag.failed()) {
        readMultimodalKeys(root, config);
    }
    readSharedKeys(root, text, config);
    if (!diag.failed()) {
        checkTokenIds(root, config);
    }
    if (diag.failed()) {
        return diag.error();
    }
    return config;
}

}  // namespace inference
