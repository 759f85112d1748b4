#pragma once
// Random checkpoints with the real shapes of a published MedGemma, for measuring speed and
// memory without the (gated) weights: config.json, generation_config.json,
// preprocessor_config.json and processor_config.json as published, BF16 tensors under the
// transformers 4.x names in shards of at most `shardBytes` with model.safetensors.index.json,
// and optionally the tokenizer files copied from a folder.
//
// Values are deterministic in (seed, tensor name) and scaled so activations stay finite and of
// order one: matrices uniform with std 1/sqrt(fan_in), the embedding with std 1/sqrt(hidden)
// (unit rows after the sqrt(hidden) scale), Gemma norm weights (stored as w in 1 + w) and
// biases small, LayerNorm weights near one. Tensors are streamed to disk in small chunks
// (safetensors_writer.h), so memory use is a few MiB whatever the model size.
// Thread-safety: plain functions; one call writes one directory.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "inference/result.h"

namespace inference {

// "medgemma-4b-it", "medgemma-27b-it".
std::vector<std::string> randomModelVariants();
// The config.json text of a variant; nullopt for an unknown name.
std::optional<std::string> variantConfigJson(const std::string& like);

struct RandomModelOptions {
    std::string like;             // a name randomModelVariants() lists
    std::string configJson;       // or a config.json text of any Gemma 3 shape (tests)
    std::string outputDirectory;  // created if absent
    std::uint64_t seed = 0;
    std::string tokenizerDirectory;  // optional: tokenizer.json, tokenizer_config.json, ...
    std::int64_t layers = 0;         // text layers; 0 = the variant's (fewer: a scaled model)
    std::uint64_t shardBytes = 5'000'000'000;  // as transformers' save_pretrained default
    // The text decoder's seven matrices per layer are zeros stored as holes (sparse files):
    // medgemma-27b-it then takes ~5 GB of disk instead of 55. Shapes, names, dtype and the
    // bytes read are unchanged, so speed and memory are too; the text is not even random.
    bool sparseDecoderMatrices = false;
    std::function<void(double fraction)> progress;
};

// Errors: InvalidRequest for an unknown variant or a bad layer count; InvalidFile when a file
// cannot be written (disk full, read-only folder) or a tokenizer file cannot be copied.
Status writeRandomModel(const RandomModelOptions& options);

}  // namespace inference
