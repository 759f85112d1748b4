#include "inference/tokenizer_model.h"

#include "inference/unicode_utf8.h"

namespace inference::detail {
namespace {

void replaceAll(std::string& text, const std::string& pattern, const std::string& content) {
    if (pattern.empty() || text.find(pattern) == std::string::npos) {
        return;
    }
    std::string result;
    result.reserve(text.size() + text.size() / 4);
    std::size_t from = 0;
    for (std::size_t at = text.find(pattern); at != std::string::npos;
         at = text.find(pattern, from)) {
        result.append(text, from, at - from);
        result += content;
        from = at + pattern.size();
    }
    result.append(text, from, std::string::npos);
    text = std::move(result);
}

}  // namespace

void TokenizerModel::prepareWordSplitting() {
    // BPE runs on whole pre-tokens, and with Gemma's pre-tokeniser a pre-token is a whole
    // line. Cutting it before each "▁" that follows another character is exact as long as no
    // piece contains that character followed by "▁": no merge can then join the two sides,
    // and merges on either side do not interact. The few characters that do precede "▁"
    // inside some piece are collected here and never cut after. Byte pieces never merge in
    // this vocabulary, so bytes of characters outside it are safe neighbours too; the loader
    // does not call this when that or byte fallback does not hold. The boundary is the single
    // character the one normaliser step puts in place of ' '.
    if (normalizer.size() != 1 || normalizer.front().first != " ") {
        return;
    }
    const std::string& marker = normalizer.front().second;
    if (marker.empty() || utf8::decodeAt(marker, 0).length != marker.size()) {
        return;
    }
    wordBoundary = marker;
    const char32_t boundary = utf8::decodeAt(wordBoundary, 0).codePoint;
    for (const std::string& piece : vocab.pieces()) {
        for (std::size_t at = piece.find(wordBoundary, 1); at != std::string::npos;
             at = piece.find(wordBoundary, at + 1)) {
            const utf8::Decoded before = utf8::decodeBefore(piece, at);
            if (before.length > 0 && before.codePoint != boundary) {
                glueBeforeBoundary.insert(before.codePoint);
            }
        }
    }
}

void TokenizerModel::encode(std::string_view text, std::vector<std::int32_t>& out) const {
    addedTokens.split(
        text, [&](std::string_view span) { encodeSpan(span, out); },
        [&](std::int32_t id) { out.push_back(id); });
}

void TokenizerModel::encodeSpan(std::string_view span, std::vector<std::int32_t>& out) const {
    std::string normalized(span);
    for (const auto& [pattern, content] : normalizer) {
        replaceAll(normalized, pattern, content);
    }
    if (splitAfter.empty()) {
        encodePreToken(normalized, out);
        return;
    }
    // "Split" with MergedWithPrevious on a literal pattern: cut right after each occurrence.
    std::string_view rest = normalized;
    for (std::size_t at = rest.find(splitAfter); at != std::string_view::npos;
         at = rest.find(splitAfter)) {
        encodePreToken(rest.substr(0, at + splitAfter.size()), out);
        rest.remove_prefix(at + splitAfter.size());
    }
    if (!rest.empty()) {
        encodePreToken(rest, out);
    }
}

void TokenizerModel::encodePreToken(std::string_view preToken,
                                    std::vector<std::int32_t>& out) const {
    if (wordBoundary.empty()) {
        bpe.encodeWord(preToken, vocab, out);
        return;
    }
    const char32_t boundary = utf8::decodeAt(wordBoundary, 0).codePoint;
    std::size_t wordStart = 0;
    for (std::size_t at = preToken.find(wordBoundary, 1); at != std::string_view::npos;
         at = preToken.find(wordBoundary, at + wordBoundary.size())) {
        const utf8::Decoded before = utf8::decodeBefore(preToken, at);
        // Bytes that do not decode become byte pieces, which never merge: safe to cut after.
        if (before.length == 0 ||
            (before.codePoint != boundary && glueBeforeBoundary.count(before.codePoint) == 0)) {
            bpe.encodeWord(preToken.substr(wordStart, at - wordStart), vocab, out);
            wordStart = at;
        }
    }
    bpe.encodeWord(preToken.substr(wordStart), vocab, out);
}

std::string TokenizerModel::decodedPiece(std::int32_t id) const {
    std::string text = vocab.piece(id);
    for (const auto& [pattern, content] : decoderReplacements) {
        replaceAll(text, pattern, content);
    }
    return text;
}

}  // namespace inference::detail
