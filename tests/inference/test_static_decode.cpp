// The fixed-shape decode step (static_decode.h) that a GPU runs as a CUDA graph, checked on the
// CPU where it runs the same operations eagerly:
//  - every step's logits against the per-token libtorch step (prefill.h decodeStep) over 60
//    steps past the prompt, several sliding windows of ring wrap-around, in float32, bf16,
//    and with int8 / int4 weights in a GPU's layout (measured 0 there: same head, no refining). Both run the same
//    libtorch operations; the static step reads every slot of the storage under a mask, so its
//    rows are longer (the masked slots add exact zeros). Bounds, stated and measured: float32
//    <= 1e-4 (measured 0); bfloat16 <= 0.25 as test_bf16_forward allows (measured 0.016: the
//    head refines its 16 largest logits in float32 where the per-token step refines those near
//    the maximum, and an entry refined by one only keeps its bf16 rounding), with the top-1
//    equal wherever the margin exceeds 0.1;
//  - the step's own greedy pick is the first maximum of its logits (the sampler's rule);
//  - KV storage for fixed-shape steps starts zeroed and is kept across resets while large
//    enough, and a Session re-binds its static decoder only when the storage changed;
//  - generation through the pipelined greedy loop gives the eager loop's tokens, stops, and
//    reports its decode path; token read-back is first in, first out.
// The generation test runs whole on this path as well (inference_generation_test_static).

#include <QtTest>

#include <cstdlib>
#include <limits>

#include <ATen/ATen.h>

#include "forward_test_support.h"
#include "inference/device_bandwidth.h"
#include "inference/generation.h"
#include "inference/kernels/cpu_features.h"
#include "inference/quantized_store.h"
#include "inference/static_decode.h"
#include "inference/token_readback.h"

using namespace inference;

namespace {

double margin(const at::Tensor& row) {
    const at::Tensor top = std::get<0>(at::topk(row, 2));
    return (top[0] - top[1]).item<double>();
}

std::int64_t topId(const at::Tensor& logits) {
    return logits.argmax().item<std::int64_t>();
}

PromptInput goldenPrompt(const QString& checkpoint, const QString& caseName) {
    return fwdtest::promptWithOwnPixels(checkpoint, fwdtest::goldenCase(checkpoint, caseName));
}

// The checkpoint with its projections, embedding and head quantized (int4 in groups of 32);
// with the CPU kernels off they are held as a GPU holds them (device_quant.h).
std::shared_ptr<const Model> quantizedModel(const QString& checkpoint, bool int8) {
    QuantizationSettings settings;
    settings.format = int8 ? kernels::QuantFormat::Int8Row : kernels::QuantFormat::Int4Group;
    settings.group = 32;
    return fwdtest::quantizedModel(fwdtest::checkpointDir(checkpoint).toStdString(), settings);
}

void useDecodePath(const char* path) {
    qputenv("MEDGEMMA_DECODE", path);
}

std::vector<std::int64_t> greedyTokens(Session& session, const PromptInput& prompt, int count,
                                       std::vector<std::int64_t> stopIds = {}) {
    GenerationOptions options;
    options.maxNewTokens = count;
    options.stopTokenIds = std::move(stopIds);
    const StopFlag stop{false};
    auto output = generate(session, prompt, options, {}, stop);
    return output.ok() ? output->tokens : std::vector<std::int64_t>{};
}

}  // namespace

class StaticDecodeTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void stepsMatchPerTokenSteps_data();
    void stepsMatchPerTokenSteps();
    void storageIsZeroedAndKept();
    void sessionRebindsOnlyWhenStorageChanges();
    void pipelinedGreedyMatchesEagerLoop();
    void readbackIsFirstInFirstOut();
    void tensorReadBandwidthReadsEveryTensor();
};

void StaticDecodeTest::initTestCase() {
    // Every operation through libtorch, as on a GPU; the path is chosen per test below.
    kernels::setCpuKernelsEnabled(false);
}

