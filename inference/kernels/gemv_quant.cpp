#include "inference/kernels/gemv_quant.h"

#include <algorithm>
#include <cmath>

#include "inference/kernels/cpu_features.h"

namespace inference::kernels {

void ActivationQ8::reserve(std::int64_t paddedCols) {
    if (std::int64_t(m_values.size()) < paddedCols) {
        m_values.resize(std::size_t(paddedCols));
        m_scales.resize(std::size_t(paddedCols / kActivationBlock));
        m_blockSums.resize(std::size_t(paddedCols / kActivationBlock));
    }
}

void ActivationQ8::quantize(const float* x, std::int64_t cols, std::int64_t paddedCols) {
    reserve(paddedCols);
    m_paddedCols = paddedCols;
    if (activeIsa() == Isa::Avx512) {
        detail::quantizeActivationAvx512(x, cols, paddedCols, m_values.data(), m_scales.data(),
                                         m_blockSums.data());
    } else {
        detail::quantizeActivationScalar(x, cols, paddedCols, m_values.data(), m_scales.data(),
                                         m_blockSums.data());
    }
    float total = 0.0f;
    for (std::int64_t b = 0; b < paddedCols / kActivationBlock; ++b) {
        total += m_blockSums[std::size_t(b)];
    }
    m_totalSum = total;
}

void gemvQuant(const QuantMatrix& matrix, const ActivationQ8& x, float* y,
               std::int64_t tileBegin, std::int64_t tileEnd) {
    switch (activeIsa()) {
        case Isa::Avx512:
            detail::gemvQuantAvx512(matrix, x, y, tileBegin, tileEnd);
            return;
        case Isa::Avx2:
            detail::gemvQuantAvx2(matrix, x, y, tileBegin, tileEnd);
            return;
        case Isa::Scalar:
            break;
    }
    detail::gemvQuantScalar(matrix, x, y, tileBegin, tileEnd);
}

namespace detail {
namespace {

// The int8 or int4 code of (lane, column k) within a tile's data, as a signed weight code
// (Int8Row: q; Int4Group: u).
int codeAt(const QuantShape& shape, const std::uint8_t* tile, std::int64_t lane, std::int64_t k) {
    if (shape.format == QuantFormat::Int8Row) {
        return int(tile[(k / 4) * 64 + lane * 4 + k % 4]) - 128;
    }
    const std::uint8_t byte = tile[(k / 8) * 64 + lane * 4 + k % 4];
    return (k % 8) < 4 ? byte & 0x0f : byte >> 4;
}

// Integer dot product of one block of 32 columns for one row.
int blockDot(const QuantShape& shape, const std::uint8_t* tile, std::int64_t lane,
             std::int64_t block, const std::int8_t* x) {
    int sum = 0;
    for (std::int64_t k = block * kActivationBlock; k < (block + 1) * kActivationBlock; ++k) {
        sum += codeAt(shape, tile, lane, k) * int(x[k]);
    }
    return sum;
}

float rowInt8(const QuantMatrix& m, const ActivationQ8& x, const std::uint8_t* tile,
              std::int64_t row) {
    float acc = 0.0f;
    for (std::int64_t b = 0; b < m.shape.paddedCols() / kActivationBlock; ++b) {
        acc += x.scales()[b] * float(blockDot(m.shape, tile, row % kTileRows, b, x.values()));
    }
    return static_cast<const float*>(m.parameters)[row] * acc;
}

float rowInt4(const QuantMatrix& m, const ActivationQ8& x, const std::uint8_t* tile,
              std::int64_t row) {
    const std::int64_t perGroup = m.shape.group / kActivationBlock;
    const std::int64_t lane = row % kTileRows;
    const auto* parameters =
        static_cast<const bf16_t*>(m.parameters) + (row / kTileRows) * m.shape.groups() * 32;
    float out = 0.0f;
    for (std::int64_t g = 0; g < m.shape.groups(); ++g) {
        float acc = 0.0f;
        float d = 0.0f;
        for (std::int64_t b = g * perGroup; b < (g + 1) * perGroup; ++b) {
            acc += x.scales()[b] * float(blockDot(m.shape, tile, lane, b, x.values()));
            d += x.blockSums()[b];
        }
        out += bf16ToFloat(parameters[g * 32 + lane]) * acc +
               bf16ToFloat(parameters[g * 32 + 16 + lane]) * d;
    }
    return out;
}

}  // namespace

void quantizeActivationScalar(const float* x, std::int64_t cols, std::int64_t paddedCols,
                              std::int8_t* values, float* scales, float* blockSums) {
    for (std::int64_t b = 0; b < paddedCols / kActivationBlock; ++b) {
        const std::int64_t begin = b * kActivationBlock;
        const std::int64_t end = std::min(begin + kActivationBlock, cols);
        float maxAbs = 0.0f;
        for (std::int64_t k = begin; k < end; ++k) {
            maxAbs = std::max(maxAbs, std::fabs(x[k]));
        }
        const float inverse = maxAbs > 0.0f ? 127.0f / maxAbs : 0.0f;
        int sum = 0;
        for (std::int64_t k = begin; k < begin + kActivationBlock; ++k) {
            const int q = k < end ? int(std::nearbyint(x[k] * inverse)) : 0;
            values[k] = std::int8_t(std::clamp(q, -127, 127));
            sum += values[k];
        }
        scales[b] = maxAbs / 127.0f;
        blockSums[b] = scales[b] * float(sum);
    }
}

void gemvQuantScalar(const QuantMatrix& m, const ActivationQ8& x, float* y,
                     std::int64_t tileBegin, std::int64_t tileEnd) {
    for (std::int64_t t = tileBegin; t < tileEnd; ++t) {
        const std::uint8_t* tile = m.data + std::uint64_t(t) * m.shape.tileBytes();
        const std::int64_t end = std::min((t + 1) * kTileRows, m.shape.rows);
        for (std::int64_t row = t * kTileRows; row < end; ++row) {
            y[row] = m.shape.format == QuantFormat::Int8Row ? rowInt8(m, x, tile, row)
                                                            : rowInt4(m, x, tile, row);
        }
    }
}

}  // namespace detail
}  // namespace inference::kernels
