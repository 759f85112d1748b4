#pragma once
// Internal to inference/: the Gemma 3 text decoder part of config.json (`text_config` of a
// multimodal config, or the top level of a text-only Gemma3ForCausalLM config).

#include <cstdint>
#include <string>

#include "inference/config.h"
#include "inference/config_json.h"

namespace inference::config_detail {

// Upper bounds that keep every product of sizes (weights shapes, caches) far from int64
// overflow; real Gemma 3 values are orders of magnitude below them.
constexpr std::int64_t kMaxDimension = std::int64_t{1} << 24;
constexpr std::int64_t kMaxLayers = 4096;
constexpr std::int64_t kMaxPositions = std::int64_t{1} << 30;

// Records InvalidFile unless 1 <= value <= maxValue.
void requireSize(const json_detail::FieldReader& reader, const char* key, std::int64_t value,
                 std::int64_t maxValue);
// Records InvalidFile unless value > 0.
void requirePositive(const json_detail::FieldReader& reader, const char* key, double value);

// transformers' Gemma3TextConfig defaults (not the 4B values): a sparse config written by the
// Gemma 3 converter leaves out every key equal to them (heads, head_dim, vocab, ...).
TextConfig gemma3TextDefaults();

// Reads `reader`'s object over `text` (preloaded with defaults) and validates it; problems go
// to the reader's Diagnostics.
void readTextConfig(const json_detail::FieldReader& reader, TextConfig& text);

}  // namespace inference::config_detail
