// Unit-level parity of the forward-pass building blocks with their formulas (spec §14.5):
// Gemma RMSNorm, RoPE at small and large positions, blocked attention with causal, sliding
// and image-block masks and GQA against a dense float64 reference, the hybrid KV cache,
// image-block detection and prefill chunking, and the bf16 logit refinement.

#include <QtTest>

#include <cmath>

#include <ATen/ATen.h>

#include "inference/attention.h"
#include "inference/image_blocks.h"
#include "inference/kv_cache.h"
#include "inference/lm_head.h"
#include "inference/rms_norm.h"
#include "inference/rope.h"

using namespace inference;

namespace {

double maxDiff(const at::Tensor& a, const at::Tensor& b) {
    return (a.to(at::kDouble) - b.to(at::kDouble)).abs().max().item<double>();
}

// Dense float64 attention with an explicit "may attend" matrix (spec §5).
at::Tensor denseAttention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                          const at::Tensor& allowed, double scale, double softcap) {
    const std::int64_t group = q.size(0) / k.size(0);
    const at::Tensor kr = k.to(at::kDouble).repeat_interleave(group, 0);
    const at::Tensor vr = v.to(at::kDouble).repeat_interleave(group, 0);
    at::Tensor scores = at::matmul(q.to(at::kDouble), kr.transpose(1, 2)) * scale;
    if (softcap > 0) {
        scores = at::tanh(scores / softcap) * softcap;
    }
    scores.masked_fill_(allowed.logical_not(), -INFINITY);
    const at::Tensor out = at::matmul(at::softmax(scores, -1), vr);  // [H, L, D]
    return out.transpose(0, 1).reshape({q.size(1), q.size(0) * q.size(2)});
}

}  // namespace

class ForwardUnitsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rmsNormFollowsFormula();
    void ropeFollowsFormula();
    void attentionMasksMatchDense_data();
    void attentionMasksMatchDense();
    void kvCacheReturnsTheWindow();
    void imageBlocksAndChunks();
    void bf16LogitsResolveNearTies();
    void bf16SoftmaxComputesInFloat32();
};

void ForwardUnitsTest::rmsNormFollowsFormula() {
    at::manual_seed(1);
    const at::Tensor x = at::randn({5, 16}) * 3;
    const at::Tensor w = at::randn({16}) * 0.5;
    const at::Tensor xd = x.to(at::kDouble);
    const at::Tensor expected =
        xd * at::rsqrt(xd.pow(2).mean(-1, true) + 1e-6) * (1 + w.to(at::kDouble));
    QVERIFY(maxDiff(gemmaRmsNorm(x, w + 1, 1e-6), expected) < 1e-5);
    // bf16 input: computed in float32, cast once at the end.
    const at::Tensor xb = x.to(at::kBFloat16);
    const at::Tensor outB = gemmaRmsNorm(xb, w + 1, 1e-6);
    QCOMPARE(outB.scalar_type(), at::kBFloat16);
    QCOMPARE(maxDiff(outB, gemmaRmsNorm(xb.to(at::kFloat), w + 1, 1e-6).to(at::kBFloat16)), 0.0);
}

// Rotate-half with inv_freq = base^(-2i/D) / factor at absolute positions.
void ForwardUnitsTest::ropeFollowsFormula() {
    const std::int64_t dim = 8;
    for (const RopeParams& params : {RopeParams{10000.0, 1.0}, RopeParams{1000000.0, 8.0}}) {
        const RotaryEmbedding rope(dim, params);
        const std::vector<std::int64_t> positions{0, 1, 1023, 1024, 100000};
        at::manual_seed(2);
        const at::Tensor x = at::randn({2, 1, dim});
        for (std::int64_t p : positions) {
            const auto [cos, sin] = rope.table(p, 1);
            const at::Tensor out = applyRotary(x, cos, sin);
            for (std::int64_t i = 0; i < dim / 2; ++i) {
                // Angles as transformers forms them: float32 inv_freq times float32 position.
                const float invFreq = static_cast<float>(
                    1.0 / std::pow(params.theta, (2.0 * i) / dim) / params.linearFactor);
                const double angle = static_cast<double>(p) * invFreq;
                // float32 angles: inv_freq and the product are each rounded once.
                const double tolerance = 1e-5 + 2.5e-7 * angle;
                for (std::int64_t h = 0; h < 2; ++h) {
                    const double a = x[h][0][i].item<double>();
                    const double b = x[h][0][i + dim / 2].item<double>();
                    const double c = std::cos(angle), s = std::sin(angle);
                    QVERIFY(std::fabs(out[h][0][i].item<double>() - (a * c - b * s)) < tolerance);
                    QVERIFY(std::fabs(out[h][0][i + dim / 2].item<double>() - (b * c + a * s)) <
                            tolerance);
                }
            }
        }
        // Tables are absolute: a slice starting at 1023 equals rows 1023.. of one from 0.
        const auto [cosFrom0, sinFrom0] = rope.table(0, 1030);
        const auto [cosAt, sinAt] = rope.table(1023, 7);
        QCOMPARE(maxDiff(cosAt, cosFrom0.narrow(0, 1023, 7)), 0.0);
        QCOMPARE(maxDiff(sinAt, sinFrom0.narrow(0, 1023, 7)), 0.0);
    }
}

