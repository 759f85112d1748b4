#pragma once
// The memory a model needs, computed from its config alone (no weights read): weights per
// component at each weight format, the KV cache at a context length (sliding layers hold their
// window only), and the peak of the working tensors (a prefill chunk, one image through the
// vision tower, the decode buffers). Used by `medgemma-cli bench --plan` to show that a model
// fits a machine before downloading or loading it.
// Byte counts follow the engine's layouts exactly: bf16 tensors, float32 (1 + w) norm copies,
// quantized matrices as QuantizedStore lays them out (kernels/quant_format.h).
// Thread-safety: pure functions.

#include <cstdint>
#include <string>
#include <vector>

#include "inference/config.h"

namespace inference {

enum class PlanWeights { BFloat16, Int8, Int4 };

struct MemoryPlanSettings {
    PlanWeights weights = PlanWeights::BFloat16;
    std::int64_t group = 64;             // Int4: 32, 64 or 128
    std::int64_t contextTokens = 8192;   // prompt + generated tokens held in the KV cache
    std::int64_t prefillChunk = 512;     // tokens per prefill pass
};

struct MemoryPlanLine {
    std::string component;  // e.g. "text decoder matrices"
    std::uint64_t bytes = 0;
    std::string detail;     // how the figure is made up
};

struct MemoryPlan {
    std::vector<MemoryPlanLine> weights;
    std::vector<MemoryPlanLine> activations;  // the larger of these is the peak
    std::uint64_t weightBytes = 0;
    std::uint64_t kvCacheBytes = 0;
    std::uint64_t activationPeakBytes = 0;
    std::uint64_t totalBytes() const { return weightBytes + kvCacheBytes + activationPeakBytes; }
};

MemoryPlan planMemory(const ModelConfig& config, const MemoryPlanSettings& settings);

// What a process using libtorch's CUDA build holds on a GPU besides its tensors: the CUDA
// context with its loaded kernels and the cuBLAS/cuBLASLt workspaces. An allowance (a PyTorch
// process's context takes about 0.5 GiB on current drivers), not computed from the model;
// `packaging/gpu/check.sh run-27b` measures the real use.
constexpr std::uint64_t kCudaRuntimeBytes = std::uint64_t{512} << 20;

// KV cache bytes at `contextTokens` in bf16: full layers every position, sliding layers
// min(window, context) positions.
std::uint64_t kvCacheBytes(const TextConfig& text, std::int64_t contextTokens);

}  // namespace inference
