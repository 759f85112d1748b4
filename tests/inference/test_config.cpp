// config.json: both fixtures, old vs new form, sparse and text-only configs, nulls.
#include <QJsonArray>
#include <QTest>

#include "checkpoint_writer.h"
#include "config_test_util.h"
#include "inference/config.h"

using inference::LayerType;
using inference::ModelConfig;

namespace {

QString fixtureConfigPath(const QString& fixture) {
    return testutil::fixtureDir(qPrintable(fixture)) + QStringLiteral("/config.json");
}

QJsonObject fixtureConfig(const QString& fixture) {
    return testutil::fixtureConfigJson(qPrintable(fixture));
}

ModelConfig parse(const QJsonObject& object) {
    return testutil::configFrom(object);
}

std::vector<int> fullLayers(const ModelConfig& config) {
    std::vector<int> result;
    for (std::size_t i = 0; i < config.text.layerTypes.size(); ++i) {
        if (config.text.layerTypes[i] == LayerType::Full) {
            result.push_back(static_cast<int>(i));
        }
    }
    return result;
}

// The transformers 5 spelling of an old-form fixture config: layer_types, rope_parameters
// (`flat`: one dict for the full-attention layers plus rope_local_base_freq), "dtype".
QJsonObject toNewForm(QJsonObject config, bool flat) {
    QJsonObject text = config.value(QStringLiteral("text_config")).toObject();
    const int layers = text.value(QStringLiteral("num_hidden_layers")).toInt();
    const int pattern = text.value(QStringLiteral("sliding_window_pattern")).toInt();
    QJsonArray types;
    for (int i = 0; i < layers; ++i) {
        types.append((i + 1) % pattern == 0 ? QStringLiteral("full_attention")
                                            : QStringLiteral("sliding_attention"));
    }
    QJsonObject full = text.value(QStringLiteral("rope_scaling")).toObject();
    full.insert(QStringLiteral("rope_theta"), text.value(QStringLiteral("rope_theta")));
    const QJsonObject sliding{
        {QStringLiteral("rope_type"), QStringLiteral("default")},
        {QStringLiteral("rope_theta"), text.value(QStringLiteral("rope_local_base_freq"))}};
    for (const char* key :
         {"sliding_window_pattern", "rope_scaling", "rope_theta", "torch_dtype"}) {
        text.remove(QLatin1String(key));
    }
    if (flat) {
        text.insert(QStringLiteral("rope_parameters"), full);
    } else {
        text.remove(QStringLiteral("rope_local_base_freq"));
        text.insert(QStringLiteral("rope_parameters"),
                    QJsonObject{{QStringLiteral("full_attention"), full},
                                {QStringLiteral("sliding_attention"), sliding}});
    }
    text.insert(QStringLiteral("layer_types"), types);
    text.insert(QStringLiteral("_sliding_window_pattern"), pattern);
    text.insert(QStringLiteral("use_bidirectional_attention"), false);
    config.insert(QStringLiteral("text_config"), text);
    config.insert(QStringLiteral("dtype"), config.take(QStringLiteral("torch_dtype")));
    return config;
}

// google/gemma-3-4b-it's config.json: only the keys that differ from transformers' defaults.
const char* kSparse4B = R"({
  "architectures": ["Gemma3ForConditionalGeneration"],
  "boi_token_index": 255999, "eoi_token_index": 256000, "eos_token_id": [1, 106],
  "image_token_index": 262144, "initializer_range": 0.02, "mm_tokens_per_image": 256,
  "model_type": "gemma3",
  "text_config": {"hidden_size": 2560, "intermediate_size": 10240, "model_type": "gemma3_text",
                  "num_hidden_layers": 34, "rope_scaling": {"factor": 8.0, "rope_type": "linear"},
                  "sliding_window": 1024},
  "torch_dtype": "bfloat16", "transformers_version": "4.50.0.dev0",
  "vision_config": {"hidden_size": 1152, "image_size": 896, "intermediate_size": 4304,
                    "model_type": "siglip_vision_model", "num_attention_heads": 16,
                    "num_hidden_layers": 27, "patch_size": 14, "vision_use_head": false}
})";

