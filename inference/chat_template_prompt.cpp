#include "inference/chat_template_prompt.h"

#include "inference/chat_template.h"

namespace inference {
namespace {

int countOccurrences(std::string_view text, std::string_view pattern) {
    int count = 0;
    for (std::size_t at = text.find(pattern); at != std::string_view::npos;
         at = text.find(pattern, at + pattern.size())) {
        ++count;
    }
    return count;
}

Status checkSettings(const PromptSettings& settings) {
    if (settings.mmTokensPerImage < 1 || settings.boiToken.empty()) {
        return makeError(ErrorCode::InvalidRequest,
                         "prompt: mm_tokens_per_image must be positive and boi_token non-empty");
    }
    return {};
}

PromptIds tokenizeExpanded(const Tokenizer& tokenizer, std::string_view text,
                           const PromptSettings& settings) {
    PromptIds prompt;
    prompt.imageCount = countOccurrences(text, settings.boiToken);
    prompt.ids = tokenizer.encode(expandImageMarkers(text, settings));
    return prompt;
}

}  // namespace

PromptSettings PromptSettings::fromConfig(const TokenizerConfig& config, int mmTokensPerImage) {
    PromptSettings settings;
    settings.mmTokensPerImage = mmTokensPerImage;
    settings.addBosToken = config.addBosToken;
    settings.bosToken = config.bosToken;
    settings.boiToken = config.boiToken;
    settings.imageToken = config.imageToken;
    settings.eoiToken = config.eoiToken;
    return settings;
}

std::string expandImageMarkers(std::string_view text, const PromptSettings& settings) {
    if (settings.boiToken.empty()) {
        return std::string(text);
    }
    std::string block = "\n\n" + settings.boiToken;
    for (int i = 0; i < settings.mmTokensPerImage; ++i) {
        block += settings.imageToken;
    }
    block += settings.eoiToken + "\n\n";

    std::string out;
    std::size_t from = 0;
    for (std::size_t at = text.find(settings.boiToken); at != std::string_view::npos;
         at = text.find(settings.boiToken, from)) {
        out.append(text.substr(from, at - from));
        out += block;
        from = at + settings.boiToken.size();
    }
    out.append(text.substr(from));
    return out;
}

std::string expandImageMarkers(std::string_view text, int mmTokensPerImage) {
    PromptSettings settings;
    settings.mmTokensPerImage = mmTokensPerImage;
    return expandImageMarkers(text, settings);
}

Result<PromptIds> encodeChatPrompt(const Tokenizer& tokenizer,
                                   const std::vector<ChatMessage>& messages,
                                   bool addGenerationPrompt, const PromptSettings& settings) {
    if (Status s = checkSettings(settings); !s.ok()) {
        return s.error();
    }
    ChatTemplateOptions options;
    options.addGenerationPrompt = addGenerationPrompt;
    options.bosToken = settings.bosToken;
    options.imageMarker = settings.boiToken;
    auto text = renderChatTemplate(messages, options);
    if (!text.ok()) {
        return text.error();
    }
    // The rendered text starts with the BOS text, which tokenizes to the BOS id; nothing is
    // prepended here (the "double BOS" pitfall of tokenizing it with special tokens added).
    return tokenizeExpanded(tokenizer, text.value(), settings);
}

Result<PromptIds> encodeRawPrompt(const Tokenizer& tokenizer, std::string_view text,
                                  const PromptSettings& settings) {
    if (Status s = checkSettings(settings); !s.ok()) {
        return s.error();
    }
    PromptIds prompt = tokenizeExpanded(tokenizer, text, settings);
    if (!settings.addBosToken) {
        return prompt;
    }
    const auto bos = tokenizer.tokenId(settings.bosToken);
    if (!bos) {
        return makeError(ErrorCode::InvalidRequest, "prompt: the BOS token '" + settings.bosToken +
                                                        "' is not in the vocabulary");
    }
    if (prompt.ids.empty() || prompt.ids.front() != *bos) {
        prompt.ids.insert(prompt.ids.begin(), *bos);
    }
    return prompt;
}

}  // namespace inference
