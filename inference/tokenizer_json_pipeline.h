#pragma once
// Internal to the tokenizer loader: the text-processing sections of tokenizer.json (normalizer,
// pre_tokenizer, decoder). Only literal Replace normalisers, a literal Split pre-tokeniser with
// MergedWithPrevious, and Replace / ByteFallback / Fuse decoders are accepted; other components
// give UnsupportedModel. Thread-safety: pure function.

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "inference/result.h"
#include "inference/tokenizer_model.h"

namespace inference::detail {

// Reads the three sections of root (each may be absent or null) into model. sourceName names
// the file in error messages. nlohmann::json exceptions propagate to the caller.
Status parseTextPipeline(const nlohmann::json& root, const std::string& sourceName,
                         TokenizerModel& model);

}  // namespace inference::detail