// A Gemma 3 27B text-only checkpoint (Gemma3ForCausalLM): text keys at the top level.
const char* kTextOnly27B = R"({
  "architectures": ["Gemma3ForCausalLM"], "model_type": "gemma3_text",
  "hidden_size": 5376, "intermediate_size": 21504, "num_hidden_layers": 62,
  "num_attention_heads": 32, "num_key_value_heads": 16, "head_dim": 128,
  "query_pre_attn_scalar": 168, "sliding_window": 1024, "vocab_size": 262144,
  "rope_scaling": {"factor": 8.0, "rope_type": "linear"}, "rope_theta": 1000000.0,
  "rope_local_base_freq": 10000.0, "eos_token_id": 106, "final_logit_softcapping": null,
  "torch_dtype": "bfloat16"
})";

}  // namespace

class ConfigTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fixtures_data();
    void fixtures();
    void newFormResolvesLikeOldForm_data();
    void newFormResolvesLikeOldForm();
    void sparse4BTakesTransformersDefaults();
    void emptySubconfigsTakeTransformersDefaults();
    void textOnlyConfig();
    void nullMeansAbsent();
};

void ConfigTest::fixtures_data() {
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<qlonglong>("hidden");
    QTest::addColumn<qlonglong>("layers");
    QTest::addColumn<qlonglong>("heads");
    QTest::addColumn<qlonglong>("kvHeads");
    QTest::addColumn<qlonglong>("headDim");
    QTest::addColumn<double>("queryScalar");
    QTest::addColumn<qlonglong>("window");
    QTest::addColumn<double>("ropeFactor");
    QTest::addColumn<qlonglong>("visionHidden");
    QTest::addColumn<qlonglong>("imageSize");
    QTest::addColumn<qlonglong>("poolKernel");
    // Both fixtures: layer 5 is the only global layer (pattern 6 over 8 and 7 layers).
    QTest::newRow("tiny-medgemma") << QStringLiteral("tiny-medgemma") << 64LL << 8LL << 4LL << 2LL
                                   << 32LL << 32.0 << 16LL << 8.0 << 64LL << 224LL << 4LL;
    QTest::newRow("tiny-medgemma-b") << QStringLiteral("tiny-medgemma-b") << 96LL << 7LL << 6LL
                                     << 3LL << 24LL << 40.0 << 24LL << 2.0 << 32LL << 336LL << 6LL;
}

