#pragma once
// The files of a model directory as published on Hugging Face (google/medgemma-4b-it,
// -4b-pt, -27b-it, -27b-text-it, MedGemma 1.5, Gemma 3): which exist, the parsed configs, the
// chat template and a description for the model manager. Pure C++ (no libtorch).
// Thread-safety: free functions without shared state; results are plain values.
// Failure modes: a missing required file -> FileNotFound; malformed files -> InvalidFile;
// everything ModelWeights::open reports for the weights.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "inference/config.h"
#include "inference/result.h"
#include "inference/weights.h"

namespace inference {

struct ModelFiles {
    std::string directory;
    std::string configPath;                             // config.json, required
    std::optional<std::string> generationConfigPath;    // generation_config.json
    std::optional<std::string> preprocessorConfigPath;  // preprocessor_config.json
    std::optional<std::string> processorConfigPath;     // processor_config.json
    std::optional<std::string> tokenizerJsonPath;       // tokenizer.json
    std::optional<std::string> tokenizerModelPath;      // tokenizer.model (SentencePiece)
    std::optional<std::string> tokenizerConfigPath;     // tokenizer_config.json
    std::optional<std::string> specialTokensMapPath;    // special_tokens_map.json
    std::optional<std::string> chatTemplateJinjaPath;   // chat_template.jinja
    std::optional<std::string> chatTemplateJsonPath;    // chat_template.json
};

// Looks the files up; reads nothing. FileNotFound when the directory or config.json is absent.
Result<ModelFiles> resolveModelFiles(const std::string& directory);

struct ModelConfigs {
    ModelConfig model;
    GenerationConfig generation;      // member defaults when generation_config.json is absent
    PreprocessorConfig preprocessor;  // when absent: defaults with the vision image size
    bool hasGenerationConfig = false;
    bool hasPreprocessorConfig = false;
};

// Parses the three config files and checks them against each other: the preprocessor's
// size and image_seq_length must match the vision tower (InvalidFile naming both files).
Result<ModelConfigs> loadModelConfigs(const ModelFiles& files);

struct ChatTemplateSource {
    std::string text;    // the Jinja source
    std::string path;    // the file it was read from
    std::string origin;  // "chat_template.jinja", "chat_template.json", "tokenizer_config.json",
                         // or "tokenizer_config.json (template 'default')" for a named list
};

// transformers' precedence: chat_template.jinja, else chat_template.json {"chat_template":
// "..."}, else tokenizer_config.json's "chat_template" (a string, or a list of {name,
// template} where "default" is taken, else the first). nullopt when none of them has one.
Result<std::optional<ChatTemplateSource>> loadChatTemplate(const ModelFiles& files);

// What a model manager shows about a validated model.
struct ModelDescription {
    std::string architecture;  // e.g. Gemma3ForConditionalGeneration
    std::string layout;        // weightLayoutName()
    bool hasVision = false;
    std::uint64_t parameterCount = 0;  // from the tensor shapes, a tied lm_head counted once
    std::uint64_t textParameters = 0;
    std::uint64_t visionParameters = 0;
    std::uint64_t projectorParameters = 0;
    std::vector<std::string> dtypes;  // distinct tensor dtypes, most bytes first ("BF16", ...)
    std::vector<WeightFile> files;    // for provenance (sizes, later hashes)
    std::uint64_t fileBytes = 0;      // sum of the file sizes
    std::int64_t numLayers = 0;
    std::int64_t hiddenSize = 0;
    std::int64_t imageSize = 0;       // pixels per side; 0 without vision
    std::int64_t tokensPerImage = 0;  // 0 without vision
    bool lmHeadTied = true;

    // One line, e.g. "Gemma3ForConditionalGeneration, 4.30 B parameters (text 3.88 B,
    // vision 417 M, projector 2.95 M), BF16, 8.60 GB in 2 files, 34 layers, text + vision
    // (896 px images, 256 tokens each)".
    std::string summary() const;
};

ModelDescription describeModel(const ModelConfig& config, const ModelWeights& weights);

// Everything above in one call: the engine's entry point for loading a directory.
struct ModelDirectory {
    ModelFiles files;
    ModelConfigs configs;
    ModelWeights weights;
    std::optional<ChatTemplateSource> chatTemplate;
    ModelDescription description;
};

Result<ModelDirectory> openModelDirectory(const std::string& directory);

}  // namespace inference
