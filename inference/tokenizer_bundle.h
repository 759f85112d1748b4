#pragma once
// Everything needed to turn requests into token ids and ids back into text, loaded from a model
// directory: tokenizer.json, tokenizer_config.json (plus chat_template.jinja when present) and
// the one key of config.json that prompts depend on, mm_tokens_per_image. A directory holding
// just those files is enough; the weights are not read.
// Thread-safety: immutable after load; share freely.

#include <string>

#include "inference/chat_template_prompt.h"
#include "inference/result.h"
#include "inference/tokenizer.h"
#include "inference/tokenizer_config.h"

namespace inference {

struct TokenizerBundle {
    Tokenizer tokenizer;
    TokenizerConfig config;
    PromptSettings prompt;           // from config and config.json
    bool knownChatTemplate = false;  // the config's template is Gemma 3's (see chat_template.h)

    // Errors of Tokenizer::load and TokenizerConfig::loadFromDirectory; InvalidFile when
    // config.json exists but is malformed. Without config.json, mm_tokens_per_image is 256.
    static Result<TokenizerBundle> loadFromDirectory(const std::string& modelDir);
};

}  // namespace inference