void ConfigTest::fixtures() {
    QFETCH(QString, fixture);
    const QByteArray text = testutil::readFileBytes(fixtureConfigPath(fixture));
    auto parsed = inference::parseModelConfig(text.toStdString(), "config.json");
    QVERIFY2(parsed.ok(), parsed.error().message.c_str());
    const ModelConfig& c = parsed.value();
    QCOMPARE(c.architecture, std::string("Gemma3ForConditionalGeneration"));
    QFETCH(qlonglong, hidden);
    QFETCH(qlonglong, layers);
    QFETCH(qlonglong, heads);
    QFETCH(qlonglong, kvHeads);
    QFETCH(qlonglong, headDim);
    QFETCH(double, queryScalar);
    QFETCH(qlonglong, window);
    QFETCH(double, ropeFactor);
    QFETCH(qlonglong, visionHidden);
    QFETCH(qlonglong, imageSize);
    QFETCH(qlonglong, poolKernel);
    QCOMPARE(c.text.hiddenSize, hidden);
    QCOMPARE(c.text.numLayers, layers);
    QCOMPARE(c.text.numHeads, heads);
    QCOMPARE(c.text.numKvHeads, kvHeads);
    QCOMPARE(c.text.headDim, headDim);
    QCOMPARE(c.text.queryPreAttnScalar, queryScalar);
    QCOMPARE(c.text.slidingWindow, window);
    QCOMPARE(c.text.vocabSize, 262208LL);
    QCOMPARE(c.text.rmsNormEps, 1e-6);
    QCOMPARE(c.text.ropeGlobal.theta, 1e6);
    QCOMPARE(c.text.ropeGlobal.linearFactor, ropeFactor);
    QCOMPARE(c.text.ropeLocal.theta, 1e4);
    QCOMPARE(c.text.ropeLocal.linearFactor, 1.0);
    QVERIFY(!c.text.attnLogitSoftcapping && !c.text.finalLogitSoftcapping);
    QCOMPARE(static_cast<qlonglong>(c.text.layerTypes.size()), layers);
    QCOMPARE(fullLayers(c), std::vector<int>{5});
    QVERIFY(c.hasVision());
    QCOMPARE(c.vision->hiddenSize, visionHidden);
    QCOMPARE(c.vision->imageSize, imageSize);
    QCOMPARE(c.vision->patchSize, 14LL);
    QCOMPARE(c.vision->numLayers, 2LL);
    QCOMPARE(c.vision->layerNormEps, 1e-6);
    QCOMPARE(c.mmTokensPerImage, 16LL);
    QCOMPARE(c.poolKernel(), poolKernel);
    QCOMPARE(c.eosTokenIds, (std::vector<std::int64_t>{1, 106}));
    QCOMPARE(c.imageTokenId, 262144LL);
    QCOMPARE(c.boiTokenId, 255999LL);
    QCOMPARE(c.eoiTokenId, 256000LL);
    QCOMPARE(c.torchDtype, std::string("bfloat16"));
}

void ConfigTest::newFormResolvesLikeOldForm_data() {
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<bool>("flat");
    for (const char* fixture : {"tiny-medgemma", "tiny-medgemma-b"}) {
        QTest::addRow("%s, keyed rope_parameters", fixture)
            << QString::fromLatin1(fixture) << false;
        QTest::addRow("%s, flat rope_parameters", fixture) << QString::fromLatin1(fixture) << true;
    }
}

void ConfigTest::newFormResolvesLikeOldForm() {
    QFETCH(QString, fixture);
    QFETCH(bool, flat);
    const QJsonObject oldForm = fixtureConfig(fixture);
    const ModelConfig expected = parse(oldForm);
    QVERIFY(!expected.text.layerTypes.empty());
    const ModelConfig actual = parse(toNewForm(oldForm, flat));
    QCOMPARE(testutil::firstDifference(actual, expected), QString());
}

void ConfigTest::sparse4BTakesTransformersDefaults() {
    auto parsed = inference::parseModelConfig(kSparse4B, "config.json");
    QVERIFY2(parsed.ok(), parsed.error().message.c_str());
    // The member initialisers of ModelConfig are exactly the 4B values.
    ModelConfig expected;
    expected.architecture = "Gemma3ForConditionalGeneration";
    expected.text.ropeGlobal.linearFactor = 8.0;
    for (int i = 0; i < 34; ++i) {
        expected.text.layerTypes.push_back((i + 1) % 6 == 0 ? LayerType::Full : LayerType::Sliding);
    }
    expected.vision = inference::VisionConfig{};
    QCOMPARE(testutil::firstDifference(parsed.value(), expected), QString());
    QCOMPARE(fullLayers(parsed.value()), (std::vector<int>{5, 11, 17, 23, 29}));
    QCOMPARE(parsed.value().poolKernel(), 4LL);
    QCOMPARE(parsed.value().text.headDim * parsed.value().text.numHeads, 2048LL);
}

