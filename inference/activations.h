#pragma once
// Internal (libtorch): the activation passes of prefill chunks and image encoding in place on
// bf16 tensors, through the vectorised kernels (kernels/bf16_elementwise.h) on libtorch's
// threads; other dtypes (the float32 path the goldens check) go through libtorch's own ops.
// Thread-safety: functions of their arguments; the given tensor is modified.

#include <ATen/ATen.h>

namespace inference {

// gelu_tanh(x); in place (and returned) for contiguous bf16.
at::Tensor geluTanh(at::Tensor x);
// gelu_tanh(gate) * up; in place into gate for contiguous bf16 operands of one shape.
at::Tensor geluTanhMul(at::Tensor gate, const at::Tensor& up);
// softmax over the last dimension of a 2-D tensor whose rows are contiguous, in place.
void softmaxRows(at::Tensor& scores);

}  // namespace inference
