#pragma once
// Internal (libtorch): a one-token decode step whose every tensor keeps its shape and address
// from step to step, for devices where launching work costs more than doing it (a GPU runs a
// 4B decode step's arithmetic in about 2 ms, while launching its ~700 kernels one by one
// takes longer). Such a step can be captured once as a CUDA graph (cuda_graph.h) and replayed
// per token.
//
// What makes the step fixed: the token and its position are device tensors the step reads and
// advances itself (input := the greedy pick at position + 1); the KV cache is the Session's
// storage, reset with KvCache::Storage::ForStaticSteps and read in full under a mask computed
// on the device from the position (slot j is visible when j <= position; a sliding ring holds
// exactly the window once full); RoPE angles are computed on the device from the position; the
// head's largest logits are refined by a fixed number of float32 dot products
// (lm_head.h fixedShapeHeadLogits). Nothing in a step reads a value back to the host or copies
// one from it. The layers are DecoderLayer's own (forwardWith, projectQkv) around this
// fixed-shape attention.
//
// Numerics equal the libtorch forward (decoder_layer.h, attention.h) up to the summation order
// of the longer, masked rows; greedy picks the first maximum, as the sampler does. Without a
// graph (the CPU, CUDA graphs off or unavailable) the same step runs eagerly; tests check it
// there against the per-token libtorch step.
//
// Ownership: holds device buffers for the inputs and outputs, the graph, and references to the
// model and the cache storage (the cache must stay bound: boundTo()).
// Thread-safety: one thread at a time, the one running its Session.

#include <cstdint>
#include <string>
#include <vector>

#include <ATen/ATen.h>

#include "inference/cuda_graph.h"
#include "inference/kv_cache.h"
#include "inference/model.h"

namespace inference {

// How a model's one-token steps run.
enum class DecodePath {
    CpuKernels,  // decode_step.h: bf16 on the CPU with the engine's kernels
    Eager,       // prefill.h decodeStep: libtorch, shapes following the context
    Static,      // this file: libtorch, fixed shapes, a CUDA graph where possible
};

// CpuKernels where supported; else Static on a GPU and Eager on the CPU. MEDGEMMA_DECODE=eager
// or =static overrides the choice between the last two (for comparisons and tests).
DecodePath decodePathFor(const Model& model);

class StaticDecoder {
public:
    // Binds to `model` and to the storage `cache` holds now (reset for static steps).
    StaticDecoder(const Model& model, const KvCache& cache);

    // Whether `cache` still holds the storage this decoder was bound to.
    bool boundTo(const KvCache& cache) const;

    // The token for the next step and its position (< the cache's capacity).
    void setInput(std::int64_t token, std::int64_t position);

    // One step: writes the input token's key and value, computes its logits and the greedy
    // pick, and advances the input to (pick, position + 1). The first call captures the CUDA
    // graph where graphs are available; later calls replay it.
    void step();

    const at::Tensor& logits() const { return m_logits; }     // [vocab] float32, device
    const at::Tensor& inputToken() const { return m_token; }  // [1] int64, device
    // "cuda graph", or "libtorch, fixed shapes" with the reason there is no graph.
    const std::string& description() const { return m_description; }

private:
    struct RingView {          // per-step facts of the full or the sliding layers
        at::Tensor slotIndex;  // [1] int64: where the token's key goes
        at::Tensor hidden;     // [slots] bool: slots the token must not see
        at::Tensor cos, sin;   // [1, headDim] compute dtype
    };

    void compute();
    RingView ringView(bool sliding) const;
    at::Tensor attention(const DecoderLayer& layer, const at::Tensor& x,
                         const RingView& view) const;
    void tryCapture();

    const Model& m_model;
    std::vector<KvCache::LayerStorage> m_storage;
    at::Tensor m_token, m_position;  // inputs, [1] int64
    at::Tensor m_logits;
    at::Tensor m_embeddingScale;                         // 0-dim, compute dtype
    at::Tensor m_localFrequencies, m_globalFrequencies;  // [headDim / 2] float32
    at::Tensor m_localSlots, m_globalSlots;              // arange of each ring's slots, int64
    CapturedGraph m_graph;
    bool m_captureTried = false;
    std::string m_description;
};

}  // namespace inference
