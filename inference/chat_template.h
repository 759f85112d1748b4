#pragma once
// The Gemma 3 chat template (the Jinja `chat_template` of Gemma 3 and MedGemma), rendered
// natively; the output is byte-for-byte what transformers' Jinja rendering produces:
//   "<bos>" then, per turn, "<start_of_turn>" + role + "\n" + content + "<end_of_turn>\n";
//   a leading system message is not a turn: its first text item + "\n\n" (untrimmed) opens
//   the first remaining turn; text items are trimmed as Python's str.strip() does and follow
//   each other with no separator; images become "<start_of_image>"; with
//   addGenerationPrompt, "<start_of_turn>model\n" closes the prompt.
// Like the template, a later system message at an odd position renders as a "system" turn.
// Thread-safety: pure functions.

#include <string>
#include <string_view>
#include <vector>

#include "inference/chat_template_types.h"
#include "inference/result.h"

namespace inference {

struct ChatTemplateOptions {
    bool addGenerationPrompt = true;
    std::string bosToken = "<bos>";                // tokenizer_config.json bos_token
    std::string imageMarker = "<start_of_image>";  // tokenizer_config.json boi_token
};

// InvalidRequest (with the template's own message where it has one) when there are no
// messages, when the turns after an optional leading system message do not alternate user /
// assistant starting with user, or when a leading system message does not start with text.
Result<std::string> renderChatTemplate(const std::vector<ChatMessage>& messages,
                                       const ChatTemplateOptions& options);

// True when a chat_template source is the Gemma 3 template this renderer reproduces (ignoring
// leading and trailing whitespace), so callers can warn when a model ships another one.
bool isGemma3ChatTemplate(std::string_view jinjaSource);

}  // namespace inference
