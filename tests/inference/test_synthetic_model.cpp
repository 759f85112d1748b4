// The engine on randomly initialised models of shapes no fixture has (three KV-head groups,
// head_dim unrelated to the width, an odd query_pre_attn_scalar, a window of 5, a 2x2 pool):
// cached generation still equals full recomputation, weights are checked against the config,
// and a stop request lands inside a long image encoding.

#include <QtTest>

#include <chrono>
#include <cmath>
#include <map>
#include <thread>

#include <ATen/ATen.h>

#include "inference/generation.h"
#include "inference/weights.h"

using namespace inference;

namespace {

ModelConfig oddConfig() {
    ModelConfig config;
    config.architecture = "Gemma3ForConditionalGeneration";
    TextConfig& text = config.text;
    text.hiddenSize = 48;
    text.intermediateSize = 72;
    text.numLayers = 4;
    text.numHeads = 6;
    text.numKvHeads = 2;
    text.headDim = 20;
    text.vocabSize = 300;
    text.slidingWindow = 5;
    text.queryPreAttnScalar = 17;
    text.layerTypes = {LayerType::Sliding, LayerType::Full, LayerType::Sliding, LayerType::Sliding};
    text.ropeGlobal = {1000000.0, 4.0};
    VisionConfig vision;
    vision.hiddenSize = 40;
    vision.intermediateSize = 56;
    vision.numLayers = 2;
    vision.numHeads = 5;
    vision.imageSize = 56;
    vision.patchSize = 14;
    config.vision = vision;
    config.mmTokensPerImage = 4;  // 4x4 patches pooled 2x2
    config.imageTokenId = 299;
    return config;
}

// Random bf16 tensors for every tensor the config implies, kept alive by the returned map.
struct SyntheticWeights {
    std::map<std::string, at::Tensor> tensors;
    std::map<std::string, TensorView> views;

    explicit SyntheticWeights(const ModelConfig& config) {
        at::manual_seed(11);
        for (const ExpectedTensor& expected : expectedTensors(config)) {
            if (expected.optional) {
                continue;
            }
            const double scale = 1.0 / std::sqrt(static_cast<double>(expected.shape.back()));
            add(expected.name, (at::randn(expected.shape) * scale).to(at::kBFloat16));
        }
    }

    void add(const std::string& name, const at::Tensor& tensor) {
        tensors[name] = tensor;
        TensorView view;
        view.name = name;
        view.dtype = DType::BF16;
        view.shape = tensor.sizes().vec();
        view.data = static_cast<const std::uint8_t*>(tensor.data_ptr());
        view.byteSize = tensor.nbytes();
        view.file = "synthetic.safetensors";
        views[name] = view;
    }

    WeightLookup lookup() const {
        return [this](const std::string& name) -> const TensorView* {
            const auto it = views.find(name);
            return it == views.end() ? nullptr : &it->second;
        };
    }
};

std::shared_ptr<const Model> loadSynthetic(const ModelConfig& config,
                                           const SyntheticWeights& weights, ComputeType type) {
    auto model = Model::load(config, weights.lookup(), nullptr, type);
    if (!model) {
        throw std::runtime_error(model.error().message);
    }
    return model.value();
}

// BOS, text, one image block of 4 soft tokens, more text.
PromptInput oddPrompt(const ModelConfig& config) {
    PromptInput prompt;
    prompt.ids = {2, 17, 33, 108, 255, 299, 299, 299, 299, 256, 108, 40, 41, 42};
    at::manual_seed(12);
    prompt.pixelValues = at::rand({1, 3, 56, 56}) * 2 - 1;
    return prompt;
}

}  // namespace

class SyntheticModelTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cacheMatchesRecomputation_data();
    void cacheMatchesRecomputation();
    void weightsAreChecked();
    void untiedHeadIsUsed();
    void textOnlyModelRuns();
    void stopLandsInsideImageEncoding();
};

void SyntheticModelTest::cacheMatchesRecomputation_data() {
    QTest::addColumn<int>("type");
    QTest::addColumn<double>("tolerance");
    QTest::newRow("float32") << static_cast<int>(ComputeType::Float32) << 1e-4;
    // bf16: the two paths round the same values through differently shaped matmuls.
    QTest::newRow("bfloat16") << static_cast<int>(ComputeType::BFloat16) << 0.15;
}

void SyntheticModelTest::cacheMatchesRecomputation() {
    QFETCH(int, type);
    QFETCH(double, tolerance);
    const ModelConfig config = oddConfig();
    const SyntheticWeights weights(config);
    const auto model = loadSynthetic(config, weights, static_cast<ComputeType>(type));
    PromptInput prompt = oddPrompt(config);
    const StopFlag stop{false};
    PrefillOptions options;
    options.chunkTokens = 3;  // grows to keep the image block whole
    KvCache cache;
    cache.reset(config.text, model->scalarType(), 4);  // grows beyond the announced size
    const at::Tensor features = encodePromptImages(*model, prompt, stop, options).value();
    at::Tensor cached = prefill(*model, cache, prompt, features, stop, options).value()[0];
    double worst = 0.0;
    for (int step = 0; step < 30; ++step) {
        const at::Tensor full = forwardLogits(*model, prompt, stop, 1).value()[0];
        worst = std::max(worst, (cached - full).abs().max().item<double>());
        prompt.ids.push_back(full.argmax().item<std::int64_t>());
        cached = decodeStep(*model, cache, prompt.ids.back(), stop).value();
    }
    qInfo("%s: max |logit diff| cache vs recomputation over 30 steps: %.3g",
          computeTypeName(static_cast<ComputeType>(type)), worst);
    QVERIFY(worst <= tolerance);
}

