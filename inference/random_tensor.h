#pragma once
// The value streams of random checkpoints (random_model.h): a deterministic generator per
// (seed, tensor name) producing bf16 values uniform in [center - halfWidth, center + halfWidth],
// and the scale each kind of Gemma 3 / SigLIP tensor gets.
// Thread-safety: a RandomTensor is used by one thread; randomScale is a pure function.

#include <cstdint>
#include <string>
#include <vector>

#include "inference/config.h"
#include "inference/kernels/bf16.h"

namespace inference {

struct RandomScale {
    float center = 0.0f;
    float halfWidth = 0.0f;  // uniform: std = halfWidth / sqrt(3)
};

// By canonical name: matrices std 1/sqrt(fan_in); embedding std 1/sqrt(hidden); Gemma RMSNorm
// weights (w of 1 + w) and biases small; LayerNorm weights around one.
RandomScale randomScale(const std::string& canonicalName, const std::vector<std::int64_t>& shape,
                        const ModelConfig& config);

class RandomTensor {
public:
    RandomTensor(std::uint64_t seed, const std::string& name, RandomScale scale);
    // The next n values of the stream.
    void fill(kernels::bf16_t* out, std::size_t n);

private:
    std::uint64_t next();

    std::uint64_t m_state[4];
    RandomScale m_scale;
};

}  // namespace inference
