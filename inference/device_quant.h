#pragma once
// Internal (libtorch): quantized matrices for devices without the CPU kernels (a GPU; the CPU
// with MEDGEMMA_CPU_KERNELS=off, which is how tests check this path). The values are those
// the CPU quantizer made (kernels/quant_format.h, or its cache file), rearranged from the
// kernels' tile layout into plain tensors on the device:
//   Int8Row    values int8 [rows, cols], scale float32 [rows]:          w = scale * q
//   Int4Group  codes uint8 [rows, paddedCols / 2], two per byte (even column in the low
//              nibble), scale and min bf16 [rows, groups]:             w = scale * u + min
// Products dequantize blocks of output rows (at most kDequantBudget elements at a time) into
// the compute dtype and multiply with libtorch's matmul, so no dense copy is ever held.
// Thread-safety: immutable after construction; const methods may run concurrently.

#include <cstdint>

#include <vector>

#include <ATen/ATen.h>

#include "inference/kernels/quant_format.h"

namespace inference {

class DeviceQuantMatrix {
public:
    static constexpr std::int64_t kDequantBudget = kernels::kDequantBudget;

    // Copies `matrix` (kernel layout, host memory) to `device` in the layout above.
    static DeviceQuantMatrix fromKernelLayout(const kernels::QuantMatrix& matrix,
                                              at::Device device);

    std::int64_t rows() const { return m_shape.rows; }
    std::int64_t cols() const { return m_shape.cols; }
    std::uint64_t bytes() const;  // device memory held
    // The tensors a product reads: values, scales and (int4) minima.
    void appendTensors(std::vector<at::Tensor>& out) const;

    // x [L, cols] -> [L, rows] in x's dtype.
    at::Tensor forward(const at::Tensor& x) const;
    // Rows `ids` ([L] int64, any device) -> [L, cols] in `type`.
    at::Tensor gatherRows(const at::Tensor& ids, at::ScalarType type) const;

private:
    // Rows selected by `index` (on the device) or [begin, begin + count), dequantized.
    at::Tensor dequantize(const at::Tensor& values, const at::Tensor& scale,
                          const at::Tensor& minimum, at::ScalarType type) const;

    kernels::QuantShape m_shape;
    at::Tensor m_values;  // int8 [rows, cols] or uint8 [rows, paddedCols / 2]
    at::Tensor m_scale;   // float32 [rows] or bf16 [rows, groups]
    at::Tensor m_min;     // bf16 [rows, groups] (Int4Group only)
};

}  // namespace inference
