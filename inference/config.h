#pragma once
// config.json, generation_config.json and preprocessor_config.json of a Gemma 3 / MedGemma
// model directory, resolved into complete values. Accepts the old form (sliding_window_pattern,
// rope_scaling, rope_local_base_freq) and the new one (layer_types, rope_parameters), sparse or
// fully written; absent keys take transformers' Gemma 3 defaults. Config is data: validated
// here once, then trusted by the rest of the engine.
// Thread-safety: plain values.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "inference/result.h"

namespace inference {

enum class LayerType { Sliding, Full };

struct RopeParams {
    double theta = 10000.0;     // base frequency
    double linearFactor = 1.0;  // "linear" scaling divides inv_freq by this; 1 = default rope
};

struct TextConfig {
    std::int64_t hiddenSize = 2560;
    std::int64_t intermediateSize = 10240;
    std::int64_t numLayers = 34;
    std::int64_t numHeads = 8;
    std::int64_t numKvHeads = 4;
    std::int64_t headDim = 256;
    std::int64_t vocabSize = 262208;
    std::int64_t maxPositionEmbeddings = 131072;
    std::int64_t slidingWindow = 1024;
    double queryPreAttnScalar = 256;
    double rmsNormEps = 1e-6;
    std::optional<double> attnLogitSoftcapping;   // none for Gemma 3
    std::optional<double> finalLogitSoftcapping;  // none for Gemma 3
    std::vector<LayerType> layerTypes;            // one per layer, always numLayers long
    RopeParams ropeGlobal{1000000.0, 1.0};        // full-attention layers
    RopeParams ropeLocal{10000.0, 1.0};           // sliding layers
    std::string hiddenActivation = "gelu_pytorch_tanh";
    bool tieWordEmbeddings = true;
};

struct VisionConfig {
    std::int64_t hiddenSize = 1152;
    std::int64_t intermediateSize = 4304;
    std::int64_t numLayers = 27;
    std::int64_t numHeads = 16;
    std::int64_t imageSize = 896;
    std::int64_t patchSize = 14;
    std::int64_t numChannels = 3;
    double layerNormEps = 1e-6;
    std::string hiddenActivation = "gelu_pytorch_tanh";

    std::int64_t patchesPerSide() const { return imageSize / patchSize; }
};

struct ModelConfig {
    std::string architecture;  // "Gemma3ForConditionalGeneration" or "Gemma3ForCausalLM"
    TextConfig text;
    std::optional<VisionConfig> vision;  // absent for text-only checkpoints
    std::int64_t mmTokensPerImage = 256;
    std::int64_t boiTokenId = 255999;    // <start_of_image>
    std::int64_t eoiTokenId = 256000;    // <end_of_image>
    std::int64_t imageTokenId = 262144;  // <image_soft_token>
    std::vector<std::int64_t> eosTokenIds{1, 106};
    std::string torchDtype = "bfloat16";

    bool hasVision() const { return vision.has_value(); }
    // Side of the average-pool window of the projector: patchesPerSide / sqrt(mmTokensPerImage);
    // 0 for a text-only model.
    std::int64_t poolKernel() const;
};

struct GenerationConfig {
    std::vector<std::int64_t> eosTokenIds{1, 106};
    std::int64_t bosTokenId = 2;
    std::int64_t padTokenId = 0;
    bool doSample = false;
    double temperature = 1.0;
    std::int64_t topK = 64;
    double topP = 0.95;
    std::optional<std::int64_t> maxNewTokens;
};

struct PreprocessorConfig {
    std::int64_t height = 896;
    std::int64_t width = 896;
    double rescaleFactor = 1.0 / 255.0;
    double mean[3] = {0.5, 0.5, 0.5};
    double std[3] = {0.5, 0.5, 0.5};
    bool doResize = true;
    bool doRescale = true;
    bool doNormalize = true;
    bool doConvertRgb = true;
    int resample = 2;  // PIL BILINEAR; the only filter supported
    bool doPanAndScan = false;
    std::int64_t panAndScanMinCropSize = 256;
    std::int64_t panAndScanMaxNumCrops = 4;
    double panAndScanMinRatioToActivate = 1.2;
    // image_seq_length when the file states it; must equal ModelConfig::mmTokensPerImage.
    std::optional<std::int64_t> imageSeqLength;
};

// Parses config.json text. `fileName` is used in error messages.
// Both forms are accepted: old (sliding_window_pattern, rope_scaling on the full-attention
// layers, rope_theta, rope_local_base_freq) and new (layer_types, rope_parameters keyed by
// "full_attention"/"sliding_attention", or one flat rope_parameters dict that, like
// rope_scaling, applies to the full-attention layers). Absent or null keys take the defaults
// of transformers' Gemma3TextConfig / SiglipVisionConfig (not the member initialisers above,
// which are the 4B values): e.g. sliding_window 4096, head_dim 256, query_pre_attn_scalar 256,
// vision 768 wide with patch 16, and always gelu_pytorch_tanh / 1e-6 in the vision tower.
// Text-only configs (model_type gemma3_text, Gemma3ForCausalLM) carry the text keys at the top
// level and resolve to `vision == nullopt`. eos_token_id may be an integer or a list; when no
// eos_token_id is given anywhere, [1, 106] (<eos>, <end_of_turn>) stands, so chat models stop.
// Errors: malformed JSON or a key of the wrong type or value -> InvalidFile naming the key
// ("config.json: text_config.hidden_size must be an integer, found a string"); a well-formed
// model this engine does not run (other architectures, RoPE types other than default/linear,
// attention_bias, non-tanh activations) -> UnsupportedModel.
Result<ModelConfig> parseModelConfig(const std::string& jsonText, const std::string& fileName);
// generation_config.json and preprocessor_config.json: absent or null keys keep the member
// initialisers above (Gemma 3's published values). Errors as for parseModelConfig.
Result<GenerationConfig> parseGenerationConfig(const std::string& jsonText,
                                               const std::string& fileName);
Result<PreprocessorConfig> parsePreprocessorConfig(const std::string& jsonText,
                                                   const std::string& fileName);

}  // namespace inference
