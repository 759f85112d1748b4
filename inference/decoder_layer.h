#pragma once
// Internal (libtorch): one Gemma 3 decoder layer (spec §4.3-4.6) with sandwich norms:
//   h   = x + post_attention_layernorm(SelfAttn(input_layernorm(x)))
//   out = h + post_feedforward_layernorm(MLP(pre_feedforward_layernorm(h)))
// Self-attention: q/k/v projections, per-head q/k RMSNorm, RoPE of the layer's type, KV cache
// update, GQA with scale query_pre_attn_scalar^-1/2, causal (+ sliding window) mask with
// bidirectional image blocks. MLP: down(gelu_tanh(gate(x)) * up(x)).
// Thread-safety: immutable after load; forward() mutates only the given cache.

#include <functional>
#include <optional>

#include <ATen/ATen.h>

#include "inference/config.h"
#include "inference/image_blocks.h"
#include "inference/kv_cache.h"
#include "inference/linear_weight.h"
#include "inference/stop_flag.h"
#include "inference/weight_reader.h"

namespace inference {

// Per-chunk inputs shared by all layers.
struct ChunkContext {
    std::int64_t start = 0;               // position of the chunk's first token
    const ImageBlocks* blocks = nullptr;  // image blocks of the chunk's tokens
    at::Tensor localCos, localSin;        // [L, headDim], compute dtype (sliding layers)
    at::Tensor globalCos, globalSin;      // [L, headDim], compute dtype (full layers)
    const StopFlag* stop = nullptr;       // checked in the attention, before and in the MLP
    // The fused attention's mask per layer kind (sliding, full), built once per chunk by the
    // first layer of the kind (attention.h); mutable as a cache of the chunk's own facts.
    mutable at::Tensor fusedMasks[2];
};

// The fixed facts of one layer, shared by the libtorch forward and the decode kernels.
struct DecoderLayerParams {
    int index = 0;
    bool sliding = false;
    std::int64_t heads = 0;
    std::int64_t kvHeads = 0;
    std::int64_t headDim = 0;
    std::int64_t window = 0;
    double eps = 1e-6;
    double scale = 1.0;
    std::optional<double> softcap;
};

// Norm weights hold 1 + w in float32; projections are [out, in], dense in the compute dtype or
// quantized.
struct DecoderLayerWeights {
    at::Tensor inputNorm, postAttentionNorm, preFeedforwardNorm, postFeedforwardNorm;
    at::Tensor qNorm, kNorm;
    LinearWeight q, k, v, o, gate, up, down;
};

class DecoderLayer {
public:
    static DecoderLayer load(const TextConfig& config, WeightReader& reader, int index);

    // hidden: [L, hidden] compute dtype at positions [chunk.start, chunk.start + L).
    // Returns an undefined tensor when chunk.stop interrupted the layer.
    at::Tensor forward(const at::Tensor& hidden, const ChunkContext& chunk, KvCache& cache) const;

    // The layer around a given attention: input norm, `attend` (normed [L, hidden] -> its output
    // [L, hidden], undefined when interrupted), post-attention norm and residual, then the MLP
    // with its norms and residual. forward() is this with the cache-backed attention; the
    // fixed-shape decode step (static_decode.h) passes its own. Undefined when `attend`
    // returned undefined or `stop` (may be null) was raised.
    using Attention = std::function<at::Tensor(const at::Tensor& normed)>;
    at::Tensor forwardWith(const at::Tensor& hidden, const Attention& attend,
                           const StopFlag* stop) const;

    // q, k, v of normed rows x [L, hidden], each [heads, L, headDim]: the projections, the
    // per-head q/k RMSNorm and RoPE with cos/sin [L, headDim], in transformers' order.
    struct QueryKeyValue {
        at::Tensor q, k, v;
    };
    QueryKeyValue projectQkv(const at::Tensor& x, const at::Tensor& cos,
                             const at::Tensor& sin) const;

    const DecoderLayerParams& params() const { return m_params; }
    const DecoderLayerWeights& weights() const { return m_weights; }
    // For the loader only (quantization replaces the projections before first use).
    DecoderLayerWeights& mutableWeights() { return m_weights; }

private:
    at::Tensor selfAttention(const at::Tensor& x, const ChunkContext& chunk, KvCache& cache) const;
    at::Tensor projectHeads(const at::Tensor& x, const LinearWeight& weight,
                            std::int64_t heads) const;
    // Undefined when `stop` (may be null) was raised between its projections.
    at::Tensor mlp(const at::Tensor& x, const StopFlag* stop) const;

    DecoderLayerParams m_params;
    DecoderLayerWeights m_weights;
};

}  // namespace inference