void StaticDecodeTest::stepsMatchPerTokenSteps_data() {
    QTest::addColumn<QString>("checkpoint");
    QTest::addColumn<QString>("caseName");
    QTest::addColumn<int>("dtype");
    QTest::addColumn<QString>("quant");  // "", "int8" or "int4" (group 32): a GPU's layout
    for (const QString& checkpoint : fwdtest::checkpointNames()) {
        for (ComputeType type : {ComputeType::Float32, ComputeType::BFloat16}) {
            const QString name =
                checkpoint + QStringLiteral("/two_images/") +
                QLatin1String(type == ComputeType::Float32 ? "float32" : "bfloat16");
            QTest::newRow(qPrintable(name))
                << checkpoint << QStringLiteral("two_images") << int(type) << QString();
        }
    }
    for (const QString& quant : {QStringLiteral("int8"), QStringLiteral("int4")}) {
        QTest::newRow(qPrintable(QStringLiteral("tiny-medgemma-b/two_images/") + quant))
            << QStringLiteral("tiny-medgemma-b") << QStringLiteral("two_images")
            << int(ComputeType::BFloat16) << quant;
    }
}

void StaticDecodeTest::stepsMatchPerTokenSteps() {
    QFETCH(QString, checkpoint);
    QFETCH(QString, caseName);
    QFETCH(int, dtype);
    QFETCH(QString, quant);
    const auto type = ComputeType(dtype);
    const auto model = quant.isEmpty() ? fwdtest::model(checkpoint, type)
                                       : quantizedModel(checkpoint, quant == QLatin1String("int8"));
    QCOMPARE(model->decoder().head().isDeviceQuantized(), !quant.isEmpty());
    const PromptInput prompt = goldenPrompt(checkpoint, caseName);
    const StopFlag stop{false};
    const int steps = 60;
    const auto capacity = static_cast<std::int64_t>(prompt.ids.size()) + steps;
    KvCache eagerCache;
    KvCache staticCache;
    eagerCache.reset(model->config().text, model->activationOptions(), capacity);
    staticCache.reset(model->config().text, model->activationOptions(), capacity,
                      KvCache::Storage::ForStaticSteps);
    PrefillOptions options;
    const at::Tensor features = encodePromptImages(*model, prompt, stop, options).value();
    at::Tensor eager = prefill(*model, eagerCache, prompt, features, stop, options).value()[0];
    (void)prefill(*model, staticCache, prompt, features, stop, options).value();
    StaticDecoder decoder(*model, staticCache);
    QVERIFY(decoder.boundTo(staticCache));
    QCOMPARE(decoder.description(), std::string("libtorch, fixed shapes"));
    double worst = 0.0;
    for (int step = 0; step < steps; ++step) {
        const std::int64_t token = topId(eager);
        const std::int64_t position = eagerCache.length();
        eager = decodeStep(*model, eagerCache, token, stop).value();
        decoder.setInput(token, position);
        decoder.step();
        const at::Tensor fixed = decoder.logits();
        worst = std::max(worst, fwdtest::maxAbsDiff(fixed, eager));
        if (margin(eager) > 0.1) {
            QCOMPARE(topId(fixed), topId(eager));
        }
        QCOMPARE(decoder.inputToken().item<std::int64_t>(), topId(fixed));
    }
    const bool f32 = type == ComputeType::Float32;
    qInfo("%d fixed-shape steps (window %lld, %s %s): max |logit diff| against per-token steps "
          "%.3g",
          steps, static_cast<long long>(model->config().text.slidingWindow),
          f32 ? "float32" : "bfloat16", qPrintable(quant), worst);
    QVERIFY(worst <= (f32 ? 1e-4 : 0.25));
}

void StaticDecodeTest::storageIsZeroedAndKept() {
    const auto model = fwdtest::model(QStringLiteral("tiny-medgemma"), ComputeType::Float32);
    const TextConfig& text = model->config().text;
    KvCache cache;
    cache.reset(text, model->activationOptions(), 100, KvCache::Storage::ForStaticSteps);
    const KvCache::LayerStorage first = cache.layerStorage(0);
    QCOMPARE(first.k.abs().sum().item<double>(), 0.0);
    cache.commit(40);
    cache.reset(text, model->activationOptions(), 60, KvCache::Storage::ForStaticSteps);
    QVERIFY(cache.layerStorage(0).k.is_same(first.k));
    QCOMPARE(cache.length(), std::int64_t{0});
    cache.reset(text, model->activationOptions(), 200, KvCache::Storage::ForStaticSteps);
    QVERIFY(!cache.layerStorage(0).k.is_same(first.k));
    const KvCache::LayerStorage grown = cache.layerStorage(0);
    cache.reset(text, model->activationOptions(), 50);  // exact storage is always fresh
    QVERIFY(!cache.layerStorage(0).k.is_same(grown.k));
    // Exact storage is uninitialised: static steps never take it over, however large.
    cache.layerStorage(0).k.fill_(std::numeric_limits<float>::quiet_NaN());
    const KvCache::LayerStorage exact = cache.layerStorage(0);
    cache.reset(text, model->activationOptions(), 40, KvCache::Storage::ForStaticSteps);
    QVERIFY(!cache.layerStorage(0).k.is_same(exact.k));
    QCOMPARE(cache.layerStorage(0).k.abs().sum().item<double>(), 0.0);
}

