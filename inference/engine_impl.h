#pragma once
// Internal: the state behind inference::Engine, shared by engine.cpp (loading) and
// engine_generate.cpp (requests).
// Thread-safety: `mutex` serialises requests; everything else is immutable after load.

#include <memory>
#include <mutex>
#include <optional>

#include "inference/engine.h"
#include "inference/model.h"
#include "inference/model_files.h"
#include "inference/prefill.h"
#include "inference/session.h"
#include "inference/tokenizer_bundle.h"

namespace inference {

struct Engine::Impl {
    LoadOptions options;
    ModelInfo info;
    ModelConfigs configs;
    std::shared_ptr<const Model> model;
    std::optional<TokenizerBundle> tokenizer;
    std::unique_ptr<Session> session;
    std::vector<std::int64_t> stopIds;
    double loadSeconds = 0;
    std::mutex mutex;

    Result<std::vector<std::int32_t>> encode(const Request& request, int* imageSlots) const;
    Result<PromptInput> buildPrompt(const Request& request) const;
};

// Runs `body`, turning escaping exceptions (libtorch errors, allocation failures) into Errors.
template <typename T, typename F>
Result<T> guarded(const char* what, F&& body);

Error errorFromException(const char* what, const std::exception& e);

template <typename T, typename F>
Result<T> guarded(const char* what, F&& body) {
    try {
        return body();
    } catch (const std::exception& e) {
        return errorFromException(what, e);
    }
}

}  // namespace inference
