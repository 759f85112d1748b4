#pragma once
// The public request types of the chat template: a conversation is a list of messages, each a
// role and an ordered list of items (text or an image slot). A plain-string message content is
// a single text item; the template renders both forms identically.
// Thread-safety: plain values.

#include <string>
#include <utility>
#include <vector>

namespace inference {

enum class ChatRole {
    System,  // only meaningful as the first message: folded into the first user turn
    User,
    Assistant,  // rendered as "model"
};

struct ChatItem {
    enum class Kind { Text, Image };
    Kind kind = Kind::Text;
    std::string text;  // UTF-8; unused for images

    static ChatItem makeText(std::string text) { return {Kind::Text, std::move(text)}; }
    static ChatItem makeImage() { return {Kind::Image, {}}; }
};

struct ChatMessage {
    ChatRole role = ChatRole::User;
    std::vector<ChatItem> items;

    static ChatMessage fromText(ChatRole role, std::string text) {
        return {role, {ChatItem::makeText(std::move(text))}};
    }
};

}  // namespace inference
