// Next-token selection: greedy, repetition penalty, temperature, top-k, top-p, min-p and the
// seeded draw (transformers' processor order, spec §10).

#include <QtTest>

#include <cmath>
#include <map>

#include "inference/sampler.h"

using namespace inference;

namespace {

std::vector<float> logProbs(const std::vector<double>& probs) {
    std::vector<float> out;
    for (double p : probs) {
        out.push_back(static_cast<float>(std::log(p)));
    }
    return out;
}

// Empirical frequencies of `draws` samples.
std::map<std::int64_t, double> frequencies(Sampler& sampler, const std::vector<float>& logits,
                                           int draws) {
    std::map<std::int64_t, double> counts;
    for (int i = 0; i < draws; ++i) {
        counts[sampler.next(logits.data(), static_cast<std::int64_t>(logits.size()), {})] += 1;
    }
    for (auto& [id, count] : counts) {
        count /= draws;
    }
    return counts;
}

SamplingParams sampling(std::uint64_t seed) {
    SamplingParams params;
    params.temperature = 1.0;
    params.seed = seed;
    return params;
}

}  // namespace

class SamplerTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void greedyTakesFirstMaximum();
    void repetitionPenaltyUsesContext();
    void seedDeterminesDraws();
    void drawsFollowSoftmax();
    void topKOneIsGreedy();
    void topPKeepsNucleus();
    void minPDropsUnlikelyTokens();
    void lowTemperatureIsNearlyGreedy();
};

void SamplerTest::greedyTakesFirstMaximum() {
    Sampler sampler;
    const std::vector<float> logits{1.0f, 3.0f, 3.0f, 2.0f};
    QCOMPARE(sampler.next(logits.data(), 4, {}), std::int64_t{1});
}

// CTRL penalty: positive logits are divided, negative ones multiplied, once per distinct id.
void SamplerTest::repetitionPenaltyUsesContext() {
    SamplingParams params;
    params.repetitionPenalty = 2.0;
    Sampler sampler(params);
    const std::vector<float> positive{2.0f, 1.9f, -1.0f};
    QCOMPARE(sampler.next(positive.data(), 3, {0, 0, 0}), std::int64_t{1});  // 2.0 -> 1.0
    const std::vector<float> negative{-1.5f, -3.0f, -1.0f};
    QCOMPARE(sampler.next(negative.data(), 3, {2}), std::int64_t{0});  // -1.0 -> -2.0
    QCOMPARE(sampler.next(negative.data(), 3, {}), std::int64_t{2});
}

void SamplerTest::seedDeterminesDraws() {
    const std::vector<float> logits = logProbs({0.1, 0.2, 0.3, 0.25, 0.15});
    const auto sequence = [&](std::uint64_t seed) {
        Sampler sampler(sampling(seed));
        std::vector<std::int64_t> ids;
        for (int i = 0; i < 64; ++i) {
            ids.push_back(sampler.next(logits.data(), 5, {}));
        }
        return ids;
    };
    QCOMPARE(sequence(42), sequence(42));
    QVERIFY(sequence(42) != sequence(43));
}

void SamplerTest::drawsFollowSoftmax() {
    Sampler sampler(sampling(7));
    const auto freq = frequencies(sampler, logProbs({0.5, 0.3, 0.2}), 20000);
    QVERIFY(std::fabs(freq.at(0) - 0.5) < 0.02);
    QVERIFY(std::fabs(freq.at(1) - 0.3) < 0.02);
    QVERIFY(std::fabs(freq.at(2) - 0.2) < 0.02);
}

void SamplerTest::topKOneIsGreedy() {
    SamplingParams params = sampling(3);
    params.topK = 1;
    Sampler sampler(params);
    const auto freq = frequencies(sampler, logProbs({0.3, 0.4, 0.3}), 200);
    QCOMPARE(freq.size(), std::size_t{1});
    QCOMPARE(freq.begin()->first, std::int64_t{1});
}

// top_p 0.75: ascending cumulative mass 0.05, 0.20, 0.50, 1.0; the tokens at <= 0.25 go.
void SamplerTest::topPKeepsNucleus() {
    SamplingParams params = sampling(11);
    params.topP = 0.75;
    Sampler sampler(params);
    const auto freq = frequencies(sampler, logProbs({0.5, 0.3, 0.15, 0.05}), 8000);
    QCOMPARE(freq.size(), std::size_t{2});
    QVERIFY(std::fabs(freq.at(0) - 0.625) < 0.03);  // renormalised 0.5 / 0.8
}

void SamplerTest::minPDropsUnlikelyTokens() {
    SamplingParams params = sampling(5);
    params.minP = 0.2;  // threshold 0.2 * 0.6 = 0.12
    Sampler sampler(params);
    const auto freq = frequencies(sampler, logProbs({0.6, 0.3, 0.1}), 4000);
    QCOMPARE(freq.size(), std::size_t{2});
    QVERIFY(freq.count(2) == 0);
}

void SamplerTest::lowTemperatureIsNearlyGreedy() {
    SamplingParams params = sampling(9);
    params.temperature = 0.01;
    Sampler sampler(params);
    const auto freq = frequencies(sampler, logProbs({0.3, 0.35, 0.25}), 500);
    QCOMPARE(freq.size(), std::size_t{1});
    QCOMPARE(freq.begin()->first, std::int64_t{1});
}

QTEST_APPLESS_MAIN(SamplerTest)
#include "test_sampler.moc"
