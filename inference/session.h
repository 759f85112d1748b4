#pragma once
// Internal (libtorch): the mutable state of one request against an immutable Model — KV cache,
// decode workspace (the buffers of the kernel decode steps), the fixed-shape decode step of
// other devices (with its CUDA graph), sampler (with its RNG) and timing statistics. A Session is reset at the start of every
// generation; reusing one across requests only saves reallocating the cache.
// Ownership: shares the Model, so the model outlives every session using it.
// Thread-safety: not thread-safe; one thread uses a Session at a time. Different sessions of
// the same Model may run concurrently.

#include <cstdint>
#include <memory>
#include <string>

#include "inference/decode_step.h"
#include "inference/kv_cache.h"
#include "inference/model.h"
#include "inference/sampler.h"
#include "inference/static_decode.h"

namespace inference {

struct GenerationStats {
    std::int64_t images = 0;          // image blocks encoded (crops count separately)
    double imageEncodeSeconds = 0.0;  // vision tower + projector
    std::int64_t promptTokens = 0;
    double prefillSeconds = 0.0;       // decoder over the prompt, to the first logits
    std::int64_t generatedTokens = 0;  // stop token excluded
    double decodeSeconds = 0.0;        // one-token steps after the first token
    std::uint64_t kvCacheBytes = 0;
    std::string decodePath;  // how the decode steps ran (decode_loops.h)

    double prefillTokensPerSecond() const;
    double decodeTokensPerSecond() const;
};

class Session {
public:
    explicit Session(std::shared_ptr<const Model> model);

    // Clears the cache for up to `capacity` positions (prompt + new tokens), reseeds the
    // sampler and zeroes the statistics.
    void reset(std::int64_t capacity, const SamplingParams& sampling);

    const Model& model() const { return *m_model; }
    KvCache& cache() { return m_cache; }
    DecodeWorkspace& workspace() { return m_workspace; }
    Sampler& sampler() { return m_sampler; }
    // The fixed-shape decode step bound to the cache's current storage (made, or re-made
    // after the storage changed, on first use).
    StaticDecoder& staticDecoder();
    GenerationStats& stats() { return m_stats; }
    const GenerationStats& stats() const { return m_stats; }

private:
    std::shared_ptr<const Model> m_model;
    KvCache m_cache;
    DecodeWorkspace m_workspace;
    std::unique_ptr<StaticDecoder> m_staticDecoder;
    Sampler m_sampler;
    GenerationStats m_stats;
};

}  // namespace inference
