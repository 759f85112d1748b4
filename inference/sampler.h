#pragma once
// Next-token selection from float32 logits, following transformers' processor order (spec §10):
// repetition penalty -> (greedy argmax, or) temperature -> top-k -> top-p -> min-p -> softmax
// -> one multinomial draw. Greedy is the default; sampling when temperature > 0.
// The random stream is a seeded 64-bit Mersenne Twister turned into uniforms by this file's
// own arithmetic, so a seed gives the same tokens on every platform and run.
// Thread-safety: a Sampler is mutable (its RNG); one per request.

#include <cstdint>
#include <random>
#include <vector>

namespace inference {

struct SamplingParams {
    double temperature = 0.0;        // <= 0: greedy (argmax, first index on ties)
    std::int64_t topK = 0;           // keep the k largest logits (ties kept); 0: off
    double topP = 1.0;               // nucleus mass to keep; >= 1: off
    double minP = 0.0;               // drop tokens below minP * max probability; 0: off
    double repetitionPenalty = 1.0;  // CTRL penalty on every id in the context; 1: off
    std::uint64_t seed = 0;

    bool sampling() const { return temperature > 0.0; }
};

class Sampler {
public:
    explicit Sampler(const SamplingParams& params = {});

    // logits: `vocab` float32 values (not modified). `context`: every id so far (prompt and
    // generated), used by the repetition penalty. Returns the chosen id.
    std::int64_t next(const float* logits, std::int64_t vocab,
                      const std::vector<std::int64_t>& context);

    const SamplingParams& params() const { return m_params; }

private:
    SamplingParams m_params;
    std::mt19937_64 m_rng;
};

}  // namespace inference
