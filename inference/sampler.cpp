#include "inference/sampler.h"

#include <algorithm>
#include <cmath>

namespace inference {
namespace {

// exp(logit - max) for each candidate; returns the sum.
double softmaxWeights(const std::vector<double>& logits, std::vector<double>& weights) {
    const double top = *std::max_element(logits.begin(), logits.end());
    weights.resize(logits.size());
    double sum = 0.0;
    for (std::size_t i = 0; i < logits.size(); ++i) {
        weights[i] = std::exp(logits[i] - top);
        sum += weights[i];
    }
    return sum;
}

template <typename T>
std::vector<double> logitsOf(const std::vector<T>& candidates) {
    std::vector<double> values;
    values.reserve(candidates.size());
    for (const T& c : candidates) {
        values.push_back(c.logit);
    }
    return values;
}

struct Candidate {
    std::int64_t id;
    double logit;
};

// Temperature, then the k largest (ties at the k-th value kept); k = 0 keeps every finite one.
std::vector<Candidate> topK(const std::vector<float>& logits, std::int64_t k, double temperature) {
    const auto vocab = static_cast<std::int64_t>(logits.size());
    double threshold = -INFINITY;
    if (k > 0 && k < vocab) {
        std::vector<float> sorted = logits;
        std::nth_element(sorted.begin(), sorted.begin() + (k - 1), sorted.end(),
                         std::greater<float>());
        threshold = sorted[static_cast<std::size_t>(k - 1)];
    }
    std::vector<Candidate> kept;
    for (std::int64_t id = 0; id < vocab; ++id) {
        const float value = logits[static_cast<std::size_t>(id)];
        if (value >= threshold && value != -INFINITY) {
            kept.push_back({id, value / temperature});
        }
    }
    return kept;
}

// Nucleus: in ascending order, drop the low tail whose cumulative probability is <= 1 - p,
// always keeping the most likely token.
void topP(std::vector<Candidate>& kept, double p) {
    std::stable_sort(kept.begin(), kept.end(),
                     [](const Candidate& a, const Candidate& b) { return a.logit < b.logit; });
    std::vector<double> weights;
    const double sum = softmaxWeights(logitsOf(kept), weights);
    double cumulative = 0.0;
    std::size_t drop = 0;
    while (drop + 1 < kept.size()) {
        cumulative += weights[drop] / sum;
        if (cumulative > 1.0 - p) {
            break;
        }
        ++drop;
    }
    kept.erase(kept.begin(), kept.begin() + static_cast<std::ptrdiff_t>(drop));
}

// Drops tokens whose probability is below minP times the largest one.
void minP(std::vector<Candidate>& kept, double fraction) {
    std::vector<double> weights;
    softmaxWeights(logitsOf(kept), weights);  // the most likely token has weight 1
    std::vector<Candidate> survivors;
    for (std::size_t i = 0; i < kept.size(); ++i) {
        if (weights[i] >= fraction) {
            survivors.push_back(kept[i]);
        }
    }
    kept.swap(survivors);
}

// The CTRL repetition penalty on every distinct id of the context.
std::vector<float> penalised(const float* logits, std::int64_t vocab,
                             const std::vector<std::int64_t>& context, double penaltyValue) {
    std::vector<float> out(logits, logits + vocab);
    if (penaltyValue == 1.0) {
        return out;
    }
    std::vector<std::int64_t> ids = context;
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    const auto penalty = static_cast<float>(penaltyValue);
    for (std::int64_t id : ids) {
        if (id >= 0 && id < vocab) {
            float& value = out[static_cast<std::size_t>(id)];
            value = value < 0 ? value * penalty : value / penalty;
        }
    }
    return out;
}

// Ids with temperature-scaled logits that survive top-k, top-p and min-p.
std::vector<Candidate> warp(const std::vector<float>& logits, const SamplingParams& params) {
    std::vector<Candidate> kept = topK(logits, params.topK, params.temperature);
    if (params.topP < 1.0 && kept.size() > 1) {
        topP(kept, params.topP);
    }
    if (params.minP > 0.0 && kept.size() > 1) {
        minP(kept, params.minP);
    }
    return kept;
}

// One multinomial draw.
std::int64_t draw(const std::vector<Candidate>& candidates, std::mt19937_64& rng) {
    std::vector<double> weights;
    const double sum = softmaxWeights(logitsOf(candidates), weights);
    // 53 random bits -> a uniform double in [0, 1), independent of the standard library.
    const double u = static_cast<double>(rng() >> 11) * (1.0 / 9007199254740992.0);
    const double target = u * sum;
    double cumulative = 0.0;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        cumulative += weights[i];
        if (target < cumulative) {
            return candidates[i].id;
        }
    }
    return candidates.back().id;
}

}  // namespace

Sampler::Sampler(const SamplingParams& params) : m_params(params), m_rng(params.seed) {}

std::int64_t Sampler::next(const float* logits, std::int64_t vocab,
                           const std::vector<std::int64_t>& context) {
    const std::vector<float> values = penalised(logits, vocab, context, m_params.repetitionPenalty);
    if (!m_params.sampling()) {
        return std::max_element(values.begin(), values.end()) - values.begin();
    }
    const std::vector<Candidate> candidates = warp(values, m_params);
    if (candidates.empty()) {  // every logit was -inf
        return std::max_element(values.begin(), values.end()) - values.begin();
    }
    return draw(candidates, m_rng);
}

}  // namespace inference