void StaticDecodeTest::sessionRebindsOnlyWhenStorageChanges() {
    useDecodePath("static");
    Session session(fwdtest::model(QStringLiteral("tiny-medgemma"), ComputeType::Float32));
    session.reset(100, SamplingParams{});
    StaticDecoder* bound = &session.staticDecoder();
    session.reset(80, SamplingParams{});
    QCOMPARE(&session.staticDecoder(), bound);
    session.reset(300, SamplingParams{});
    QVERIFY(session.staticDecoder().boundTo(session.cache()));
    useDecodePath("");
}

void StaticDecodeTest::pipelinedGreedyMatchesEagerLoop() {
    const PromptInput prompt =
        goldenPrompt(QStringLiteral("tiny-medgemma-b"), QStringLiteral("one_image"));
    for (ComputeType type : {ComputeType::Float32, ComputeType::BFloat16}) {
        Session session(fwdtest::model(QStringLiteral("tiny-medgemma-b"), type));
        useDecodePath("eager");
        const std::vector<std::int64_t> eager = greedyTokens(session, prompt, 40);
        QCOMPARE(session.stats().decodePath, std::string("libtorch"));
        useDecodePath("static");
        const std::vector<std::int64_t> fixed = greedyTokens(session, prompt, 40);
        QCOMPARE(session.stats().decodePath, std::string("libtorch, fixed shapes"));
        QCOMPARE(eager.size(), std::size_t{40});
        QCOMPARE(fixed, eager);
        QCOMPARE(session.stats().generatedTokens, std::int64_t{40});
        // A stop id in the middle ends it there, although a step was queued ahead.
        const std::vector<std::int64_t> stopped = greedyTokens(session, prompt, 40, {eager[7]});
        const auto firstStop = std::find(eager.begin(), eager.end(), eager[7]);
        QCOMPARE(stopped, std::vector<std::int64_t>(eager.begin(), firstStop + 1));
        // One token: no decode step at all.
        QCOMPARE(greedyTokens(session, prompt, 1), std::vector<std::int64_t>{eager[0]});
    }
    useDecodePath("");
}

void StaticDecodeTest::readbackIsFirstInFirstOut() {
    TokenReadback readback(at::kCPU, 2);
    readback.push(at::tensor({std::int64_t{7}}));
    readback.push(at::tensor({std::int64_t{9}}));
    QCOMPARE(readback.pending(), 2);
    QCOMPARE(readback.pop(), std::int64_t{7});
    readback.push(at::tensor({std::int64_t{11}}));
    QCOMPARE(readback.pop(), std::int64_t{9});
    QCOMPARE(readback.pop(), std::int64_t{11});
    QCOMPARE(readback.pending(), 0);
}

// The GPU's decode floor reduces each weight tensor (device_bandwidth.h); the function is
// device-agnostic, so its accounting is checked here on CPU tensors of several dtypes. A model
// on the CPU lists no device tensors (its floor reads the mapping instead).
void StaticDecodeTest::tensorReadBandwidthReadsEveryTensor() {
    const std::vector<at::Tensor> tensors = {at::ones({1000, 300}, at::kBFloat16),
                                             at::ones({4096}, at::kByte),
                                             at::ones({64, 64}, at::kFloat)};
    const ReadBandwidth read = measureTensorReadBandwidth(tensors, 2);
    QCOMPARE(read.bytes, std::uint64_t(1000 * 300 * 2 + 4096 + 64 * 64 * 4));
    QCOMPARE(read.passes, 2);
    QVERIFY(read.seconds > 0.0);
    QVERIFY(read.bytesPerSecond > 0.0);
    QCOMPARE(measureTensorReadBandwidth({}).bytes, std::uint64_t{0});
    const auto model = fwdtest::model(QStringLiteral("tiny-medgemma"), ComputeType::Float32);
    QVERIFY(model->decoder().decodeDeviceTensors().empty());
    QVERIFY(!model->decoder().decodeRegions().empty());
}

QTEST_GUILESS_MAIN(StaticDecodeTest)
#include "test_static_decode.moc"
