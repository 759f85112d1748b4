#include "inference/decoder_layer.h"

#include <cmath>
#include <string>

#include "inference/attention.h"
#include "inference/rms_norm.h"
#include "inference/rope.h"

namespace inference {

DecoderLayer DecoderLayer::load(const TextConfig& config, WeightReader& reader, int index) {
    DecoderLayer layer;
    layer.m_index = index;
    layer.m_sliding = config.layerTypes[static_cast<std::size_t>(index)] == LayerType::Sliding;
    layer.m_heads = config.numHeads;
    layer.m_kvHeads = config.numKvHeads;
    layer.m_headDim = config.headDim;
    layer.m_window = config.slidingWindow;
    layer.m_eps = config.rmsNormEps;
    layer.m_scale = std::pow(config.queryPreAttnScalar, -0.5);
    layer.m_softcap = config.attnLogitSoftcapping;

    const std::string p = "text.layers." + std::to_string(index) + ".";
    const std::int64_t h = config.hiddenSize;
    const std::int64_t d = config.headDim;
    const std::int64_t m = config.intermediateSize;
    layer.m_inputNorm = reader.normPlusOne(p + "input_layernorm.weight", {h});
    layer.m_postAttentionNorm = reader.normPlusOne(p + "post_attention_layernorm.weight", {h});
    layer.m_preFeedforwardNorm = reader.normPlusOne(p + "pre_feedforward_layernorm.weight", {h});
    layer.m_postFeedforwardNorm = reader.normPlusOne(p + "post_feedforward_layernorm.weight", {h});
    layer.m_qNorm = reader.normPlusOne(p + "self_attn.q_norm.weight", {d});
    layer.m_kNorm = reader.normPlusOne(p + "self_attn.k_norm.weight", {d});
    layer.m_q = reader.compute(p + "self_attn.q_proj.weight", {config.numHeads * d, h});
    layer.m_k = reader.compute(p + "self_attn.k_proj.weight", {config.numKvHeads * d, h});
    layer.m_v = reader.compute(p + "self_attn.v_proj.weight", {config.numKvHeads * d, h});
    layer.m_o = reader.compute(p + "self_attn.o_proj.weight", {h, config.numHeads * d});
    layer.m_gate = reader.compute(p + "mlp.gate_proj.weight", {m, h});
    layer.m_up = reader.compute(p + "mlp.up_proj.weight", {m, h});
    layer.m_down = reader.compute(p + "mlp.down_proj.weight", {h, m});
    return layer;
}

// [L, in] -> [heads, L, headDim]; output feature index = head * headDim + d (spec §2.3).
at::Tensor DecoderLayer::projectHeads(const at::Tensor& x, const at::Tensor& weight,
                                      std::int64_t heads) const {
    return at::linear(x, weight).view({x.size(0), heads, m_headDim});
}

at::Tensor DecoderLayer::selfAttention(const at::Tensor& x, const ChunkContext& chunk,
                                       KvCache& cache) const {
    const at::Tensor& cos = m_sliding ? chunk.localCos : chunk.globalCos;
    const at::Tensor& sin = m_sliding ? chunk.localSin : chunk.globalSin;
    // Order as in transformers: projection, per-head RMSNorm, then RoPE; v is not normed.
    const at::Tensor q = applyRotary(
        gemmaRmsNorm(projectHeads(x, m_q, m_heads), m_qNorm, m_eps).transpose(0, 1), cos, sin);
    const at::Tensor k = applyRotary(
        gemmaRmsNorm(projectHeads(x, m_k, m_kvHeads), m_kNorm, m_eps).transpose(0, 1), cos, sin);
    const at::Tensor v = projectHeads(x, m_v, m_kvHeads).transpose(0, 1);
    const KvCache::Keys keys = cache.update(m_index, k, v, chunk.start);

    AttentionMask mask;
    mask.queryStart = chunk.start;
    mask.keyStart = keys.keyStart;
    mask.window = m_sliding ? m_window : 0;
    mask.blocks = chunk.blocks;
    AttentionParams params;
    params.scale = m_scale;
    params.softcap = m_softcap;
    params.stop = chunk.stop;
    // A single token sees every key the cache returns (causal and in its window).
    params.mask = x.size(0) > 1 ? &mask : nullptr;
    const at::Tensor context = attend(q, keys.k, keys.v, params);
    return context.defined() ? at::linear(context, m_o) : context;
}

at::Tensor DecoderLayer::mlp(const at::Tensor& x) const {
    return at::linear(at::gelu(at::linear(x, m_gate), "tanh") * at::linear(x, m_up), m_down);
}

at::Tensor DecoderLayer::forward(const at::Tensor& hidden, const ChunkContext& chunk,
                                 KvCache& cache) const {
    const at::Tensor attended =
        selfAttention(gemmaRmsNorm(hidden, m_inputNorm, m_eps), chunk, cache);
    if (!attended.defined()) {
        return attended;
    }
    const at::Tensor h = hidden + gemmaRmsNorm(attended, m_postAttentionNorm, m_eps);
    const at::Tensor fed = mlp(gemmaRmsNorm(h, m_preFeedforwardNorm, m_eps));
    return h + gemmaRmsNorm(fed, m_postFeedforwardNorm, m_eps);
}

}  // namespace inference
