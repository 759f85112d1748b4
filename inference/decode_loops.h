#pragma once
// Internal (libtorch): generate()'s token loop after the prompt, on each decode path
// (static_decode.h). Every generated id is recorded, checked against the stop ids, the token
// limit and the callback in order, before the loop goes on.
//  - Step by step: the host samples each id from the step's logits (every path; the only one
//    for sampling and the repetition penalty, which need the logits on the host).
//  - Pipelined greedy (the static path with greedy picks): the device picks each id itself and
//    the next step is queued before the host reads the id of the last one (token_readback.h),
//    so a GPU never waits for the host between tokens. The step queued ahead when a stop id
//    arrives is discarded.
// Thread-safety: one call per Session at a time; the stop flag may be set from any thread.

#include <ATen/ATen.h>

#include "inference/generation.h"

namespace inference {

// `promptLogits`: [vocab] float32 of the prompt's last position (any device).
Result<GenerationOutput> decodeTokens(Session& session, const PromptInput& prompt,
                                      const GenerationOptions& options,
                                      const TokenCallback& onToken, const StopFlag& stop,
                                      const at::Tensor& promptLogits);

}  // namespace inference
