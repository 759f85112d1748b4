#pragma once
// Internal to the tokenizer: everything tokenizer.json describes, resolved into the pieces the
// encoder and decoder run: added-token matcher, normaliser, pre-tokeniser, BPE model, decoder.
// Thread-safety: built once by the loader, then const and shared by every Tokenizer copy.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "inference/tokenizer_added.h"
#include "inference/tokenizer_bpe.h"
#include "inference/tokenizer_vocab.h"

namespace inference::detail {

// Literal (pattern -> content) replacements, applied in order to the whole text.
using Replacements = std::vector<std::pair<std::string, std::string>>;

struct TokenizerModel {
    Vocabulary vocab;
    AddedTokenMatcher addedTokens;
    Replacements normalizer;  // "Replace" normalisers
    std::string splitAfter;   // "Split" pre-tokeniser (MergedWithPrevious); empty: none
    BpeModel bpe;
    Replacements decoderReplacements;  // "Replace" decoders, applied to each piece
    bool decoderByteFallback = false;  // "ByteFallback" decoder

    // Word boundary used to cut pre-tokens into smaller BPE words (see splitWords()); empty
    // when the vocabulary does not allow it.
    std::string wordBoundary;
    std::unordered_set<char32_t> glueBeforeBoundary;

    // Derives wordBoundary and glueBeforeBoundary from the vocabulary and merges.
    void prepareWordSplitting();

    void encode(std::string_view text, std::vector<std::int32_t>& out) const;
    // The decoder's text for a non-byte piece.
    std::string decodedPiece(std::int32_t id) const;

private:
    void encodeSpan(std::string_view span, std::vector<std::int32_t>& out) const;
    void encodePreToken(std::string_view preToken, std::vector<std::int32_t>& out) const;
};

}  // namespace inference::detail
