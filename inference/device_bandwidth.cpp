#include "inference/device_bandwidth.h"

#include <algorithm>
#include <chrono>
#include <limits>

namespace inference {

ReadBandwidth measureTensorReadBandwidth(const std::vector<at::Tensor>& tensors, int passes) {
    ReadBandwidth result;
    if (tensors.empty() || passes < 1) {
        return result;
    }
    for (const at::Tensor& t : tensors) {
        result.bytes += t.nbytes();
    }
    result.passes = passes;
    const auto floats = at::TensorOptions().dtype(at::kFloat).device(tensors.front().device());
    at::Tensor total = at::zeros({}, floats);
    const auto readAll = [&] {
        for (const at::Tensor& t : tensors) {
            total.add_(at::sum(t, at::kFloat));
        }
        (void)total.item<float>();  // waits for the device
    };
    readAll();  // warm-up: kernels loaded, clocks raised
    double best = std::numeric_limits<double>::infinity();
    for (int pass = 0; pass < passes; ++pass) {
        const auto start = std::chrono::steady_clock::now();
        readAll();
        best = std::min(
            best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    result.seconds = best;
    result.bytesPerSecond = best > 0 ? double(result.bytes) / best : 0.0;
    return result;
}

}  // namespace inference
