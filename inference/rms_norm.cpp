#include "inference/rms_norm.h"

#include <algorithm>

#include <ATen/Parallel.h>

#include "inference/device_path.h"
#include "inference/kernels/bf16_elementwise.h"

namespace inference {
namespace {

constexpr std::int64_t kGrainValues = 1 << 15;  // values per task: ~10 microseconds of work

// bf16 rows normalised by the CPU kernel in one pass per row (libtorch's chain of float32
// operations makes five full-size temporaries; the statistics are float32 either way).
at::Tensor rmsNormKernel(const at::Tensor& x, const at::Tensor& onePlusWeight, double eps) {
    const at::Tensor input = x.contiguous();
    at::Tensor out = at::empty_like(input);
    const std::int64_t cols = input.size(-1);
    const auto* in = reinterpret_cast<const kernels::bf16_t*>(input.data_ptr<at::BFloat16>());
    auto* target = reinterpret_cast<kernels::bf16_t*>(out.data_ptr<at::BFloat16>());
    const float* weight = onePlusWeight.data_ptr<float>();
    const std::int64_t grain = std::max<std::int64_t>(1, kGrainValues / cols);
    at::parallel_for(0, input.numel() / cols, grain, [&](std::int64_t begin, std::int64_t end) {
        kernels::rmsNormRowsBf16(in + begin * cols, target + begin * cols, end - begin, cols,
                                 weight, float(eps));
    });
    return out;
}

}  // namespace

at::Tensor gemmaRmsNorm(const at::Tensor& x, const at::Tensor& onePlusWeight, double eps) {
    if (useCpuKernels(x) && x.scalar_type() == at::kBFloat16 &&
        onePlusWeight.scalar_type() == at::kFloat && onePlusWeight.is_contiguous() &&
        x.numel() > 0 && onePlusWeight.numel() == x.size(-1)) {
        return rmsNormKernel(x, onePlusWeight, eps);
    }
    const at::Tensor xf = x.to(at::kFloat);
    const at::Tensor inverseRms = at::rsqrt(xf.pow(2).mean(-1, /*keepdim=*/true).add_(eps));
    // The weight multiplies in float32 before the cast, unlike Llama's norm (spec §4.2).
    return (xf * inverseRms).mul_(onePlusWeight).to(x.scalar_type());
}

}  // namespace inference
