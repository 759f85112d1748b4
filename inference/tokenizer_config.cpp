#include "inference/tokenizer_config.h"

#include <algorithm>
#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

namespace inference {
namespace {

using Json = nlohmann::json;

Result<std::string> readFile(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        return makeError(ErrorCode::FileNotFound, path + ": cannot open the file");
    }
    std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    if (file.bad()) {
        return makeError(ErrorCode::InvalidFile, path + ": read error");
    }
    return text;
}

// Special tokens are written either as a plain string or as {"__type": "AddedToken",
// "content": ...}.
void readToken(const Json& root, const char* key, std::string& out) {
    const auto it = root.find(key);
    if (it == root.end() || it->is_null()) {
        return;
    }
    out = it->is_object() ? it->at("content").get<std::string>() : it->get<std::string>();
}

std::vector<NamedChatTemplate> readTemplates(const Json& value) {
    std::vector<NamedChatTemplate> templates;
    if (value.is_string()) {
        templates.push_back({"default", value.get<std::string>()});
        return templates;
    }
    for (const Json& entry : value) {
        templates.push_back(
            {entry.at("name").get<std::string>(), entry.at("template").get<std::string>()});
    }
    return templates;
}

void readFields(const Json& root, TokenizerConfig& config) {
    config.addBosToken = root.value("add_bos_token", config.addBosToken);
    config.addEosToken = root.value("add_eos_token", config.addEosToken);
    readToken(root, "bos_token", config.bosToken);
    readToken(root, "eos_token", config.eosToken);
    readToken(root, "pad_token", config.padToken);
    readToken(root, "unk_token", config.unkToken);
    readToken(root, "boi_token", config.boiToken);
    readToken(root, "eoi_token", config.eoiToken);
    readToken(root, "image_token", config.imageToken);
    if (const auto it = root.find("chat_template"); it != root.end() && !it->is_null()) {
        config.chatTemplates = readTemplates(*it);
    }
}

}  // namespace

const std::string* TokenizerConfig::chatTemplate(std::string_view name) const {
    for (const NamedChatTemplate& t : chatTemplates) {
        if (t.name == name) {
            return &t.source;
        }
    }
    return nullptr;
}

Result<TokenizerConfig> TokenizerConfig::load(const std::string& path) {
    auto text = readFile(path);
    if (!text.ok()) {
        return text.error();
    }
    return fromJson(text.value(), path);
}

Result<TokenizerConfig> TokenizerConfig::fromJson(std::string_view json,
                                                  const std::string& sourceName) {
    const Json root = Json::parse(json.begin(), json.end(), nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded() || !root.is_object()) {
        return makeError(ErrorCode::InvalidFile,
                         sourceName + ": not a JSON object (truncated or corrupted file)");
    }
    TokenizerConfig config;
    try {
        readFields(root, config);
    } catch (const Json::exception& e) {
        return makeError(ErrorCode::InvalidFile,
                         sourceName + ": a key has an unexpected type (" + e.what() + ")");
    }
    return config;
}

Result<TokenizerConfig> TokenizerConfig::loadFromDirectory(const std::string& modelDir) {
    auto config = load(modelDir + "/tokenizer_config.json");
    if (!config.ok()) {
        return config;
    }
    auto jinja = readFile(modelDir + "/chat_template.jinja");
    if (jinja.ok()) {
        auto& templates = config.value().chatTemplates;
        templates.erase(std::remove_if(templates.begin(), templates.end(),
                                       [](const auto& t) { return t.name == "default"; }),
                        templates.end());
        templates.insert(templates.begin(), NamedChatTemplate{"default", std::move(jinja).value()});
    }
    return config;
}

}  // namespace inference
