#pragma once
// Internal: one-token decode steps on the CPU kernels (kernels/), for bf16 models with dense
// or quantized projections. Per layer: RMSNorm, q/k/v in one parallel pass, per-head q/k norms
// and RoPE in float32, the new key and value written into the KV cache slot, attention per
// KV head on the compute threads, o, gate and up in one pass with the GELU gate applied as the
// rows come out, down; then the final norm and the head as a float32 matrix-vector product.
//
// Numerics: weights and the cache stay bf16, inputs of every product are rounded to bf16 (or
// quantized to int8 blocks for quantized weights), and everything between the products — the
// residual stream, norms, RoPE, softmax — is float32, as transformers' bf16 model computes its
// norms and softmax; no intermediate is rounded to bf16 where float32 is free.
//
// Ownership: a DecodeWorkspace holds every buffer a step needs, sized once per request
// (reserve()), so steps allocate nothing, and the step's compute threads (decode_threads.h).
// One per Session.
// Thread-safety: a workspace and its cache are used by one request at a time; the model is
// shared read-only.

#include <cstdint>
#include <memory>
#include <vector>

#include <ATen/ATen.h>

#include "inference/decode_linear.h"
#include "inference/kv_cache.h"
#include "inference/model.h"
#include "inference/result.h"
#include "inference/stop_flag.h"

namespace inference {

class DecodeWorkspace {
public:
    // Buffers for `model` with up to `contextCapacity` positions in the cache.
    void reserve(const Model& model, std::int64_t contextCapacity);
    bool fits(std::int64_t positions) const {
        return m_logits.defined() && m_capacity >= positions;
    }
    std::int64_t capacity() const { return m_capacity; }

private:
    friend class DecodeStepRunner;

    std::vector<float> m_hidden, m_normed, m_q, m_k, m_v, m_context, m_projected;
    std::vector<float> m_gate, m_up, m_act, m_scores;
    std::vector<float> m_localCos, m_localSin, m_globalCos, m_globalSin;
    std::vector<kernels::bf16_t> m_row;
    VectorInput m_input;
    std::unique_ptr<DecodeThreadPool> m_pool;
    at::Tensor m_logits;  // [vocab] float32
    std::int64_t m_capacity = 0;
};

// Whether `model` runs its decode steps here: bf16 compute on the CPU (dense projections with
// the CPU kernels on, or quantized ones).
bool kernelDecodeSupported(const Model& model);

// The token at position cache.length() through every layer; returns its logits [vocab]
// float32, a view of the workspace's buffer valid until the next step. Commits the position.
// Cancelled when `stop` is set (checked before each layer; the cache must then be reset).
Result<at::Tensor> kernelDecodeStep(const Model& model, KvCache& cache,
                                    DecodeWorkspace& workspace, std::int64_t token,
                                    const StopFlag& stop);

}  // namespace inference
