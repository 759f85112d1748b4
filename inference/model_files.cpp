#include "inference/model_files.h"

#include <filesystem>
#include <system_error>

#include "inference/config_json.h"

namespace inference {

namespace fs = std::filesystem;

namespace {

// Configs are a few kB, tokenizer_config.json about 1 MB; anything far larger is not one.
constexpr std::uint64_t kMaxJsonBytes = 64ull << 20;

std::optional<std::string> existingFile(const std::string& directory, const char* name) {
    const fs::path path = fs::path(directory) / name;
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) {
        return path.string();
    }
    return std::nullopt;
}

template <typename T>
Result<T> parseFile(const std::string& path,
                    Result<T> (*parse)(const std::string&, const std::string&)) {
    auto text = json_detail::readTextFile(path, kMaxJsonBytes);
    if (!text.ok()) {
        return text.error();
    }
    return parse(text.value(), path);
}

Status checkPreprocessor(const ModelFiles& files, const ModelConfigs& configs) {
    const VisionConfig& vision = *configs.model.vision;
    const PreprocessorConfig& pre = configs.preprocessor;
    const std::string& path = *files.preprocessorConfigPath;
    if (pre.height != vision.imageSize || pre.width != vision.imageSize) {
        return makeError(ErrorCode::InvalidFile,
                         path + ": size " + std::to_string(pre.width) + "x" +
                             std::to_string(pre.height) + " differs from " + files.configPath +
                             ": vision_config.image_size " + std::to_string(vision.imageSize));
    }
    if (pre.imageSeqLength && *pre.imageSeqLength != configs.model.mmTokensPerImage) {
        return makeError(ErrorCode::InvalidFile,
                         path + ": image_seq_length " + std::to_string(*pre.imageSeqLength) +
                             " differs from " + files.configPath + ": mm_tokens_per_image " +
                             std::to_string(configs.model.mmTokensPerImage));
    }
    return {};
}

}  // namespace

Result<ModelFiles> resolveModelFiles(const std::string& directory) {
    std::error_code ec;
    if (!fs::is_directory(directory, ec)) {
        return makeError(ErrorCode::FileNotFound,
                         directory + ": model directory not found or not a directory");
    }
    ModelFiles files;
    files.directory = directory;
    const auto config = existingFile(directory, "config.json");
    if (!config) {
        return makeError(ErrorCode::FileNotFound, directory + ": config.json not found");
    }
    files.configPath = *config;
    files.generationConfigPath = existingFile(directory, "generation_config.json");
    files.preprocessorConfigPath = existingFile(directory, "preprocessor_config.json");
    files.processorConfigPath = existingFile(directory, "processor_config.json");
    files.tokenizerJsonPath = existingFile(directory, "tokenizer.json");
    files.tokenizerModelPath = existingFile(directory, "tokenizer.model");
    files.tokenizerConfigPath = existingFile(directory, "tokenizer_config.json");
    files.specialTokensMapPath = existingFile(directory, "special_tokens_map.json");
    files.chatTemplateJinjaPath = existingFile(directory, "chat_template.jinja");
    files.chatTemplateJsonPath = existingFile(directory, "chat_template.json");
    return files;
}

Result<ModelConfigs> loadModelConfigs(const ModelFiles& files) {
    auto model = parseFile<ModelConfig>(files.configPath, &parseModelConfig);
    if (!model.ok()) {
        return model.error();
    }
    ModelConfigs configs{std::move(model.value()), {}, {}, false, false};
    if (files.generationConfigPath) {
        auto generation =
            parseFile<GenerationConfig>(*files.generationConfigPath, &parseGenerationConfig);
        if (!generation.ok()) {
            return generation.error();
        }
        configs.generation = std::move(generation.value());
        configs.hasGenerationConfig = true;
    }
    if (files.preprocessorConfigPath) {
        auto pre =
            parseFile<PreprocessorConfig>(*files.preprocessorConfigPath, &parsePreprocessorConfig);
        if (!pre.ok()) {
            return pre.error();
        }
        configs.preprocessor = std::move(pre.value());
        configs.hasPreprocessorConfig = true;
    }
    if (configs.model.vision && !configs.hasPreprocessorConfig) {
        configs.preprocessor.height = configs.model.vision->imageSize;
        configs.preprocessor.width = configs.model.vision->imageSize;
    }
    if (configs.model.vision && configs.hasPreprocessorConfig) {
        if (const Status status = checkPreprocessor(files, configs); !status.ok()) {
            return status.error();
        }
    }
    return configs;
}

Result<ModelDirectory> openModelDirectory(const std::string& directory) {
    auto files = resolveModelFiles(directory);
    if (!files.ok()) {
        return files.error();
    }
    auto configs = loadModelConfigs(files.value());
    if (!configs.ok()) {
        return configs.error();
    }
    auto weights = ModelWeights::open(directory, configs.value().model);
    if (!weights.ok()) {
        return weights.error();
    }
    auto chatTemplate = loadChatTemplate(files.value());
    if (!chatTemplate.ok()) {
        return chatTemplate.error();
    }
    ModelDescription description = describeModel(configs.value().model, weights.value());
    return ModelDirectory{std::move(files.value()), std::move(configs.value()),
                          std::move(weights.value()), std::move(chatTemplate.value()),
                          std::move(description)};
}

}  // namespace inference
