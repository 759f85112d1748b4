#pragma once
// The Gemma 3 tokenizer, read from the Hugging Face `tokenizer.json` of a model directory and
// run exactly as that file describes: every added token (special or not) is matched atomically
// in the raw text, longest first; the text between them has ' ' replaced by U+2581 and goes
// through BPE with byte fallback to "<0xNN>" pieces. Decoding maps U+2581 back to ' ' and
// re-assembles byte pieces into UTF-8.
//
// Thread-safety: a loaded Tokenizer is immutable; copies share the same tables, and all const
// member functions may be called from any number of threads at once.
// Units: ids are token ids of the vocabulary (0 .. vocabSize()-1); text is UTF-8 bytes.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "inference/result.h"

namespace inference {

namespace detail {
struct TokenizerModel;
}

class Tokenizer {
public:
    // Reads and validates tokenizer.json. FileNotFound when it cannot be opened; InvalidFile
    // when it is not JSON or lacks the model section; UnsupportedModel for pipeline components
    // other than the ones Gemma tokenizers use. Takes well under a second for Gemma 3's 33 MB.
    static Result<Tokenizer> load(const std::string& tokenizerJsonPath);
    // The same from the file's contents; sourceName is used in error messages.
    static Result<Tokenizer> fromJson(std::string_view json, const std::string& sourceName);

    // Token ids of the text. Never adds BOS or any other token of its own: "<bos>" in the text
    // becomes id 2 because it is an added token. Bytes that are not well-formed UTF-8 are
    // encoded as their byte pieces.
    std::vector<std::int32_t> encode(std::string_view utf8) const;

    // Text of the ids. skipSpecial drops the added tokens marked special (<pad>, <eos>, <bos>,
    // <unk>, <start_of_turn>, <end_of_turn>, <start_of_image>, <end_of_image>,
    // <image_soft_token> for Gemma 3). Ids outside the vocabulary are skipped. A run of byte
    // pieces that is not well-formed UTF-8 becomes one U+FFFD per byte of the run, as in the
    // tokenizers library.
    std::string decode(const std::vector<std::int32_t>& ids, bool skipSpecial) const;

    // Id of a piece (model vocabulary or added token), looked up verbatim.
    std::optional<std::int32_t> tokenId(std::string_view piece) const;
    // The piece of an id as stored in tokenizer.json (U+2581 for spaces, "<0xNN>" for bytes);
    // the view stays valid as long as any copy of this Tokenizer exists.
    std::optional<std::string_view> tokenText(std::int32_t id) const;
    bool isSpecial(std::int32_t id) const;
    // One past the largest id of the file (262145 for Gemma 3, whose config.json declares a
    // larger embedding table of 262208 rows; the extra rows have no text).
    std::int32_t vocabSize() const;

    // For IncrementalDecoder: the byte of a "<0xNN>" piece (when the decoder re-assembles bytes)
    // or -1, and the decoded text of any other piece.
    int bytePieceValue(std::int32_t id) const;
    std::string decodedPiece(std::int32_t id) const;

private:
    explicit Tokenizer(std::shared_ptr<const detail::TokenizerModel> model);
    std::shared_ptr<const detail::TokenizerModel> m_model;
};

}  // namespace inference
