#include "inference/random_tensor.h"

#include <cmath>

namespace inference {
namespace {

std::uint64_t splitMix(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

std::uint64_t hashName(const std::string& name) {
    std::uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a
    for (unsigned char c : name) {
        h = (h ^ c) * 0x100000001b3ull;
    }
    return h;
}

bool endsWith(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

RandomScale withStd(float center, float std) { return {center, std * std::sqrt(3.0f)}; }

}  // namespace

RandomScale randomScale(const std::string& name, const std::vector<std::int64_t>& shape,
                        const ModelConfig& config) {
    if (name == "text.embed_tokens.weight") {
        return withStd(0.0f, 1.0f / std::sqrt(float(config.text.hiddenSize)));
    }
    if (name == "projector.mm_input_projection_weight") {
        return withStd(0.0f, 1.0f / std::sqrt(float(shape[0])));  // used as x @ W
    }
    if (name == "vision.embeddings.position_embedding.weight") {
        return withStd(0.0f, 0.1f);
    }
    const bool layerNorm = name.rfind("vision.", 0) == 0 && name.find("norm") != std::string::npos;
    if (layerNorm) {
        return endsWith(name, ".weight") ? withStd(1.0f, 0.05f) : withStd(0.0f, 0.02f);
    }
    if (endsWith(name, ".bias")) {
        return withStd(0.0f, 0.02f);
    }
    if (shape.size() == 1) {
        return withStd(0.0f, 0.05f);  // Gemma RMSNorm: the stored w of 1 + w
    }
    std::int64_t fanIn = 1;
    for (std::size_t i = 1; i < shape.size(); ++i) {
        fanIn *= shape[i];
    }
    return withStd(0.0f, 1.0f / std::sqrt(float(fanIn)));
}

RandomTensor::RandomTensor(std::uint64_t seed, const std::string& name, RandomScale scale)
    : m_scale(scale) {
    std::uint64_t x = seed ^ hashName(name);
    for (std::uint64_t& s : m_state) {
        s = splitMix(x);
    }
}

// xoshiro256**.
std::uint64_t RandomTensor::next() {
    const std::uint64_t result = ((m_state[1] * 5) << 7 | (m_state[1] * 5) >> 57) * 9;
    const std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = (m_state[3] << 45) | (m_state[3] >> 19);
    return result;
}

void RandomTensor::fill(kernels::bf16_t* out, std::size_t n) {
    // Four 16-bit uniforms per draw: ample resolution for bf16's 8-bit mantissa.
    const float step = 2.0f * m_scale.halfWidth / 65536.0f;
    const float low = m_scale.center - m_scale.halfWidth + 0.5f * step;
    std::size_t i = 0;
    while (i < n) {
        std::uint64_t bits = next();
        for (int j = 0; j < 4 && i < n; ++j, ++i, bits >>= 16) {
            out[i] = kernels::floatToBf16(low + step * float(bits & 0xffff));
        }
    }
}

}  // namespace inference
