#include "inference/session.h"

namespace inference {

double GenerationStats::prefillTokensPerSecond() const {
    return prefillSeconds > 0.0 ? static_cast<double>(promptTokens) / prefillSeconds : 0.0;
}

double GenerationStats::decodeTokensPerSecond() const {
    // The first generated token comes from the prefill logits; later ones from decode steps.
    const std::int64_t steps = generatedTokens > 0 ? generatedTokens - 1 : 0;
    return decodeSeconds > 0.0 ? static_cast<double>(steps) / decodeSeconds : 0.0;
}

Session::Session(std::shared_ptr<const Model> model) : m_model(std::move(model)) {}

void Session::reset(std::int64_t capacity, const SamplingParams& sampling) {
    const bool fixedShapes = decodePathFor(*m_model) == DecodePath::Static;
    m_cache.reset(m_model->config().text, m_model->activationOptions(), capacity,
                  fixedShapes ? KvCache::Storage::ForStaticSteps : KvCache::Storage::Exact);
    if (kernelDecodeSupported(*m_model)) {
        m_workspace.reserve(*m_model, capacity);
    }
    m_sampler = Sampler(sampling);
    m_stats = GenerationStats{};
    m_stats.kvCacheBytes = m_cache.bytes();
}

StaticDecoder& Session::staticDecoder() {
    if (!m_staticDecoder || !m_staticDecoder->boundTo(m_cache)) {
        m_staticDecoder.reset();  // its graph and buffers go before the new ones are made
        m_staticDecoder = std::make_unique<StaticDecoder>(*m_model, m_cache);
    }
    return *m_staticDecoder;
}

}  // namespace inference