void ConfigTest::emptySubconfigsTakeTransformersDefaults() {
    // transformers' own defaults would give a 14x14 patch grid that 256 tokens cannot pool.
    auto parsed = inference::parseModelConfig(
        R"({"model_type":"gemma3","text_config":{},"vision_config":{},"mm_tokens_per_image":49})",
        "config.json");
    QVERIFY2(parsed.ok(), parsed.error().message.c_str());
    const ModelConfig& c = parsed.value();
    QCOMPARE(c.architecture, std::string("Gemma3ForConditionalGeneration"));
    QCOMPARE(c.text.hiddenSize, 2304LL);
    QCOMPARE(c.text.intermediateSize, 9216LL);
    QCOMPARE(c.text.numLayers, 26LL);
    QCOMPARE(c.text.slidingWindow, 4096LL);
    QCOMPARE(c.text.headDim, 256LL);
    QCOMPARE(c.text.queryPreAttnScalar, 256.0);
    QCOMPARE(c.text.ropeGlobal.linearFactor, 1.0);
    QCOMPARE(fullLayers(c), (std::vector<int>{5, 11, 17, 23}));
    QCOMPARE(c.vision->hiddenSize, 768LL);
    QCOMPARE(c.vision->patchSize, 16LL);
    QCOMPARE(c.vision->imageSize, 224LL);
    QCOMPARE(c.vision->hiddenActivation, std::string("gelu_pytorch_tanh"));
    QCOMPARE(c.vision->layerNormEps, 1e-6);
    QCOMPARE(c.poolKernel(), 2LL);
    QCOMPARE(c.eosTokenIds, (std::vector<std::int64_t>{1, 106}));
}

void ConfigTest::textOnlyConfig() {
    auto parsed = inference::parseModelConfig(kTextOnly27B, "config.json");
    QVERIFY2(parsed.ok(), parsed.error().message.c_str());
    const ModelConfig& c = parsed.value();
    QCOMPARE(c.architecture, std::string("Gemma3ForCausalLM"));
    QVERIFY(!c.hasVision());
    QCOMPARE(c.poolKernel(), 0LL);
    QCOMPARE(c.text.hiddenSize, 5376LL);
    QCOMPARE(c.text.headDim, 128LL);
    QCOMPARE(c.text.queryPreAttnScalar, 168.0);
    QCOMPARE(c.text.vocabSize, 262144LL);
    QCOMPARE(c.text.ropeGlobal.linearFactor, 8.0);
    QCOMPARE(c.eosTokenIds, std::vector<std::int64_t>{106});
    QCOMPARE(fullLayers(c).size(), std::size_t(10));
    QCOMPARE(fullLayers(c).back(), 59);
    // Without architectures, model_type alone decides.
    auto bare = inference::parseModelConfig(R"({"model_type":"gemma3_text","num_hidden_layers":2})",
                                            "config.json");
    QVERIFY2(bare.ok(), bare.error().message.c_str());
    QVERIFY(!bare.value().hasVision());
}

void ConfigTest::nullMeansAbsent() {
    QJsonObject config = fixtureConfig(QStringLiteral("tiny-medgemma"));
    testutil::setJsonPath(config, QStringLiteral("text_config/head_dim"), "null");
    testutil::setJsonPath(config, QStringLiteral("text_config/rope_scaling"), "null");
    testutil::setJsonPath(config, QStringLiteral("text_config/attn_logit_softcapping"), "50.0");
    testutil::setJsonPath(config, QStringLiteral("vision_config/hidden_act"), "null");
    testutil::setJsonPath(config, QStringLiteral("eos_token_id"), "1");
    const ModelConfig c = parse(config);
    QCOMPARE(c.text.headDim, 256LL);
    QCOMPARE(c.text.ropeGlobal.linearFactor, 1.0);
    QCOMPARE(c.text.attnLogitSoftcapping.value_or(0.0), 50.0);
    QVERIFY(!c.text.finalLogitSoftcapping);
    QCOMPARE(c.vision->hiddenActivation, std::string("gelu_pytorch_tanh"));
    QCOMPARE(c.eosTokenIds, std::vector<std::int64_t>{1});
}

QTEST_APPLESS_MAIN(ConfigTest)
#include "test_config.moc"
