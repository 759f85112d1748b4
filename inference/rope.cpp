#include "inference/rope.h"

namespace inference {

RotaryEmbedding::RotaryEmbedding(std::int64_t headDim, const RopeParams& params) {
    // transformers: 1 / base ** (arange(0, dim, 2).float() / dim), all float32, then / factor.
    const at::Tensor exponents =
        at::arange(0, headDim, 2, at::TensorOptions().dtype(at::kLong)).to(at::kFloat) /
        static_cast<double>(headDim);
    m_invFreq = at::reciprocal(at::pow(at::Scalar(params.theta), exponents)) / params.linearFactor;
}

std::pair<at::Tensor, at::Tensor> RotaryEmbedding::table(std::int64_t start,
                                                         std::int64_t length) const {
    const at::Tensor positions =
        at::arange(start, start + length, at::TensorOptions().dtype(at::kLong)).to(at::kFloat);
    const at::Tensor angles = at::outer(positions, m_invFreq);  // [L, D/2] float32
    const at::Tensor both = at::cat({angles, angles}, -1);
    return {at::cos(both), at::sin(both)};
}

at::Tensor applyRotary(const at::Tensor& x, const at::Tensor& cos, const at::Tensor& sin) {
    const std::int64_t half = x.size(-1) / 2;
    const at::Tensor x1 = x.narrow(-1, 0, half);
    const at::Tensor x2 = x.narrow(-1, half, half);
    const at::Tensor rotated = at::cat({-x2, x1}, -1);
    return x * cos.to(x.scalar_type()) + rotated * sin.to(x.scalar_type());
}

}  // namespace inference
