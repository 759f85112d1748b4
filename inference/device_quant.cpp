#include "inference/device_quant.h"

#include <algorithm>

namespace inference {
namespace {

using kernels::kTileRows;

at::Tensor hostBytes(const void* data, std::uint64_t bytes) {
    // A view of the kernel layout, read once here; from_blob does not copy.
    return at::from_blob(const_cast<void*>(data), {std::int64_t(bytes)}, at::kByte);
}

// Int8Row: tile t, quad q, lane r, byte j -> row 16t + r, column 4q + j; stored q + 128.
at::Tensor int8Values(const kernels::QuantMatrix& m) {
    const kernels::QuantShape& s = m.shape;
    const at::Tensor bytes = hostBytes(m.data, s.dataBytes())
                                 .view({s.tiles(), s.paddedCols() / 4, kTileRows, 4})
                                 .permute({0, 2, 1, 3})
                                 .reshape({s.paddedRows(), s.paddedCols()});
    return (bytes.narrow(0, 0, s.rows).narrow(1, 0, s.cols).to(at::kShort) - 128).to(at::kChar);
}

// Int4Group: tile t, octet o, lane r, byte j -> row 16t + r, columns 8o + j (low nibble) and
// 8o + 4 + j (high nibble). Returned repacked two per byte along the row.
at::Tensor int4Codes(const kernels::QuantMatrix& m) {
    const kernels::QuantShape& s = m.shape;
    const at::Tensor bytes =
        hostBytes(m.data, s.dataBytes()).view({s.tiles(), s.paddedCols() / 8, kTileRows, 4});
    const at::Tensor codes = at::cat({bytes.bitwise_and(15), bytes.bitwise_right_shift(4)}, 3)
                                 .permute({0, 2, 1, 3})
                                 .reshape({s.paddedRows(), s.paddedCols()})
                                 .narrow(0, 0, s.rows);
    const at::Tensor pairs = codes.view({s.rows, s.paddedCols() / 2, 2});
    return pairs.select(2, 0).bitwise_or(pairs.select(2, 1).bitwise_left_shift(4)).contiguous();
}

// Int4Group parameters: per tile and group 16 scales then 16 mins -> [rows, groups] each.
std::pair<at::Tensor, at::Tensor> int4Parameters(const kernels::QuantMatrix& m) {
    const kernels::QuantShape& s = m.shape;
    const at::Tensor p = hostBytes(m.parameters, s.parameterBytes())
                             .view(at::kBFloat16)
                             .view({s.tiles(), s.groups(), 2, kTileRows})
                             .permute({2, 0, 3, 1})
                             .reshape({2, s.paddedRows(), s.groups()})
                             .narrow(1, 0, s.rows);
    return {p[0].contiguous(), p[1].contiguous()};
}

}  // namespace

DeviceQuantMatrix DeviceQuantMatrix::fromKernelLayout(const kernels::QuantMatrix& matrix,
                                                      at::Device device) {
    DeviceQuantMatrix out;
    out.m_shape = matrix.shape;
    if (matrix.shape.format == kernels::QuantFormat::Int8Row) {
        out.m_values = int8Values(matrix).to(device);
        // clone(): on the CPU to() would keep a view of the store, which is let go.
        out.m_scale = hostBytes(matrix.parameters, matrix.shape.parameterBytes())
                          .view(at::kFloat)
                          .narrow(0, 0, matrix.shape.rows)
                          .clone()
                          .to(device);
    } else {
        out.m_values = int4Codes(matrix).to(device);
        auto [scale, minimum] = int4Parameters(matrix);  // copies (a permuted reshape)
        out.m_scale = scale.to(device);
        out.m_min = minimum.to(device);
    }
    return out;
}

std::uint64_t DeviceQuantMatrix::bytes() const {
    std::uint64_t total = m_values.nbytes() + m_scale.nbytes();
    return m_min.defined() ? total + m_min.nbytes() : total;
}

// float32 arithmetic and one rounding to `type`, as the CPU kernels dequantize.
at::Tensor DeviceQuantMatrix::dequantize(const at::Tensor& values, const at::Tensor& scale,
                                         const at::Tensor& minimum, at::ScalarType type) const {
    const std::int64_t n = values.size(0);
    if (m_shape.format == kernels::QuantFormat::Int8Row) {
        return values.to(at::kFloat).mul_(scale.unsqueeze(1)).to(type);
    }
    const std::int64_t padded = m_shape.paddedCols();
    const at::Tensor codes =
        at::stack({values.bitwise_and(15), values.bitwise_right_shift(4)}, 2).view({n, padded});
    const std::int64_t groups = m_shape.groups();
    const at::Tensor w = codes.to(at::kFloat)
                             .view({n, groups, m_shape.group})
                             .mul_(scale.to(at::kFloat).unsqueeze(2))
                             .add_(minimum.to(at::kFloat).unsqueeze(2));
    return w.view({n, padded}).narrow(1, 0, m_shape.cols).to(type);
}

void DeviceQuantMatrix::appendTensors(std::vector<at::Tensor>& out) const {
    for (const at::Tensor* t : {&m_values, &m_scale, &m_min}) {
        if (t->defined()) {
            out.push_back(*t);
        }
    }
}

at::Tensor DeviceQuantMatrix::forward(const at::Tensor& x) const {
    const std::int64_t block =
        std::clamp<std::int64_t>(kDequantBudget / std::max<std::int64_t>(cols(), 1), 1, rows());
    if (block == rows()) {
        return at::linear(x, dequantize(m_values, m_scale, m_min, x.scalar_type()));
    }
    at::Tensor out = at::empty({x.size(0), rows()}, x.options());
    for (std::int64_t r0 = 0; r0 < rows(); r0 += block) {
        const std::int64_t n = std::min(block, rows() - r0);
        const at::Tensor minimum = m_min.defined() ? m_min.narrow(0, r0, n) : at::Tensor();
        const at::Tensor w = dequantize(m_values.narrow(0, r0, n), m_scale.narrow(0, r0, n),
                                        minimum, x.scalar_type());
        out.narrow(1, r0, n).copy_(at::linear(x, w));
    }
    return out;
}

at::Tensor DeviceQuantMatrix::gatherRows(const at::Tensor& ids, at::ScalarType type) const {
    const at::Tensor index = ids.to(m_values.device(), at::kLong);
    const at::Tensor minimum = m_min.defined() ? m_min.index_select(0, index) : at::Tensor();
    return dequantize(m_values.index_select(0, index), m_scale.index_select(0, index), minimum,
                      type);
}

}  // namespace inference
