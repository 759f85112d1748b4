#pragma once
// Internal to the tokenizer: finds the added tokens of tokenizer.json in raw text. Every added
// token is matched atomically, before normalisation and BPE; at a given position the longest
// token wins, and the leftmost position wins overall (the tokenizers library's leftmost-longest
// Aho-Corasick search gives the same matches).
// Thread-safety: built once while loading, then const and safe to share.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace inference::detail {

class AddedTokenMatcher {
public:
    struct Match {
        std::int32_t id = -1;
        std::size_t length = 0;  // bytes; 0 when nothing matches
    };

    void add(std::string_view content, std::int32_t id);
    bool empty() const { return m_tokenIds.size() <= 1; }

    // The longest added token that starts at text[pos].
    Match matchAt(std::string_view text, std::size_t pos) const;

    // Calls onText(span) for each stretch between tokens (never empty) and onToken(id) for each
    // token, in text order.
    template <typename OnText, typename OnToken>
    void split(std::string_view text, OnText&& onText, OnToken&& onToken) const {
        std::size_t spanStart = 0;
        std::size_t pos = 0;
        while (pos < text.size()) {
            const Match m =
                m_firstBytes[static_cast<unsigned char>(text[pos])] ? matchAt(text, pos) : Match{};
            if (m.length == 0) {
                ++pos;
                continue;
            }
            if (pos > spanStart) {
                onText(text.substr(spanStart, pos - spanStart));
            }
            onToken(m.id);
            pos += m.length;
            spanStart = pos;
        }
        if (spanStart < text.size()) {
            onText(text.substr(spanStart));
        }
    }

private:
    static std::uint64_t edgeKey(std::int32_t node, unsigned char byte) {
        return (static_cast<std::uint64_t>(node) << 8) | byte;
    }

    // A byte trie: node 0 is the root; m_tokenIds[node] is the token ending there or -1.
    std::unordered_map<std::uint64_t, std::int32_t> m_edges;
    std::vector<std::int32_t> m_tokenIds = std::vector<std::int32_t>(1, -1);
    std::array<bool, 256> m_firstBytes{};
};

}  // namespace inference::detail
