#include "inference/rms_norm.h"

namespace inference {

at::Tensor gemmaRmsNorm(const at::Tensor& x, const at::Tensor& onePlusWeight, double eps) {
    const at::Tensor xf = x.to(at::kFloat);
    const at::Tensor inverseRms = at::rsqrt(xf.pow(2).mean(-1, /*keepdim=*/true).add_(eps));
    // The weight multiplies in float32 before the cast, unlike Llama's norm (spec §4.2).
    return (xf * inverseRms).mul_(onePlusWeight).to(x.scalar_type());
}

}  // namespace inference
