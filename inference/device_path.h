#pragma once
// Internal (libtorch): which implementation an operation takes on a tensor. The engine's own
// CPU kernels (kernels/) run on CPU tensors; everywhere else — a CUDA device, or the CPU with
// MEDGEMMA_CPU_KERNELS=off — the same operation runs through libtorch's ops, which is how one
// set of sources serves every device.
// Thread-safety: pure functions of their arguments and of a process-wide switch.

#include <ATen/ATen.h>

#include "inference/kernels/cpu_features.h"

namespace inference {

inline bool useCpuKernels(const at::Tensor& t) {
    return t.device().is_cpu() && kernels::cpuKernelsEnabled();
}

}  // namespace inference
