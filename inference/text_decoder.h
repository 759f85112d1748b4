#pragma once
// Internal (libtorch): the Gemma 3 language model (spec §4): scaled token embedding with image
// features scattered in, the decoder layers, the final norm and the head.
// Weights are canonical "text.*" tensors (and "lm_head.weight" for an untied head, used only
// when tie_word_embeddings is false). The embedding and head may be quantized (then the tied
// head is the same quantized matrix as the embedding).
// Thread-safety: immutable after load; concurrent forward() calls need separate caches.

#include <functional>
#include <optional>
#include <vector>

#include <ATen/ATen.h>

#include "inference/config.h"
#include "inference/decoder_layer.h"
#include "inference/image_blocks.h"
#include "inference/kv_cache.h"
#include "inference/linear_weight.h"
#include "inference/result.h"
#include "inference/rope.h"
#include "inference/stop_flag.h"
#include "inference/weight_reader.h"

namespace inference {

class TextDecoder {
public:
    // Called with the hidden state entering each layer ([L, hidden]); for tests and dumps.
    using LayerObserver = std::function<void(int layer, const at::Tensor& hidden)>;

    // Reads every text tensor; failures are recorded in reader.status(). The final logit
    // soft-cap is applied only when `applyFinalSoftcap` (transformers applies the configured
    // cap in Gemma3ForCausalLM, never in Gemma3ForConditionalGeneration).
    static TextDecoder load(const ModelConfig& config, WeightReader& reader,
                            bool applyFinalSoftcap);

    // ids: [L] int64 on any device -> [L, hidden] on the weights' device embeddings times
    // sqrt(hidden) held in the compute dtype (exact in float32, rounded to bf16 in bf16, as
    // transformers does).
    at::Tensor embed(const at::Tensor& ids) const;

    // Runs every layer over a chunk at positions [start, start + L) and returns the output of
    // the final norm [L, hidden]. Updates `cache` (the caller commits). Cancelled when `stop`
    // is set (checked before each layer and inside each attention); the cache is then left
    // partly updated and must be reset.
    Result<at::Tensor> forward(at::Tensor hidden, std::int64_t start, const ImageBlocks& blocks,
                               KvCache& cache, const StopFlag& stop,
                               const LayerObserver* observer = nullptr) const;

    // Whether a canonical tensor is one of the matrices quantization replaces: the layers'
    // seven projections, the embedding and an untied head (the list projections() returns).
    static bool isQuantizable(const std::string& canonicalName);

    // The weight memory one decode step reads: every layer's seven matrices and the head (the
    // embedding contributes one row, left out). Empty for weights off the CPU.
    std::vector<MemoryRegion> decodeRegions() const;
    // The same weights off the CPU, as device tensors (empty for weights on the CPU).
    std::vector<at::Tensor> decodeDeviceTensors() const;

    // normed: [M, hidden] -> [M, vocab] float32 logits (lm_head.h).
    at::Tensor logits(const at::Tensor& normed) const;

    const TextConfig& config() const { return m_config; }
    at::ScalarType computeType() const { return m_computeType; }
    const std::vector<DecoderLayer>& layers() const { return m_layers; }
    const LinearWeight& embedding() const { return m_embedding; }
    const LinearWeight& head() const { return m_head; }
    const at::Tensor& finalNorm() const { return m_finalNorm; }
    std::optional<double> finalSoftcap() const { return m_finalSoftcap; }
    const RotaryEmbedding& rope(bool sliding) const { return sliding ? m_localRope : m_globalRope; }
    // sqrt(hidden) rounded to the compute dtype, as the embedding scale is applied.
    float embeddingScale() const { return m_embeddingScale; }

    // Every projection matrix by canonical name, in a fixed order, for quantization at load.
    // The tied head is not listed separately; call tieHead() after replacing the embedding.
    std::vector<std::pair<std::string, LinearWeight*>> projections();
    void tieHead() { m_head = m_embedding; }
    bool headTied() const { return m_headTied; }

private:
    // The matrices a decode step reads in full: every layer's seven and the head.
    std::vector<const LinearWeight*> decodeMatrices() const;
    ChunkContext makeChunk(std::int64_t start, std::int64_t length, const ImageBlocks& blocks,
                           const StopFlag& stop) const;

    TextConfig m_config;
    at::ScalarType m_computeType = at::kBFloat16;
    at::Device m_device = at::kCPU;  // where the weights are
    float m_embeddingScale = 1.0f;
    LinearWeight m_embedding;  // [vocab, hidden]
    LinearWeight m_head;       // the embedding when tied
    bool m_headTied = true;
    at::Tensor m_finalNorm;  // 1 + w, float32
    std::optional<double> m_finalSoftcap;
    std::vector<DecoderLayer> m_layers;
    RotaryEmbedding m_localRope;
    RotaryEmbedding m_globalRope;
};

}  // namespace inference
