#pragma once
// Precision of the forward pass. BFloat16 runs the matmuls in bf16 with the weights used in
// place from the checkpoint mapping; norms, softmax, RoPE angles and the final logits stay
// float32. Float32 converts every weight to float32 once at load (twice the memory of bf16
// weights) and is the mode the fixture goldens are checked in.
// Thread-safety: plain values.

namespace inference {

enum class ComputeType { Float32, BFloat16 };

inline const char* computeTypeName(ComputeType type) {
    return type == ComputeType::Float32 ? "float32" : "bfloat16";
}

}  // namespace inference
