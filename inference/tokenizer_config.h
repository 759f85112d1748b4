#pragma once
// tokenizer_config.json of a model directory: whether BOS is prepended, the special token
// strings, and the chat template source (a string, or a list of named templates). A
// `chat_template.jinja` file beside it, the newer way of shipping the template, takes
// precedence over the JSON field as it does in transformers.
// Thread-safety: plain values.

#include <string>
#include <string_view>
#include <vector>

#include "inference/result.h"

namespace inference {

struct NamedChatTemplate {
    std::string name;    // "default" for the single-string form
    std::string source;  // Jinja text
};

struct TokenizerConfig {
    bool addBosToken = true;
    bool addEosToken = false;
    std::string bosToken = "<bos>";
    std::string eosToken = "<eos>";
    std::string padToken = "<pad>";
    std::string unkToken = "<unk>";
    std::string boiToken = "<start_of_image>";      // begin of image
    std::string eoiToken = "<end_of_image>";        // end of image
    std::string imageToken = "<image_soft_token>";  // one per image embedding row
    std::vector<NamedChatTemplate> chatTemplates;

    // The template of that name, or nullptr.
    const std::string* chatTemplate(std::string_view name = "default") const;

    // Reads a tokenizer_config.json; keys it lacks keep the defaults above. FileNotFound when
    // the file cannot be opened, InvalidFile when it is not a JSON object or a key has the
    // wrong type.
    static Result<TokenizerConfig> load(const std::string& path);
    // The same from the file's contents; sourceName is used in error messages.
    static Result<TokenizerConfig> fromJson(std::string_view json, const std::string& sourceName);
    // load() of <dir>/tokenizer_config.json, then <dir>/chat_template.jinja if it exists.
    static Result<TokenizerConfig> loadFromDirectory(const std::string& modelDir);
};

}  // namespace inference
