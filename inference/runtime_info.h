#pragma once
// Facts about the compute runtime the engine was built against.
// Thread-safety: all functions are safe to call from any thread.

#include <string>

namespace inference {

std::string libtorchVersion();  // e.g. "1.13.0"
bool cudaAvailable();           // true when this libtorch has CUDA and a device is present
int defaultThreadCount();       // all hardware threads, at least 1

}  // namespace inference
