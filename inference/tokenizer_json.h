#pragma once
// Internal to the tokenizer: builds the TokenizerModel that a tokenizer.json describes. Only the
// components Gemma-style tokenizers use are accepted (BPE with byte fallback, literal Replace
// normalisers, a literal Split pre-tokeniser, Replace/ByteFallback/Fuse decoders); anything
// else is refused with UnsupportedModel rather than tokenized differently from the reference.
// Thread-safety: pure function.

#include <memory>
#include <string>
#include <string_view>

#include "inference/result.h"
#include "inference/tokenizer_model.h"

namespace inference::detail {

// sourceName names the file in error messages.
Result<std::shared_ptr<const TokenizerModel>> parseTokenizerJson(std::string_view json,
                                                                 const std::string& sourceName);

}  // namespace inference::detail
