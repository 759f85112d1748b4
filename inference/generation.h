#pragma once
// Internal (libtorch): the generation loop the engine wraps — prompt prefill into the Session's
// hybrid KV cache, then one-token decode steps, sampling each next token, until a stop id, the
// token limit, the callback, or the stop flag ends it.
// Thread-safety: one call per Session at a time; the stop flag may be set from any thread.

#include <cstdint>
#include <functional>
#include <vector>

#include <ATen/ATen.h>

#include "inference/prefill.h"
#include "inference/result.h"
#include "inference/sampler.h"
#include "inference/session.h"
#include "inference/stop_flag.h"

namespace inference {

struct GenerationOptions {
    std::int64_t maxNewTokens = 256;
    SamplingParams sampling;                 // greedy by default
    std::vector<std::int64_t> stopTokenIds;  // e.g. generation_config.json eos_token_id
    std::int64_t prefillChunkTokens = 512;
    // Longest prompt + new tokens accepted; 0 = max_position_embeddings of the model.
    std::int64_t contextLimit = 0;
    int threads = 0;  // at::set_num_threads (process-wide) when > 0
    const ProgressCallback* progress = nullptr;
};

enum class FinishReason {
    StopToken,  // a stop id was sampled (it is the last entry of tokens)
    MaxTokens,  // maxNewTokens were generated
    Callback,   // the token callback returned false
};

struct GenerationOutput {
    std::vector<std::int64_t> tokens;  // generated ids, including a final stop id
    FinishReason finish = FinishReason::MaxTokens;
};

// Called for every generated id except a stop id, in order, before the next step starts;
// return false to end generation after it.
using TokenCallback = std::function<bool(std::int64_t id)>;

// Errors: InvalidRequest (bad prompt, see validatePrompt), ContextTooLong (prompt +
// maxNewTokens above the limit), Cancelled (stop flag; tokens already passed to the callback
// stay valid), or a vision/decoder failure.
Result<GenerationOutput> generate(Session& session, const PromptInput& prompt,
                                  const GenerationOptions& options, const TokenCallback& onToken,
                                  const StopFlag& stop);

// Full recomputation without a session: logits [rows, vocab] float32 for the last `lastRows`
// positions (0 = every position) of one prompt, computed in a single decoder pass. Used by the
// `logits` dump and by tests (with `trace` for intermediate tensors).
Result<at::Tensor> forwardLogits(const Model& model, const PromptInput& prompt,
                                 const StopFlag& stop, std::int64_t lastRows = 0,
                                 ForwardTrace* trace = nullptr);

}  // namespace inference
