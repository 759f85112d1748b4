#include "inference/tokenizer_incremental.h"

#include <utility>

#include "inference/unicode_utf8.h"

namespace inference {
namespace {

constexpr const char* kReplacementCharacter = "\xEF\xBF\xBD";

}  // namespace

IncrementalDecoder::IncrementalDecoder(Tokenizer tokenizer, bool skipSpecial)
    : m_tokenizer(std::move(tokenizer)), m_skipSpecial(skipSpecial) {}

std::string IncrementalDecoder::push(std::int32_t id) {
    std::string out;
    if (!m_tokenizer.tokenText(id) || (m_skipSpecial && m_tokenizer.isSpecial(id))) {
        return out;
    }
    const int byte = m_tokenizer.bytePieceValue(id);
    if (byte >= 0) {
        m_pendingBytes.push_back(static_cast<char>(byte));
        takeCompleteCharacters(out);
        return out;
    }
    out = finish();
    out += m_tokenizer.decodedPiece(id);
    return out;
}

std::string IncrementalDecoder::finish() {
    std::string out;
    takeCompleteCharacters(out);
    // Whatever is left is a character cut short by a non-byte piece or by the end of stream.
    for (std::size_t i = 0; i < m_pendingBytes.size(); ++i) {
        out += kReplacementCharacter;
    }
    m_pendingBytes.clear();
    return out;
}

void IncrementalDecoder::takeCompleteCharacters(std::string& out) {
    const std::string_view bytes = m_pendingBytes;
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        const utf8::Decoded d = utf8::decodeAt(bytes, pos);
        if (d.length > 0) {
            out.append(bytes.substr(pos, d.length));
            pos += d.length;
        } else if (utf8::isIncompletePrefix(bytes.substr(pos))) {
            break;  // wait for the rest of the character
        } else {
            out += kReplacementCharacter;
            ++pos;
        }
    }
    m_pendingBytes.erase(0, pos);
}

}  // namespace inference
