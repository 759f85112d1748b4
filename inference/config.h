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
    double theta = 10000.0;  // base frequency
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
    std::string architecture;      // "Gemma3ForConditionalGeneration" or "Gemma3ForCausalLM"
    TextConfig text;
    std::optional<VisionConfig> vision;  // absent for text-only checkpoints
    std::int64_t mmTokensPerImage = 256;
    std::int64_t boiTokenId = 255999;    // <start_of_image>
    std::int64_t eoiTokenId = 256000;    // <end_of_image>
    std::int64_t imageTokenId = 262144;  // <image_soft_token>
    std::vector<std::int64_t> eosTokenIds{1, 106};
    std::string torchDtype = "bfloat16";

    bool hasVision() const { return vision.has_value(); }
    // Side of the average-pool window of the projector: patchesPerSide / sqrt(mmTokensPerImage).
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
};

// Parses config.json text. `fileName` is used in error messages.
Result<ModelConfig> parseModelConfig(const std::string& jsonText, const std::string& fileName);
Result<GenerationConfig> parseGenerationConfig(const std::string& jsonText,
                                               const std::string& fileName);
Result<PreprocessorConfig> parsePreprocessorConfig(const std::string& jsonText,
                                                   const std::string& fileName);

}  // namespace inference
