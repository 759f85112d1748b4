#pragma once
// Internal (libtorch): running a prompt through the model into a KV cache (spec §3, §7):
// image encoding, scaled token embeddings with the image features written over the
// `<image_soft_token>` rows in order (not scaled), chunked decoder passes whose boundaries never
// split an image block, and logits only for the rows asked for.
// Thread-safety: functions of their arguments; the cache is mutated.

#include <cstdint>
#include <functional>
#include <vector>

#include <ATen/ATen.h>

#include "inference/kv_cache.h"
#include "inference/model.h"
#include "inference/result.h"
#include "inference/stop_flag.h"

namespace inference {

// A prompt as token ids plus the preprocessed images of its image blocks.
struct PromptInput {
    std::vector<std::int64_t> ids;  // complete: one BOS, image blocks expanded
    // [N, 3, S, S] float32, one per image block in order (crops are blocks of their own);
    // undefined or N = 0 for a text-only prompt.
    at::Tensor pixelValues;
};

// Intermediate tensors for comparisons with reference implementations.
struct ForwardTrace {
    at::Tensor visionHidden;              // [N, P*P, vision hidden]
    at::Tensor imageFeatures;             // [N, mm_tokens_per_image, text hidden]
    std::vector<at::Tensor> layerInputs;  // per layer: [L, hidden] entering it
    at::Tensor finalNorm;                 // [L, hidden]
};

enum class ProgressStage { ImageEncoding, Prefill };
// done / total in images (ImageEncoding) or prompt tokens (Prefill).
using ProgressCallback =
    std::function<void(ProgressStage stage, std::int64_t done, std::int64_t total)>;

struct PrefillOptions {
    std::int64_t chunkTokens = 512;  // decoder pass size (grown to keep image blocks whole)
    std::int64_t logitRows = 1;      // logits for the last N prompt positions; 0 = all
    ForwardTrace* trace = nullptr;   // filled when set (only the last chunk's rows for a
                                     // chunked prompt; use one chunk for full traces)
    const ProgressCallback* progress = nullptr;
};

// InvalidRequest when ids are empty or out of the vocabulary, or when the number of image
// soft tokens differs from N * mm_tokens_per_image (with the pixel shape checked too).
Status validatePrompt(const Model& model, const PromptInput& prompt);

// Encodes the prompt's images: [N * mm_tokens_per_image, hidden] in the compute dtype, or an
// undefined tensor for a text-only prompt.
Result<at::Tensor> encodePromptImages(const Model& model, const PromptInput& prompt,
                                      const StopFlag& stop, const PrefillOptions& options);

// Runs the (validated) prompt into an empty `cache` sized for at least ids.size() positions.
// Returns float32 logits [rows, vocab] of the last `options.logitRows` positions.
Result<at::Tensor> prefill(const Model& model, KvCache& cache, const PromptInput& prompt,
                           const at::Tensor& imageFeatures, const StopFlag& stop,
                           const PrefillOptions& options);

// One decode step through libtorch: the token at position cache.length(); returns its logits
// [vocab] float32. generate() uses kernelDecodeStep (decode_step.h) instead for bf16 models;
// this path serves float32 and is the reference the kernels are tested against.
Result<at::Tensor> decodeStep(const Model& model, KvCache& cache, std::int64_t token,
                              const StopFlag& stop);

}  // namespace inference
