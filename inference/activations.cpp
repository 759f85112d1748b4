#include "inference/activations.h"

#include <ATen/Parallel.h>

#include "inference/device_path.h"
#include "inference/kernels/bf16_elementwise.h"

namespace inference {
namespace {

constexpr std::int64_t kGrain = 1 << 15;  // elements per task: ~10 microseconds of work

kernels::bf16_t* bf16Data(const at::Tensor& t) {
    return reinterpret_cast<kernels::bf16_t*>(t.data_ptr<at::BFloat16>());
}

bool kernelFits(const at::Tensor& t) {
    return useCpuKernels(t) && t.scalar_type() == at::kBFloat16 && t.is_contiguous();
}

}  // namespace

at::Tensor geluTanh(at::Tensor x) {
    if (!kernelFits(x)) {
        return at::gelu(x, "tanh");
    }
    kernels::bf16_t* data = bf16Data(x);
    at::parallel_for(0, x.numel(), kGrain, [&](std::int64_t begin, std::int64_t end) {
        kernels::geluTanhBf16(data + begin, end - begin);
    });
    return x;
}

at::Tensor geluTanhMul(at::Tensor gate, const at::Tensor& up) {
    if (!kernelFits(gate) || !kernelFits(up) || gate.sizes() != up.sizes()) {
        return at::gelu(gate, "tanh") * up;
    }
    kernels::bf16_t* g = bf16Data(gate);
    const kernels::bf16_t* u = bf16Data(up);
    at::parallel_for(0, gate.numel(), kGrain, [&](std::int64_t begin, std::int64_t end) {
        kernels::geluTanhMulBf16(g + begin, u + begin, end - begin);
    });
    return gate;
}

void softmaxRows(at::Tensor& scores) {
    if (!useCpuKernels(scores) || scores.scalar_type() != at::kBFloat16 || scores.dim() != 2 ||
        scores.stride(1) != 1) {
        scores.copy_(at::softmax(scores, -1));
        return;
    }
    kernels::bf16_t* data = bf16Data(scores);
    const std::int64_t cols = scores.size(1);
    const std::int64_t stride = scores.stride(0);
    const std::int64_t grain = std::max<std::int64_t>(1, kGrain / std::max<std::int64_t>(cols, 1));
    at::parallel_for(0, scores.size(0), grain, [&](std::int64_t begin, std::int64_t end) {
        kernels::softmaxRowsBf16(data + begin * stride, end - begin, cols, stride);
    });
}

}  // namespace inference
