// The chat template of a model directory, found where transformers looks for it.
#include "inference/model_files.h"

#include "inference/config_json.h"

namespace inference {

using json_detail::Json;

namespace {

constexpr std::uint64_t kMaxTemplateBytes = 64ull << 20;
constexpr const char* kTemplateKey = "chat_template";

Error invalidTemplate(const std::string& path, const std::string& problem) {
    return makeError(ErrorCode::InvalidFile, path + ": " + kTemplateKey + " " + problem);
}

bool isNamedTemplate(const Json& entry) {
    return entry.is_object() && entry.contains("name") && entry.at("name").is_string() &&
           entry.contains("template") && entry.at("template").is_string();
}

// A list of {"name", "template"} entries, as tokenizer_config.json may hold for models with
// several templates (e.g. "default" and "tool_use"): "default" wins, else the first.
Result<ChatTemplateSource> pickNamedTemplate(const Json& list, const std::string& path,
                                             const std::string& fileName) {
    const Json* chosen = nullptr;
    for (const Json& entry : list) {
        if (!isNamedTemplate(entry)) {
            return invalidTemplate(path, "list entries must be {\"name\": ..., \"template\": ...}");
        }
        const bool isDefault = entry.at("name").get_ref<const std::string&>() == "default";
        if (!chosen || isDefault) {
            chosen = &entry;
        }
        if (isDefault) {
            break;
        }
    }
    if (!chosen) {
        return invalidTemplate(path, "is an empty list");
    }
    return ChatTemplateSource{
        chosen->at("template").get<std::string>(), path,
        fileName + " (template '" + chosen->at("name").get<std::string>() + "')"};
}

// The "chat_template" member of a JSON file; nullopt when the key is absent or null.
Result<std::optional<ChatTemplateSource>> templateFromJson(const std::string& path,
                                                           const std::string& fileName) {
    auto text = json_detail::readTextFile(path, kMaxTemplateBytes);
    if (!text.ok()) {
        return text.error();
    }
    auto json = json_detail::parseJsonObject(text.value(), path);
    if (!json.ok()) {
        return json.error();
    }
    const auto value = json.value().find(kTemplateKey);
    if (value == json.value().end() || value->is_null()) {
        return std::optional<ChatTemplateSource>();
    }
    if (value->is_string()) {
        return std::optional<ChatTemplateSource>(
            ChatTemplateSource{value->get<std::string>(), path, fileName});
    }
    if (value->is_array()) {
        auto named = pickNamedTemplate(*value, path, fileName);
        if (!named.ok()) {
            return named.error();
        }
        return std::optional<ChatTemplateSource>(std::move(named.value()));
    }
    return invalidTemplate(path, std::string("must be a string or a list of named templates, "
                                             "found ") +
                                     json_detail::jsonTypeName(*value));
}

}  // namespace

Result<std::optional<ChatTemplateSource>> loadChatTemplate(const ModelFiles& files) {
    if (files.chatTemplateJinjaPath) {
        auto text = json_detail::readTextFile(*files.chatTemplateJinjaPath, kMaxTemplateBytes);
        if (!text.ok()) {
            return text.error();
        }
        return std::optional<ChatTemplateSource>(ChatTemplateSource{
            std::move(text.value()), *files.chatTemplateJinjaPath, "chat_template.jinja"});
    }
    if (files.chatTemplateJsonPath) {
        auto source = templateFromJson(*files.chatTemplateJsonPath, "chat_template.json");
        if (!source.ok() || source.value()) {
            return source;
        }
        return invalidTemplate(*files.chatTemplateJsonPath, "is missing");
    }
    if (files.tokenizerConfigPath) {
        return templateFromJson(*files.tokenizerConfigPath, "tokenizer_config.json");
    }
    return std::optional<ChatTemplateSource>();
}

}  // namespace inference
