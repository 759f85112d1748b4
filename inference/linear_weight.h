#pragma once
// Internal (libtorch): a projection matrix [rows = out, cols = in] in the form the forward pass
// uses it: a dense tensor in the compute dtype (normally a view of the checkpoint mapping) or a
// quantized matrix (kernels/quant_format.h) whose memory a QuantizedStore owns.
//
// Prefill chunks (many rows of x) go through libtorch's matmul (oneDNN for bf16); quantized
// matrices are dequantized a block of output rows at a time into a transposed bf16 scratch of
// at most kDequantBudget elements, so a quantized model never holds a bf16 copy of itself.
// One-token decode steps use the matrix-vector kernels instead (decode_step.h).
// Thread-safety: immutable after construction; forward() may run concurrently.

#include <cstdint>

#include <ATen/ATen.h>

#include <vector>

#include <memory>

#include "inference/device_quant.h"
#include "inference/kernels/quant_format.h"
#include "inference/memory_bandwidth.h"

namespace inference {

class LinearWeight {
public:
    // Elements of the largest transposed block dequantized at once (kernels/quant_format.h).
    static constexpr std::int64_t kDequantBudget = kernels::kDequantBudget;

    LinearWeight() = default;
    explicit LinearWeight(at::Tensor dense);
    // A view of a quantized matrix; its memory must outlive this object.
    LinearWeight(const kernels::QuantMatrix& matrix, at::ScalarType computeType);
    // A quantized matrix on a device without the CPU kernels (device_quant.h).
    LinearWeight(std::shared_ptr<const DeviceQuantMatrix> matrix, at::ScalarType computeType);

    bool defined() const { return m_quantized || m_deviceQuant || m_dense.defined(); }
    // Quantized in the CPU kernels' layout (quant()); false for a device-quantized matrix.
    bool isQuantized() const { return m_quantized; }
    bool isDeviceQuantized() const { return m_deviceQuant != nullptr; }
    std::int64_t rows() const;
    std::int64_t cols() const;
    at::ScalarType computeType() const { return m_computeType; }
    const at::Tensor& dense() const { return m_dense; }  // undefined when quantized
    const kernels::QuantMatrix& quant() const { return m_quant; }
    // The memory a matrix-vector product reads: the dense elements, or the quantized values
    // and their scales (appended to `regions`; nothing for a matrix off the CPU).
    void appendStreamedRegions(std::vector<MemoryRegion>& regions) const;
    // The same for a matrix off the CPU: the device tensors a product reads.
    void appendDeviceTensors(std::vector<at::Tensor>& tensors) const;

    // x: [L, cols] in the compute dtype -> [L, rows] in the compute dtype.
    at::Tensor forward(const at::Tensor& x) const;
    // Rows `ids` ([L] int64) -> [L, cols] in the compute dtype: an embedding lookup.
    at::Tensor gatherRows(const at::Tensor& ids) const;

private:
    at::Tensor forwardQuantized(const at::Tensor& x) const;

    at::Tensor m_dense;
    std::shared_ptr<const DeviceQuantMatrix> m_deviceQuant;
    kernels::QuantMatrix m_quant{};
    bool m_quantized = false;
    at::ScalarType m_computeType = at::kBFloat16;
};

}  // namespace inference
