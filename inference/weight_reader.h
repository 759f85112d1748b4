#pragma once
// Internal (libtorch): turns checkpoint tensors into at::Tensors for the forward pass.
//
// Ownership: tensors that keep the checkpoint dtype are non-owning views of the checkpoint's
// memory mapping (from_blob, no copy) and are valid only while that mapping lives; the Model
// keeps it alive. Converted tensors (another dtype, or data not aligned to its element size)
// are owned copies. Views of the mapping are read-only by contract: no code writes into a
// weight tensor.
// Thread-safety: a WeightReader is used by one thread during load.

#include <functional>
#include <string>
#include <vector>

#include <ATen/ATen.h>

#include "inference/compute_type.h"
#include "inference/result.h"
#include "inference/safetensors.h"

namespace inference {

// Finds a tensor by canonical name ("text.layers.3.self_attn.q_proj.weight",
// "vision.post_layernorm.bias", "projector.mm_input_projection_weight"); nullptr when absent.
using WeightLookup = std::function<const TensorView*(const std::string& canonicalName)>;

at::ScalarType scalarTypeOf(ComputeType type);

// A zero-copy tensor over the view's bytes, or an aligned copy when the bytes are misaligned
// for the dtype. Fails with UnsupportedModel for dtypes a weight cannot have.
Result<at::Tensor> tensorFromView(const TensorView& view);

// Reads weights one by one and remembers the first failure, so that loaders can read a whole
// layer and check once (status()) instead of after every tensor. After a failure every read
// returns an undefined tensor.
class WeightReader {
public:
    // Tensors are returned on `device`: views of the mapping on the CPU, device copies
    // elsewhere.
    WeightReader(WeightLookup lookup, at::ScalarType computeType, at::Device device = at::kCPU);

    // A matrix or vector in the compute dtype: zero-copy when the checkpoint already has it.
    at::Tensor compute(const std::string& name, const std::vector<std::int64_t>& shape);
    // float32 (a zero-copy view for F32 data, else a converted copy).
    at::Tensor float32(const std::string& name, const std::vector<std::int64_t>& shape);
    // 1 + w in float32, for Gemma RMSNorm weights (stored zero-centred).
    at::Tensor normPlusOne(const std::string& name, const std::vector<std::int64_t>& shape);
    // Tensors whose names `predicate` accepts stay on the host (mapping views or host copies)
    // whatever the device: the matrices a GPU model quantizes on the host first.
    void keepOnHost(std::function<bool(const std::string&)> predicate) {
        m_keepOnHost = std::move(predicate);
    }
    // Whether a tensor is present (for optional tensors such as an untied lm_head).
    bool contains(const std::string& name) const;

    at::ScalarType computeType() const { return m_computeType; }
    at::Device device() const { return m_device; }
    const Status& status() const { return m_status; }
    // Bytes of the host copies made so far (converted weights); zero-copy views and device
    // copies count nothing.
    std::uint64_t copiedBytes() const { return m_copiedBytes; }
    // Bytes copied to a non-CPU device.
    std::uint64_t deviceBytes() const { return m_deviceBytes; }

private:
    at::Tensor read(const std::string& name, const std::vector<std::int64_t>& shape,
                    at::ScalarType type);
    void fail(Error error);

    WeightLookup m_lookup;
    at::ScalarType m_computeType;
    at::Device m_device;
    std::function<bool(const std::string&)> m_keepOnHost;
    Status m_status;
    std::uint64_t m_copiedBytes = 0;
    std::uint64_t m_deviceBytes = 0;
};

}  // namespace inference