void ForwardUnitsTest::attentionMasksMatchDense_data() {
    QTest::addColumn<int>("length");
    QTest::addColumn<int>("heads");
    QTest::addColumn<int>("window");
    QTest::addColumn<int>("keyOffset");  // cached keys ahead of the queries
    QTest::addColumn<double>("softcap");  // 0: none
    QTest::newRow("global, short") << 40 << 4 << 0 << 0 << 0.0;
    QTest::newRow("sliding 7, blocks") << 40 << 4 << 7 << 0 << 0.0;
    QTest::newRow("sliding 100, 4096 rows in blocks") << 4096 << 4 << 100 << 0 << 0.0;
    QTest::newRow("sliding 9 after 8 cached keys") << 30 << 2 << 9 << 8 << 0.0;
    QTest::newRow("global, soft-capped at 0.5") << 40 << 4 << 0 << 0 << 0.5;
}

// Image blocks at [10, 20) and [25, 30) of the queries (and [1010, 1040) for the long case,
// which straddles the boundary of the 1,024-row query blocks).
void ForwardUnitsTest::attentionMasksMatchDense() {
    QFETCH(int, length);
    QFETCH(int, heads);
    QFETCH(int, window);
    QFETCH(int, keyOffset);
    QFETCH(double, softcap);
    at::manual_seed(3);
    const std::int64_t dim = 4, kvHeads = heads / 2, keys = length + keyOffset;
    const at::Tensor q = at::randn({heads, length, dim});
    const at::Tensor k = at::randn({kvHeads, keys, dim});
    const at::Tensor v = at::randn({kvHeads, keys, dim});
    std::vector<std::int64_t> ids(static_cast<std::size_t>(length), 5);
    for (auto [b, e] : {std::pair{10, 20}, std::pair{25, 30}, std::pair{1010, 1040}}) {
        for (int i = b; i < std::min(e, length); ++i) {
            ids[static_cast<std::size_t>(i)] = 9;
        }
    }
    const ImageBlocks blocks = findImageBlocks(ids.data(), length, 9);
    AttentionMask mask{1000 + keyOffset, 1000, window, &blocks};  // absolute positions
    AttentionParams params{0.3, std::nullopt, &mask};
    if (softcap > 0) {
        params.softcap = softcap;
    }
    const at::Tensor ours = attend(q, k, v, params);
    // Dense reference of spec §5.1-5.3 over key positions.
    const at::Tensor qPos = at::arange(keyOffset, keys, at::kLong).unsqueeze(1);
    const at::Tensor kPos = at::arange(0, keys, at::kLong).unsqueeze(0);
    at::Tensor allowed = kPos <= qPos;
    if (window > 0) {
        allowed = allowed.logical_and(qPos - kPos < window);
    }
    std::vector<std::int32_t> keyBlocks(static_cast<std::size_t>(keyOffset), -1);
    keyBlocks.insert(keyBlocks.end(), blocks.blockOf.begin(), blocks.blockOf.end());
    const at::Tensor kb = at::tensor(keyBlocks, at::kInt).unsqueeze(0);
    const at::Tensor qb = kb.squeeze(0).narrow(0, keyOffset, length).unsqueeze(1);
    allowed = allowed.logical_or((qb == kb).logical_and(qb >= 0));
    QVERIFY(maxDiff(ours, denseAttention(q, k, v, allowed, 0.3, softcap)) < 1e-5);
}

