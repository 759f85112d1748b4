#pragma once
// Internal (libtorch): one Gemma 3 decoder layer (spec §4.3-4.6) with sandwich norms:
//   h   = x + post_attention_layernorm(SelfAttn(input_layernorm(x)))
//   out = h + post_feedforward_layernorm(MLP(pre_feedforward_layernorm(h)))
// Self-attention: q/k/v projections, per-head q/k RMSNorm, RoPE of the layer's type, KV cache
// update, GQA with scale query_pre_attn_scalar^-1/2, causal (+ sliding window) mask with
// bidirectional image blocks. MLP: down(gelu_tanh(gate(x)) * up(x)).
// Thread-safety: immutable after load; forward() mutates only the given cache.

#include <optional>

#include <ATen/ATen.h>

#include "inference/config.h"
#include "inference/image_blocks.h"
#include "inference/kv_cache.h"
#include "inference/stop_flag.h"
#include "inference/weight_reader.h"

namespace inference {

// Per-chunk inputs shared by all layers.
struct ChunkContext {
    std::int64_t start = 0;               // position of the chunk's first token
    const ImageBlocks* blocks = nullptr;  // image blocks of the chunk's tokens
    at::Tensor localCos, localSin;        // [L, headDim], compute dtype (sliding layers)
    at::Tensor globalCos, globalSin;      // [L, headDim], compute dtype (full layers)
    const StopFlag* stop = nullptr;       // checked inside the attention
};

class DecoderLayer {
public:
    static DecoderLayer load(const TextConfig& config, WeightReader& reader, int index);

    // hidden: [L, hidden] compute dtype at positions [chunk.start, chunk.start + L).
    // Returns an undefined tensor when chunk.stop interrupted the attention.
    at::Tensor forward(const at::Tensor& hidden, const ChunkContext& chunk, KvCache& cache) const;

private:
    at::Tensor selfAttention(const at::Tensor& x, const ChunkContext& chunk, KvCache& cache) const;
    at::Tensor projectHeads(const at::Tensor& x, const at::Tensor& weight,
                            std::int64_t heads) const;
    at::Tensor mlp(const at::Tensor& x) const;

    int m_index = 0;
    bool m_sliding = false;
    std::int64_t m_heads = 0;
    std::int64_t m_kvHeads = 0;
    std::int64_t m_headDim = 0;
    std::int64_t m_window = 0;
    double m_eps = 1e-6;
    double m_scale = 1.0;
    std::optional<double> m_softcap;
    // Norm weights hold 1 + w in float32; projections are [out, in] in the compute dtype.
    at::Tensor m_inputNorm, m_postAttentionNorm, m_preFeedforwardNorm, m_postFeedforwardNorm;
    at::Tensor m_qNorm, m_kNorm;
    at::Tensor m_q, m_k, m_v, m_o, m_gate, m_up, m_down;
};

}  // namespace inference
