#include "inference/runtime_info.h"

#include <thread>

#include <torch/version.h>
#include <ATen/Context.h>
#include <ATen/detail/CUDAHooksInterface.h>

namespace inference {

std::string libtorchVersion() { return TORCH_VERSION; }

bool cudaAvailable() { return at::detail::getCUDAHooks().hasCUDA(); }

int defaultThreadCount() {
    const unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : static_cast<int>(n);
}

}  // namespace inference
