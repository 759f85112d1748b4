#pragma once
// Free and total memory of a CUDA device, asked of the NVIDIA driver (libcuda.so.1, opened at
// run time), so that no build depends on CUDA and a machine without a driver simply answers
// "unknown". Used to set the context limit of a model on the GPU and to show the free GPU
// memory in the model manager.
// Thread-safety: may be called from any thread; the driver library is opened once.

#include <cstdint>
#include <optional>

namespace inference {

struct DeviceMemory {
    std::uint64_t freeBytes = 0;
    std::uint64_t totalBytes = 0;
};

// Device `index`; nullopt without a driver, a device, or when the driver reports an error.
std::optional<DeviceMemory> cudaDeviceMemory(int index = 0);

}  // namespace inference