void SyntheticModelTest::weightsAreChecked() {
    const ModelConfig config = oddConfig();
    SyntheticWeights weights(config);
    weights.views.erase("text.layers.2.mlp.up_proj.weight");
    auto missing = Model::load(config, weights.lookup(), nullptr, ComputeType::BFloat16);
    QCOMPARE(missing.error().code, ErrorCode::MissingTensor);
    QVERIFY(missing.error().message.find("text.layers.2.mlp.up_proj.weight") != std::string::npos);
    SyntheticWeights reshaped(config);
    reshaped.add("vision.encoder.layers.1.mlp.fc1.weight", at::zeros({55, 40}, at::kBFloat16));
    auto mismatch = Model::load(config, reshaped.lookup(), nullptr, ComputeType::BFloat16);
    QCOMPARE(mismatch.error().code, ErrorCode::ShapeMismatch);
    QVERIFY(mismatch.error().message.find("[56, 40]") != std::string::npos);
}

// With tie_word_embeddings false a stored lm_head replaces the embedding as the head.
void SyntheticModelTest::untiedHeadIsUsed() {
    ModelConfig config = oddConfig();
    config.text.tieWordEmbeddings = false;
    SyntheticWeights weights(config);
    const at::Tensor head = at::randn({300, 48}).to(at::kBFloat16);
    weights.add("lm_head.weight", head);
    const auto model = loadSynthetic(config, weights, ComputeType::Float32);
    const at::Tensor hidden = at::randn({2, 48});
    const at::Tensor expected = at::matmul(hidden, head.to(at::kFloat).t());
    QVERIFY((model->decoder().logits(hidden) - expected).abs().max().item<double>() < 1e-5);
    config.text.tieWordEmbeddings = true;  // then the stored copy is ignored, as transformers
    const auto tied = loadSynthetic(config, weights, ComputeType::Float32);
    const at::Tensor embedding = weights.tensors.at("text.embed_tokens.weight").to(at::kFloat);
    QVERIFY((tied->decoder().logits(hidden) - at::matmul(hidden, embedding.t()))
                .abs()
                .max()
                .item<double>() < 1e-5);
}

// Gemma3ForCausalLM: no vision tower; a configured final soft-cap is applied.
void SyntheticModelTest::textOnlyModelRuns() {
    ModelConfig config = oddConfig();
    config.architecture = "Gemma3ForCausalLM";
    config.vision.reset();
    config.text.finalLogitSoftcapping = 2.0;
    const SyntheticWeights weights(config);
    const auto model = loadSynthetic(config, weights, ComputeType::Float32);
    QVERIFY(!model->hasVision());
    PromptInput prompt;
    prompt.ids = {2, 17, 33, 40, 41};
    const StopFlag stop{false};
    const at::Tensor logits = forwardLogits(*model, prompt, stop).value();
    QCOMPARE(logits.size(0), std::int64_t{5});
    QVERIFY(logits.abs().max().item<double>() < 2.0);  // capped
    Session session(model);
    GenerationOptions options;
    options.maxNewTokens = 8;
    QCOMPARE(generate(session, prompt, options, {}, stop)->tokens.size(), std::size_t{8});
    prompt.pixelValues = at::zeros({1, 3, 56, 56});
    QCOMPARE(model->encodeImages(prompt.pixelValues, stop).error().code,
             ErrorCode::InvalidRequest);
}

// A heavier vision tower (1,024 patches, 6 layers); a second thread sets the flag while it
// runs and the call must return within 200 ms.
void SyntheticModelTest::stopLandsInsideImageEncoding() {
    ModelConfig config = oddConfig();
    config.vision->imageSize = 448;
    config.vision->hiddenSize = 256;
    config.vision->intermediateSize = 1024;
    config.vision->numHeads = 4;
    config.vision->numLayers = 6;
    config.mmTokensPerImage = 64;  // 32x32 patches pooled 4x4
    const SyntheticWeights weights(config);
    const auto model = loadSynthetic(config, weights, ComputeType::Float32);
    const at::Tensor pixels = at::rand({4, 3, 448, 448}) * 2 - 1;
    const StopFlag never{false};
    const auto started = std::chrono::steady_clock::now();
    QVERIFY(model->encodeImages(pixels.narrow(0, 0, 1), never).ok());
    const double oneImage =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    StopFlag stop{false};
    std::chrono::steady_clock::time_point setAt;
    std::thread stopper([&] {
        std::this_thread::sleep_for(std::chrono::duration<double>(oneImage * 1.5));
        setAt = std::chrono::steady_clock::now();
        stop = true;
    });
    const auto result = model->encodeImages(pixels, stop);
    const auto returnedAt = std::chrono::steady_clock::now();
    stopper.join();
    QCOMPARE(result.error().code, ErrorCode::Cancelled);
    const double latency = std::chrono::duration<double>(returnedAt - setAt).count();
    qInfo("one image encodes in %.0f ms; stop honoured %.1f ms after the flag was set",
          oneImage * 1e3, latency * 1e3);
    QVERIFY(latency < 0.2);
}

QTEST_APPLESS_MAIN(SyntheticModelTest)
#include "test_synthetic_model.moc"
