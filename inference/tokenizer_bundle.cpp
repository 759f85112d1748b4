#include "inference/tokenizer_bundle.h"

#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

#include "inference/chat_template.h"

namespace inference {
namespace {

constexpr int kDefaultMmTokensPerImage = 256;

// mm_tokens_per_image of config.json. The full config is parsed elsewhere (config.h); prompts
// need only this key, and tokenizer-only directories may lack the file altogether.
Result<int> readMmTokensPerImage(const std::string& configPath) {
    std::ifstream file(configPath, std::ios::binary);
    if (!file) {
        return kDefaultMmTokensPerImage;
    }
    const std::string text((std::istreambuf_iterator<char>(file)),
                           std::istreambuf_iterator<char>());
    const auto root = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded() || !root.is_object()) {
        return makeError(ErrorCode::InvalidFile, configPath + ": not a JSON object");
    }
    const auto it = root.find("mm_tokens_per_image");
    if (it == root.end()) {
        return kDefaultMmTokensPerImage;
    }
    if (!it->is_number_integer() || it->get<std::int64_t>() < 1 ||
        it->get<std::int64_t>() > 65536) {
        return makeError(ErrorCode::InvalidFile,
                         configPath + ": mm_tokens_per_image is not a positive integer");
    }
    return it->get<int>();
}

}  // namespace

Result<TokenizerBundle> TokenizerBundle::loadFromDirectory(const std::string& modelDir) {
    auto tokenizer = Tokenizer::load(modelDir + "/tokenizer.json");
    if (!tokenizer.ok()) {
        return tokenizer.error();
    }
    auto config = TokenizerConfig::loadFromDirectory(modelDir);
    if (!config.ok()) {
        return config.error();
    }
    auto mmTokens = readMmTokensPerImage(modelDir + "/config.json");
    if (!mmTokens.ok()) {
        return mmTokens.error();
    }
    const std::string* source = config.value().chatTemplate();
    const bool known = source != nullptr && isGemma3ChatTemplate(*source);
    PromptSettings prompt = PromptSettings::fromConfig(config.value(), mmTokens.value());
    return TokenizerBundle{std::move(tokenizer).value(), std::move(config).value(),
                           std::move(prompt), known};
}

}  // namespace inference
