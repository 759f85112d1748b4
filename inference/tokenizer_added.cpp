#include "inference/tokenizer_added.h"

namespace inference::detail {

void AddedTokenMatcher::add(std::string_view content, std::int32_t id) {
    if (content.empty()) {
        return;
    }
    std::int32_t node = 0;
    for (const char c : content) {
        const auto byte = static_cast<unsigned char>(c);
        const auto [it, inserted] =
            m_edges.emplace(edgeKey(node, byte), static_cast<std::int32_t>(m_tokenIds.size()));
        if (inserted) {
            m_tokenIds.push_back(-1);
        }
        node = it->second;
    }
    // The same content listed twice keeps its first id, like the tokenizers library's vocabulary.
    if (m_tokenIds[node] < 0) {
        m_tokenIds[node] = id;
    }
    m_firstBytes[static_cast<unsigned char>(content.front())] = true;
}

AddedTokenMatcher::Match AddedTokenMatcher::matchAt(std::string_view text, std::size_t pos) const {
    Match best;
    std::int32_t node = 0;
    for (std::size_t i = pos; i < text.size(); ++i) {
        const auto it = m_edges.find(edgeKey(node, static_cast<unsigned char>(text[i])));
        if (it == m_edges.end()) {
            break;
        }
        node = it->second;
        if (m_tokenIds[node] >= 0) {
            best = {m_tokenIds[node], i + 1 - pos};
        }
    }
    return best;
}

}  // namespace inference::detail
