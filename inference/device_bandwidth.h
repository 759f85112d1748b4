#pragma once
// Internal (libtorch): the read bandwidth of a GPU as a decode step meets it, the counterpart of
// memory_bandwidth.h for weights off the CPU: the very tensors a decode step reads (the
// decoder's matrices and the head on the device), each reduced once per pass, best of `passes`
// after a warm-up pass. A reduction streams its input at close to the memory's rate, and a
// step must read each byte once, so tokens/s <= 1 / (seconds to read them): the floor
// `bench` compares its GPU decode speed with.
// Thread-safety: may be called from any thread; the tensors are only read. It queues work on
// the device, so callers measure between requests.

#include <vector>

#include <ATen/ATen.h>

#include "inference/memory_bandwidth.h"

namespace inference {

// Empty (bytes 0) for no tensors. Tensors may be of any dtype, all on one device.
ReadBandwidth measureTensorReadBandwidth(const std::vector<at::Tensor>& tensors, int passes = 3);

}  // namespace inference
