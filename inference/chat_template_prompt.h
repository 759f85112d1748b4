#pragma once
// From a conversation (or a raw prompt) to the token ids the model consumes, as Gemma 3's
// processor builds them: each "<start_of_image>" of the text is replaced by
//   "\n\n<start_of_image>" + N x "<image_soft_token>" + "<end_of_image>\n\n"
// and the whole expanded string is tokenized, so newline runs around images merge as they do
// in the reference ("<end_of_image>\n\n\n\n<start_of_image>" gives ..., 256000, 110, 255999).
// Every path yields exactly one BOS, at position 0 (when BOS is used at all).
//
// A "<start_of_image>" typed inside user text is an image slot too, as in the reference; the
// caller compares PromptIds::imageCount with the number of images it has.
// Thread-safety: pure functions over an immutable Tokenizer.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "inference/chat_template_types.h"
#include "inference/result.h"
#include "inference/tokenizer.h"
#include "inference/tokenizer_config.h"

namespace inference {

struct PromptSettings {
    int mmTokensPerImage = 256;  // config.json mm_tokens_per_image: soft tokens per image
    bool addBosToken = true;     // raw prompts only; the chat template writes its own BOS
    std::string bosToken = "<bos>";
    std::string boiToken = "<start_of_image>";
    std::string imageToken = "<image_soft_token>";
    std::string eoiToken = "<end_of_image>";

    static PromptSettings fromConfig(const TokenizerConfig& config, int mmTokensPerImage);
};

struct PromptIds {
    std::vector<std::int32_t> ids;
    int imageCount = 0;  // image slots found, each now holding mmTokensPerImage soft tokens
};

// Replaces every boiToken of text by its image block (see above).
std::string expandImageMarkers(std::string_view text, const PromptSettings& settings);
// The same with Gemma 3's default token strings.
std::string expandImageMarkers(std::string_view text, int mmTokensPerImage);

// Renders the chat template, expands images and tokenizes. Errors: those of
// renderChatTemplate, and InvalidRequest for mmTokensPerImage < 1.
Result<PromptIds> encodeChatPrompt(const Tokenizer& tokenizer,
                                   const std::vector<ChatMessage>& messages,
                                   bool addGenerationPrompt, const PromptSettings& settings);

// A prompt used as is, without the template: images expanded, then BOS prepended as id of
// bosToken when addBosToken (not repeated when the text itself starts with it). InvalidRequest
// for mmTokensPerImage < 1 or a bosToken the vocabulary lacks.
Result<PromptIds> encodeRawPrompt(const Tokenizer& tokenizer, std::string_view text,
                                  const PromptSettings& settings);

}  // namespace inference