// Keys are filled with their position; the cache must hand back exactly the window.
void ForwardUnitsTest::kvCacheReturnsTheWindow() {
    TextConfig config;
    config.numLayers = 2;
    config.numKvHeads = 1;
    config.headDim = 1;
    config.slidingWindow = 4;
    config.layerTypes = {LayerType::Sliding, LayerType::Full};
    KvCache cache;
    cache.reset(config, at::kFloat, 3);  // grows past the announced capacity
    std::int64_t start = 0;
    for (std::int64_t length : {2, 1, 1, 5, 1, 1, 3, 1}) {
        const at::Tensor k = at::arange(start, start + length, at::kFloat).view({1, length, 1});
        const KvCache::Keys sliding = cache.update(0, k, k, start);
        const KvCache::Keys full = cache.update(1, k, k, start);
        const std::int64_t end = start + length;
        QCOMPARE(maxDiff(full.k.flatten(), at::arange(0, end, at::kFloat)), 0.0);
        if (length > 1) {  // ordered: window of the chunk's first token, then the chunk
            const std::int64_t first = start - std::min<std::int64_t>(start, 3);
            QCOMPARE(sliding.keyStart, first);
            QCOMPARE(maxDiff(sliding.k.flatten(), at::arange(first, end, at::kFloat)), 0.0);
        } else {  // a decode token: the last min(end, 4) positions, in slot order
            const at::Tensor sorted = std::get<0>(at::sort(sliding.k.flatten()));
            const std::int64_t first = std::max<std::int64_t>(0, end - 4);
            QCOMPARE(maxDiff(sorted, at::arange(first, end, at::kFloat)), 0.0);
        }
        cache.commit(end);
        start = end;
    }
}

void ForwardUnitsTest::imageBlocksAndChunks() {
    const std::vector<std::int64_t> ids{2, 7, 9, 9, 9, 7, 9, 9, 7, 7, 7};
    const ImageBlocks blocks = findImageBlocks(ids.data(), 11, 9);
    QCOMPARE(blocks.blockOf, (std::vector<std::int32_t>{-1, -1, 0, 0, 0, -1, 1, 1, -1, -1, -1}));
    QCOMPARE(blocks.extents.size(), std::size_t{2});
    QCOMPARE(blocks.extents[1], (std::pair<std::int64_t, std::int64_t>{6, 8}));
    // Chunks of 3 would cut [2, 5) at 3 and [6, 8) at 7 (6 + 1 is inside the second block).
    QCOMPARE(planPrefillChunks(blocks, 11, 3), (std::vector<std::int64_t>{5, 8, 11}));
    QCOMPARE(planPrefillChunks(blocks, 11, 100), (std::vector<std::int64_t>{11}));
    QCOMPARE(planPrefillChunks(blocks, 11, 1),
             (std::vector<std::int64_t>{1, 2, 5, 6, 8, 9, 10, 11}));
}

// Two logits 2^-10 apart round to the same bf16 value; the refinement restores the order.
void ForwardUnitsTest::bf16LogitsResolveNearTies() {
    const at::Tensor weight = at::tensor({1.0f, 0.0f, 1.0f, 1.0f, -3.0f, 0.0f}, at::kFloat)
                                  .view({3, 2})
                                  .to(at::kBFloat16);
    const at::Tensor hidden =
        at::tensor({1.0f, 1.0f / 1024}, at::kFloat).view({1, 2}).to(at::kBFloat16);
    const at::Tensor plain = at::linear(hidden, weight).to(at::kFloat);
    QCOMPARE(plain[0][0].item<float>(), plain[0][1].item<float>());  // a bf16 tie
    const at::Tensor logits = computeLogits(hidden, weight, std::nullopt);
    QCOMPARE(logits.scalar_type(), at::kFloat);
    QCOMPARE(logits[0][1].item<double>(), 1.0 + 1.0 / 1024);
    QCOMPARE(logits.argmax(1).item<std::int64_t>(), std::int64_t{1});
    QCOMPARE(computeLogits(hidden, weight, 2.0)[0][1].item<double>(),
             static_cast<double>(static_cast<float>(2.0 * std::tanh((1.0 + 1.0 / 1024) / 2))));
}

// attend() relies on libtorch's softmax of bf16 input accumulating in float32 and rounding
// once, which equals transformers' softmax(dtype=float32).to(bf16).
void ForwardUnitsTest::bf16SoftmaxComputesInFloat32() {
    at::manual_seed(4);
    const at::Tensor scores = (at::randn({3, 64, 700}) * 4).to(at::kBFloat16);
    const at::Tensor viaFloat = at::softmax(scores.to(at::kFloat), -1).to(at::kBFloat16);
    QCOMPARE(maxDiff(at::softmax(scores, -1), viaFloat), 0.0);
}

QTEST_APPLESS_MAIN(ForwardUnitsTest)
#include "test_forward_units.moc"
