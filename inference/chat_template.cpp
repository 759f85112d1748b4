#include "inference/chat_template.h"

#include "inference/unicode_utf8.h"

namespace inference {
namespace {

// The Jinja source this file reproduces, as shipped in tokenizer_config.json of Gemma 3.
constexpr std::string_view kGemma3Template = R"GEMMA3({{ bos_token }}
{%- if messages[0]['role'] == 'system' -%}
    {%- if messages[0]['content'] is string -%}
        {%- set first_user_prefix = messages[0]['content'] + '

' -%}
    {%- else -%}
        {%- set first_user_prefix = messages[0]['content'][0]['text'] + '

' -%}
    {%- endif -%}
    {%- set loop_messages = messages[1:] -%}
{%- else -%}
    {%- set first_user_prefix = "" -%}
    {%- set loop_messages = messages -%}
{%- endif -%}
{%- for message in loop_messages -%}
    {%- if (message['role'] == 'user') != (loop.index0 % 2 == 0) -%}
        {{ raise_exception("Conversation roles must alternate user/assistant/user/assistant/...") }}
    {%- endif -%}
    {%- if (message['role'] == 'assistant') -%}
        {%- set role = "model" -%}
    {%- else -%}
        {%- set role = message['role'] -%}
    {%- endif -%}
    {{ '<start_of_turn>' + role + '
' + (first_user_prefix if loop.first else "") }}
    {%- if message['content'] is string -%}
        {{ message['content'] | trim }}
    {%- elif message['content'] is iterable -%}
        {%- for item in message['content'] -%}
            {%- if item['type'] == 'image' -%}
                {{ '<start_of_image>' }}
            {%- elif item['type'] == 'text' -%}
                {{ item['text'] | trim }}
            {%- endif -%}
        {%- endfor -%}
    {%- else -%}
        {{ raise_exception("Invalid content type") }}
    {%- endif -%}
    {{ '<end_of_turn>
' }}
{%- endfor -%}
{%- if add_generation_prompt -%}
    {{'<start_of_turn>model
'}}
{%- endif -%}
)GEMMA3";

const char* roleName(ChatRole role) {
    switch (role) {
        case ChatRole::User:
            return "user";
        case ChatRole::Assistant:
            return "model";
        case ChatRole::System:
            break;
    }
    return "system";
}

Error invalidRequest(std::string message) {
    return makeError(ErrorCode::InvalidRequest, "chat template: " + std::move(message));
}

void appendContent(std::string& out, const ChatMessage& message,
                   const ChatTemplateOptions& options) {
    for (const ChatItem& item : message.items) {
        if (item.kind == ChatItem::Kind::Image) {
            out += options.imageMarker;
        } else {
            out += utf8::stripPython(item.text);
        }
    }
}

// The leading system message's text plus "\n\n", or an error when it cannot be taken (the
// template indexes content[0]['text'], which fails for an empty list or an image first).
Result<std::string> systemPrefix(const ChatMessage& system) {
    if (system.items.empty() || system.items.front().kind != ChatItem::Kind::Text) {
        return invalidRequest("the system message must start with a text item");
    }
    return system.items.front().text + "\n\n";
}

// Turn `position` of the loop (0 = the first after a leading system message). The template's
// alternation test: even positions must be user turns, odd positions anything but user.
Status appendTurn(std::string& out, const ChatMessage& message, std::size_t position,
                  const std::string& firstUserPrefix, const ChatTemplateOptions& options) {
    if ((message.role == ChatRole::User) != (position % 2 == 0)) {
        return invalidRequest(
            "Conversation roles must alternate user/assistant/user/assistant/...");
    }
    out += "<start_of_turn>";
    out += roleName(message.role);
    out += '\n';
    if (position == 0) {
        out += firstUserPrefix;
    }
    appendContent(out, message, options);
    out += "<end_of_turn>\n";
    return {};
}

}  // namespace

Result<std::string> renderChatTemplate(const std::vector<ChatMessage>& messages,
                                       const ChatTemplateOptions& options) {
    if (messages.empty()) {
        return invalidRequest("the conversation has no messages");
    }
    std::string out = options.bosToken;
    std::string firstUserPrefix;
    std::size_t first = 0;
    if (messages.front().role == ChatRole::System) {
        auto prefix = systemPrefix(messages.front());
        if (!prefix.ok()) {
            return prefix.error();
        }
        firstUserPrefix = std::move(prefix).value();
        first = 1;
    }
    for (std::size_t i = first; i < messages.size(); ++i) {
        if (Status s = appendTurn(out, messages[i], i - first, firstUserPrefix, options); !s.ok()) {
            return s.error();
        }
    }
    if (options.addGenerationPrompt) {
        out += "<start_of_turn>model\n";
    }
    return out;
}

bool isGemma3ChatTemplate(std::string_view jinjaSource) {
    return utf8::stripPython(jinjaSource) == utf8::stripPython(kGemma3Template);
}

}  // namespace inference
