#include "inference/linear_weight.h"

#include <algorithm>

#include <ATen/Parallel.h>

namespace inference {

LinearWeight::LinearWeight(at::Tensor dense)
    : m_dense(std::move(dense)),
      m_computeType(m_dense.defined() ? m_dense.scalar_type() : at::kBFloat16) {}

LinearWeight::LinearWeight(const kernels::QuantMatrix& matrix, at::ScalarType computeType)
    : m_quant(matrix), m_quantized(true), m_computeType(computeType) {}

LinearWeight::LinearWeight(std::shared_ptr<const DeviceQuantMatrix> matrix,
                           at::ScalarType computeType)
    : m_deviceQuant(std::move(matrix)), m_computeType(computeType) {}

std::int64_t LinearWeight::rows() const {
    return m_quantized ? m_quant.shape.rows : m_deviceQuant ? m_deviceQuant->rows() : m_dense.size(0);
}

std::int64_t LinearWeight::cols() const {
    return m_quantized ? m_quant.shape.cols : m_deviceQuant ? m_deviceQuant->cols() : m_dense.size(1);
}

void LinearWeight::appendStreamedRegions(std::vector<MemoryRegion>& regions) const {
    if (m_quantized) {
        regions.push_back({m_quant.data, m_quant.shape.dataBytes()});
        regions.push_back({static_cast<const std::uint8_t*>(m_quant.parameters),
                           m_quant.shape.parameterBytes()});
    } else if (m_dense.defined() && m_dense.device().is_cpu()) {
        regions.push_back({static_cast<const std::uint8_t*>(m_dense.data_ptr()),
                           std::uint64_t(m_dense.nbytes())});
    }
}

void LinearWeight::appendDeviceTensors(std::vector<at::Tensor>& tensors) const {
    if (m_deviceQuant) {
        m_deviceQuant->appendTensors(tensors);
    } else if (m_dense.defined() && !m_dense.device().is_cpu()) {
        tensors.push_back(m_dense);
    }
}

at::Tensor LinearWeight::forward(const at::Tensor& x) const {
    if (m_deviceQuant) {
        return m_deviceQuant->forward(x.to(m_computeType));
    }
    return m_quantized ? forwardQuantized(x) : at::linear(x, m_dense);
}

// Dequantizes whole tiles of output rows into W^T blocks [cols, n] (the layout makes the
// transposed form the cheap one) and multiplies x by them with the compute dtype's matmul.
at::Tensor LinearWeight::forwardQuantized(const at::Tensor& x) const {
    const kernels::QuantShape& shape = m_quant.shape;
    const std::int64_t tileRows = kernels::kTileRows;
    const std::int64_t tilesPerBlock =
        std::clamp<std::int64_t>(kDequantBudget / (shape.cols * tileRows), 1, shape.tiles());
    const std::int64_t blockRows = tilesPerBlock * tileRows;
    const at::Tensor input = x.to(at::kBFloat16);
    at::Tensor scratch = at::empty({shape.cols * blockRows}, input.options());
    const bool single = tilesPerBlock == shape.tiles() && shape.paddedRows() == shape.rows;
    at::Tensor out = single ? at::Tensor() : at::empty({x.size(0), shape.rows}, input.options());
    for (std::int64_t t0 = 0; t0 < shape.tiles(); t0 += tilesPerBlock) {
        const std::int64_t t1 = std::min(shape.tiles(), t0 + tilesPerBlock);
        const std::int64_t n = (t1 - t0) * tileRows;
        auto* block = reinterpret_cast<kernels::bf16_t*>(scratch.data_ptr<at::BFloat16>());
        at::parallel_for(t0, t1, 1, [&](std::int64_t a, std::int64_t b) {
            kernels::dequantizeTransposed(m_quant, a * tileRows, b * tileRows,
                                          block + (a - t0) * tileRows, n);
        });
        const at::Tensor product = at::mm(input, scratch.narrow(0, 0, shape.cols * n).view({shape.cols, n}));
        if (single) {
            return product.to(m_computeType);
        }
        const std::int64_t valid = std::min(n, shape.rows - t0 * tileRows);
        out.narrow(1, t0 * tileRows, valid).copy_(product.narrow(1, 0, valid));
    }
    return out.to(m_computeType);
}

at::Tensor LinearWeight::gatherRows(const at::Tensor& ids) const {
    if (m_deviceQuant) {
        return m_deviceQuant->gatherRows(ids, m_computeType);
    }
    if (!m_quantized) {
        return at::embedding(m_dense, ids);
    }
    const at::Tensor index = ids.to(at::kLong).contiguous();
    at::Tensor rows = at::empty({index.numel(), m_quant.shape.cols}, at::kBFloat16);
    auto* out = reinterpret_cast<kernels::bf16_t*>(rows.data_ptr<at::BFloat16>());
    const std::int64_t* id = index.data_ptr<std::int64_t>();
    for (std::int64_t i = 0; i < index.numel(); ++i) {
        kernels::dequantizeRow(m_quant, id[i], out + i * m_quant.shape.cols);
    }
    return rows.to(m_computeType);
}

}  // namespace inference
