#include "inference/generation.h"

#include <algorithm>
#include <chrono>
#include <string>

#include <ATen/Parallel.h>

#include "inference/decode_loops.h"

namespace inference {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Work queued on a GPU finishes asynchronously; reading one value back waits for it, so that a
// phase's time is the phase's and not the next one's.
void waitForDevice(const at::Tensor& t) {
    if (t.defined() && !t.device().is_cpu() && t.numel() > 0) {
        (void)t.flatten()[0].item<float>();
    }
}

Status checkContext(const Model& model, const PromptInput& prompt,
                    const GenerationOptions& options) {
    const std::int64_t limit =
        options.contextLimit > 0 ? options.contextLimit : model.config().text.maxPositionEmbeddings;
    const auto needed = static_cast<std::int64_t>(prompt.ids.size()) + options.maxNewTokens;
    if (needed > limit) {
        return makeError(ErrorCode::ContextTooLong,
                         "the prompt (" + std::to_string(prompt.ids.size()) + " tokens) plus " +
                             std::to_string(options.maxNewTokens) +
                             " new tokens exceeds the context limit of " + std::to_string(limit) +
                             " tokens");
    }
    return {};
}

// Prefill: images, then the prompt; returns the logits of the last prompt position.
Result<at::Tensor> runPrompt(Session& session, const PromptInput& prompt,
                             const GenerationOptions& options, const StopFlag& stop) {
    GenerationStats& stats = session.stats();
    PrefillOptions prefillOptions;
    prefillOptions.chunkTokens = options.prefillChunkTokens;
    prefillOptions.progress = options.progress;
    Clock::time_point start = Clock::now();
    Result<at::Tensor> features = encodePromptImages(session.model(), prompt, stop, prefillOptions);
    if (!features) {
        return features.error();
    }
    waitForDevice(features.value());
    stats.images = prompt.pixelValues.defined() ? prompt.pixelValues.size(0) : 0;
    stats.imageEncodeSeconds = secondsSince(start);
    start = Clock::now();
    Result<at::Tensor> logits =
        prefill(session.model(), session.cache(), prompt, features.value(), stop, prefillOptions);
    stats.promptTokens = static_cast<std::int64_t>(prompt.ids.size());
    stats.prefillSeconds = secondsSince(start);
    if (!logits) {
        return logits.error();
    }
    return logits.value()[0];
}

}  // namespace

Result<GenerationOutput> generate(Session& session, const PromptInput& prompt,
                                  const GenerationOptions& options, const TokenCallback& onToken,
                                  const StopFlag& stop) {
    const Model& model = session.model();
    if (Status status = validatePrompt(model, prompt); !status) {
        return status.error();
    }
    if (Status status = checkContext(model, prompt, options); !status) {
        return status.error();
    }
    if (options.threads > 0) {
        at::set_num_threads(options.threads);
    }
    const auto promptLength = static_cast<std::int64_t>(prompt.ids.size());
    session.reset(promptLength + std::max<std::int64_t>(options.maxNewTokens, 1), options.sampling);
    Result<at::Tensor> logits = runPrompt(session, prompt, options, stop);
    if (!logits) {
        return logits.error();
    }
    const Clock::time_point decodeStart = Clock::now();
    Result<GenerationOutput> output =
        decodeTokens(session, prompt, options, onToken, stop, logits.value());
    session.stats().decodeSeconds = secondsSince(decodeStart);
    return output;
}

Result<at::Tensor> forwardLogits(const Model& model, const PromptInput& prompt,
                                 const StopFlag& stop, std::int64_t lastRows, ForwardTrace* trace) {
    if (Status status = validatePrompt(model, prompt); !status) {
        return status.error();
    }
    const auto length = static_cast<std::int64_t>(prompt.ids.size());
    PrefillOptions options;
    options.chunkTokens = length;
    options.logitRows = lastRows;
    options.trace = trace;
    Result<at::Tensor> features = encodePromptImages(model, prompt, stop, options);
    if (!features) {
        return features.error();
    }
    KvCache cache;
    cache.reset(model.config().text, model.activationOptions(), length);
    return prefill(model, cache, prompt, features.value(), stop, options);
}

}  // namespace inference
