#include "inference/decode_linear.h"

#include <algorithm>

#include "inference/kernels/gemv_bf16.h"

namespace inference {
namespace {

constexpr std::int64_t kDenseRowsPerUnit = 4;  // the bf16 kernel's row block

}  // namespace

void VectorInput::reserve(std::int64_t cols) {
    if (std::int64_t(m_bf16.size()) < cols) {
        m_bf16.resize(std::size_t(cols));
    }
    // The widest padding of any format: a multiple of 128 columns.
    m_q8.reserve((cols + 127) / 128 * 128);
}

void VectorInput::prepare(const LinearWeight& weight, const float* x) {
    const std::int64_t cols = weight.cols();
    if (weight.isQuantized()) {
        m_q8.quantize(x, cols, weight.quant().shape.paddedCols());
        return;
    }
    reserve(cols);
    for (std::int64_t k = 0; k < cols; ++k) {
        m_bf16[std::size_t(k)] = kernels::floatToBf16(x[k]);
    }
}

std::int64_t rowsPerUnit(const LinearWeight& weight) {
    return weight.isQuantized() ? kernels::kTileRows : kDenseRowsPerUnit;
}

std::int64_t workUnits(const LinearWeight& weight) {
    const std::int64_t rows = rowsPerUnit(weight);
    return (weight.rows() + rows - 1) / rows;
}

void multiplyUnits(const VectorProduct& product, const VectorInput& x, std::int64_t unitBegin,
                   std::int64_t unitEnd) {
    const LinearWeight& w = *product.weight;
    if (w.isQuantized()) {
        kernels::gemvQuant(w.quant(), x.q8(), product.out, unitBegin, unitEnd);
        return;
    }
    const at::Tensor& dense = w.dense();
    const auto* data = reinterpret_cast<const kernels::bf16_t*>(dense.data_ptr<at::BFloat16>());
    const std::int64_t rowEnd = std::min(w.rows(), unitEnd * kDenseRowsPerUnit);
    kernels::gemvBf16(data, dense.stride(0), w.cols(), x.bf16(), product.out,
                      unitBegin * kDenseRowsPerUnit, rowEnd);
}

std::int64_t chunkUnits(const LinearWeight& weight) {
    return std::max<std::int64_t>(1, 64 / rowsPerUnit(weight));
}

void parallelChunks(DecodeThreadPool* pool, std::int64_t units, std::int64_t grain,
                    ChunkFunction fn) {
    if (pool) {
        pool->run(units, grain, fn);
        return;
    }
    const std::int64_t chunks = (units + grain - 1) / grain;
    at::parallel_for(0, chunks, 1, [&](std::int64_t first, std::int64_t last) {
        fn(first * grain, std::min(units, last * grain));
    });
}

void multiplyVector(const VectorProduct* products, std::size_t count, const VectorInput& x,
                    DecodeThreadPool* pool) {
    std::int64_t total = 0;
    for (std::size_t i = 0; i < count; ++i) {
        total += workUnits(*products[i].weight);
    }
    parallelChunks(pool, total, chunkUnits(*products[0].weight), [&](std::int64_t u0, std::int64_t u1) {
        std::int64_t base = 0;
        for (std::size_t i = 0; i < count; ++i) {
            const std::int64_t units = workUnits(*products[i].weight);
            const std::int64_t lo = std::max(u0, base);
            const std::int64_t hi = std::min(u1, base + units);
            if (lo < hi) {
                multiplyUnits(products[i], x, lo - base, hi - base);
            }
            base += units;
        }
    });
}

}  // namespace inference
