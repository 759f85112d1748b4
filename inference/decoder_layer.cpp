#include "inference/decoder_layer.h"

#include <cmath>
#include <string>

#include "inference/activations.h"
#include "inference/attention.h"
#include "inference/rms_norm.h"
#include "inference/rope.h"

namespace inference {

DecoderLayer DecoderLayer::load(const TextConfig& config, WeightReader& reader, int index) {
    DecoderLayer layer;
    DecoderLayerParams& params = layer.m_params;
    params.index = index;
    params.sliding = config.layerTypes[static_cast<std::size_t>(index)] == LayerType::Sliding;
    params.heads = config.numHeads;
    params.kvHeads = config.numKvHeads;
    params.headDim = config.headDim;
    params.window = config.slidingWindow;
    params.eps = config.rmsNormEps;
    params.scale = std::pow(config.queryPreAttnScalar, -0.5);
    params.softcap = config.attnLogitSoftcapping;

    const std::string p = "text.layers." + std::to_string(index) + ".";
    const std::int64_t h = config.hiddenSize;
    const std::int64_t d = config.headDim;
    const std::int64_t m = config.intermediateSize;
    DecoderLayerWeights& w = layer.m_weights;
    w.inputNorm = reader.normPlusOne(p + "input_layernorm.weight", {h});
    w.postAttentionNorm = reader.normPlusOne(p + "post_attention_layernorm.weight", {h});
    w.preFeedforwardNorm = reader.normPlusOne(p + "pre_feedforward_layernorm.weight", {h});
    w.postFeedforwardNorm = reader.normPlusOne(p + "post_feedforward_layernorm.weight", {h});
    w.qNorm = reader.normPlusOne(p + "self_attn.q_norm.weight", {d});
    w.kNorm = reader.normPlusOne(p + "self_attn.k_norm.weight", {d});
    w.q = LinearWeight(reader.compute(p + "self_attn.q_proj.weight", {config.numHeads * d, h}));
    w.k = LinearWeight(reader.compute(p + "self_attn.k_proj.weight", {config.numKvHeads * d, h}));
    w.v = LinearWeight(reader.compute(p + "self_attn.v_proj.weight", {config.numKvHeads * d, h}));
    w.o = LinearWeight(reader.compute(p + "self_attn.o_proj.weight", {h, config.numHeads * d}));
    w.gate = LinearWeight(reader.compute(p + "mlp.gate_proj.weight", {m, h}));
    w.up = LinearWeight(reader.compute(p + "mlp.up_proj.weight", {m, h}));
    w.down = LinearWeight(reader.compute(p + "mlp.down_proj.weight", {h, m}));
    return layer;
}

// [L, in] -> [heads, L, headDim]; output feature index = head * headDim + d (spec §2.3).
at::Tensor DecoderLayer::projectHeads(const at::Tensor& x, const LinearWeight& weight,
                                      std::int64_t heads) const {
    return weight.forward(x).view({x.size(0), heads, m_params.headDim});
}

DecoderLayer::QueryKeyValue DecoderLayer::projectQkv(const at::Tensor& x, const at::Tensor& cos,
                                                     const at::Tensor& sin) const {
    const DecoderLayerParams& p = m_params;
    const DecoderLayerWeights& w = m_weights;
    // Order as in transformers: projection, per-head RMSNorm, then RoPE; v is not normed.
    return {
        applyRotary(gemmaRmsNorm(projectHeads(x, w.q, p.heads), w.qNorm, p.eps).transpose(0, 1),
                    cos, sin),
        applyRotary(gemmaRmsNorm(projectHeads(x, w.k, p.kvHeads), w.kNorm, p.eps).transpose(0, 1),
                    cos, sin),
        projectHeads(x, w.v, p.kvHeads).transpose(0, 1)};
}

at::Tensor DecoderLayer::selfAttention(const at::Tensor& x, const ChunkContext& chunk,
                                       KvCache& cache) const {
    const DecoderLayerParams& p = m_params;
    const DecoderLayerWeights& w = m_weights;
    const QueryKeyValue qkv = p.sliding ? projectQkv(x, chunk.localCos, chunk.localSin)
                                        : projectQkv(x, chunk.globalCos, chunk.globalSin);
    const at::Tensor& q = qkv.q;
    const KvCache::Keys keys = cache.update(p.index, qkv.k, qkv.v, chunk.start);

    AttentionMask mask;
    mask.queryStart = chunk.start;
    mask.keyStart = keys.keyStart;
    mask.window = p.sliding ? p.window : 0;
    mask.blocks = chunk.blocks;
    AttentionParams params;
    params.scale = p.scale;
    params.softcap = p.softcap;
    params.stop = chunk.stop;
    params.fusedMaskCache = &chunk.fusedMasks[p.sliding ? 0 : 1];
    // A single token sees every key the cache returns (causal and in its window).
    params.mask = x.size(0) > 1 ? &mask : nullptr;
    const at::Tensor context = attend(q, keys.k, keys.v, params);
    return context.defined() ? w.o.forward(context) : context;
}

at::Tensor DecoderLayer::mlp(const at::Tensor& x, const StopFlag* stop) const {
    const DecoderLayerWeights& w = m_weights;
    // Each projection of a 512-token chunk takes 30-50 ms on 2 cores (int4 weights are
    // dequantized on the fly), so the stop flag is also checked between them.
    const auto stopped = [stop] { return stop && stopRequested(*stop); };
    const at::Tensor gate = w.gate.forward(x);
    if (stopped()) {
        return {};
    }
    const at::Tensor up = w.up.forward(x);
    if (stopped()) {
        return {};
    }
    return w.down.forward(geluTanhMul(gate, up));
}

at::Tensor DecoderLayer::forward(const at::Tensor& hidden, const ChunkContext& chunk,
                                 KvCache& cache) const {
    return forwardWith(
        hidden, [&](const at::Tensor& normed) { return selfAttention(normed, chunk, cache); },
        chunk.stop);
}

at::Tensor DecoderLayer::forwardWith(const at::Tensor& hidden, const Attention& attend,
                                     const StopFlag* stop) const {
    const DecoderLayerParams& p = m_params;
    const DecoderLayerWeights& w = m_weights;
    const at::Tensor attended = attend(gemmaRmsNorm(hidden, w.inputNorm, p.eps));
    if (!attended.defined()) {
        return attended;
    }
    const at::Tensor h = hidden + gemmaRmsNorm(attended, w.postAttentionNorm, p.eps);
    // The MLP is about two thirds of a layer: a stop raised during a long chunk is honoured
    // before and inside it rather than a whole layer later (bench --cancel, int4 4B prefill of
    // 512 tokens: worst 176 ms with checks only between layers and in the attention).
    if (stop && stopRequested(*stop)) {
        return {};
    }
    const at::Tensor fed = mlp(gemmaRmsNorm(h, w.preFeedforwardNorm, p.eps), stop);
    if (!fed.defined()) {
        return fed;
    }
    return h + gemmaRmsNorm(fed, w.postFeedforwardNorm, p.eps);
}

}  // namespace inference
