// ModelWeights: both fixtures, the transformers 5 and text-only layouts written from the
// fixture, lm_head tying and the name mapping of each layout.
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

#include "checkpoint_writer.h"
#include "config_test_util.h"
#include "inference/weights.h"

using inference::ModelConfig;
using inference::ModelWeights;
using inference::WeightLayout;
using testutil::TestTensor;

namespace {

using Shape = std::vector<std::int64_t>;

using testutil::configFrom;
using testutil::fixtureConfigJson;

// The text-only (Gemma3ForCausalLM) config.json of the fixture's language model.
QJsonObject textOnlyConfigJson() {
    QJsonObject text =
        fixtureConfigJson("tiny-medgemma").value(QStringLiteral("text_config")).toObject();
    text.insert(QStringLiteral("architectures"), QJsonArray{QStringLiteral("Gemma3ForCausalLM")});
    text.insert(QStringLiteral("eos_token_id"), QJsonArray{1, 106});
    return text;
}

bool sameBytes(const inference::TensorView& a, const inference::TensorView& b) {
    return a.byteSize == b.byteSize && std::memcmp(a.data, b.data, a.byteSize) == 0;
}

}  // namespace

class WeightsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fixtures_data();
    void fixtures();
    void transformers5LayoutWithStoredLmHead();
    void untiedLmHead();
    void textOnlyLayouts_data();
    void textOnlyLayouts();
    void nameMapping_data();
    void nameMapping();

private:
    std::vector<TestTensor> m_fixture;  // tiny-medgemma, transformers 4.x names
};

void WeightsTest::initTestCase() {
    m_fixture = testutil::readCheckpointTensors(testutil::fixtureDir("tiny-medgemma"));
    QCOMPARE(m_fixture.size(), std::size_t(145));
}

void WeightsTest::fixtures_data() {
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<qlonglong>("hidden");
    QTest::addColumn<qlonglong>("qWidth");
    QTest::addColumn<qlonglong>("visionWidth");
    QTest::addColumn<qlonglong>("patches");
    QTest::newRow("tiny-medgemma")
        << QStringLiteral("tiny-medgemma") << 64LL << 128LL << 64LL << 256LL;
    QTest::newRow("tiny-medgemma-b")
        << QStringLiteral("tiny-medgemma-b") << 96LL << 144LL << 32LL << 576LL;
}

void WeightsTest::fixtures() {
    QFETCH(QString, fixture);
    QFETCH(qlonglong, hidden);
    QFETCH(qlonglong, qWidth);
    QFETCH(qlonglong, visionWidth);
    QFETCH(qlonglong, patches);
    const QString dir = testutil::fixtureDir(qPrintable(fixture));
    const ModelConfig config = configFrom(fixtureConfigJson(qPrintable(fixture)));
    auto weights = ModelWeights::open(dir.toStdString(), config);
    QVERIFY2(weights.ok(), weights.error().message.c_str());
    const ModelWeights& w = weights.value();
    QCOMPARE(w.layout(), WeightLayout::Transformers4);
    QVERIFY(w.lmHeadTied());
    QVERIFY(!w.hasLmHead());
    QCOMPARE(w.names().size(), inference::expectedTensors(config).size() - 1);
    QCOMPARE(w.get("text.embed_tokens.weight").shape, (Shape{262208, hidden}));
    QCOMPARE(w.get("text.layers.5.self_attn.q_proj.weight").shape, (Shape{qWidth, hidden}));
    QCOMPARE(w.get("text.layers.0.self_attn.o_proj.weight").shape, (Shape{hidden, qWidth}));
    QCOMPARE(w.get("vision.embeddings.position_embedding.weight").shape,
             (Shape{patches, visionWidth}));
    QCOMPARE(w.get("vision.embeddings.patch_embedding.weight").shape,
             (Shape{visionWidth, 3, 14, 14}));
    QCOMPARE(w.get(inference::weight_names::kProjection).shape, (Shape{visionWidth, hidden}));
    QCOMPARE(w.get(inference::weight_names::kSoftEmbNorm).shape, Shape{visionWidth});
    QCOMPARE(w.get("vision.encoder.layers.1.mlp.fc1.bias").dtype, inference::DType::BF16);
    QCOMPARE(w.files().size(), std::size_t(2));
    std::uint64_t fileBytes = 0;
    for (const inference::WeightFile& file : w.files()) {
        QCOMPARE(file.sizeBytes,
                 std::uint64_t(QFileInfo(QString::fromStdString(file.path)).size()));
        fileBytes += file.sizeBytes;
    }
    QVERIFY(fileBytes > w.totalBytes());
    QCOMPARE(w.parameterCount() * 2, w.totalBytes());
}

void WeightsTest::transformers5LayoutWithStoredLmHead() {
    QTemporaryDir dir;
    QVERIFY(testutil::copyConfigFiles(testutil::fixtureDir("tiny-medgemma"), dir.path()));
    auto tensors = testutil::renamed(m_fixture, [](const std::string& name) {
        std::string n =
            testutil::replacePrefix(name, "language_model.model.", "model.language_model.");
        n = testutil::replacePrefix(n, "vision_tower.", "model.vision_tower.");
        return testutil::replacePrefix(n, "multi_modal_projector.", "model.multi_modal_projector.");
    });
    TestTensor head = m_fixture.front();  // transformers may save the tied copy
    QCOMPARE(head.name, std::string("language_model.model.embed_tokens.weight"));
    head.name = "lm_head.weight";
    tensors.push_back(head);
    QVERIFY(testutil::writeCheckpoint(dir.path(), tensors, 3));
    const ModelConfig config = configFrom(fixtureConfigJson("tiny-medgemma"));
    auto weights = ModelWeights::open(dir.path().toStdString(), config);
    QVERIFY2(weights.ok(), weights.error().message.c_str());
    auto reference =
        ModelWeights::open(testutil::fixtureDir("tiny-medgemma").toStdString(), config);
    QVERIFY(reference.ok());
    QCOMPARE(weights.value().layout(), WeightLayout::Transformers5);
    QVERIFY(weights.value().hasLmHead());
    QVERIFY(weights.value().lmHeadTied());  // tie_word_embeddings: the stored copy is ignored
    QCOMPARE(weights.value().files().size(), std::size_t(3));
    QCOMPARE(weights.value().parameterCount(), reference.value().parameterCount());
    for (const std::string& name : reference.value().names()) {
        QVERIFY2(sameBytes(weights.value().get(name), reference.value().get(name)), name.c_str());
    }
}

void WeightsTest::untiedLmHead() {
    QTemporaryDir dir;
    QJsonObject config = fixtureConfigJson("tiny-medgemma");
    testutil::setJsonPath(config, QStringLiteral("text_config/tie_word_embeddings"), "false");
    QVERIFY(testutil::writeJsonObject(dir.filePath(QStringLiteral("config.json")), config));
    auto tensors = m_fixture;
    tensors.push_back(testutil::zeros("language_model.lm_head.weight", "BF16", {262208, 64}));
    QVERIFY(testutil::writeCheckpoint(dir.path(), tensors));
    auto weights = ModelWeights::open(dir.path().toStdString(), configFrom(config));
    QVERIFY2(weights.ok(), weights.error().message.c_str());
    QVERIFY(!weights.value().lmHeadTied());
    QCOMPARE(weights.value().get(inference::weight_names::kLmHead).shape, (Shape{262208, 64}));
    QCOMPARE(weights.value().parameterCount() * 2, weights.value().totalBytes());
}

void WeightsTest::textOnlyLayouts_data() {
    QTest::addColumn<QString>("textPrefix");
    QTest::addColumn<int>("layout");
    QTest::newRow("model.*") << QStringLiteral("model.") << int(WeightLayout::TextOnly);
    QTest::newRow("language_model.model.*")
        << QStringLiteral("language_model.model.") << int(WeightLayout::Transformers4);
}

void WeightsTest::textOnlyLayouts() {
    QFETCH(QString, textPrefix);
    QFETCH(int, layout);
    QTemporaryDir dir;
    const std::string prefix = textPrefix.toStdString();
    auto tensors = testutil::renamed(m_fixture, [&prefix](const std::string& name) {
        const std::string from = "language_model.model.";
        return name.rfind(from, 0) == 0 ? testutil::replacePrefix(name, from, prefix)
                                        : std::string();
    });
    QCOMPARE(tensors.size(), std::size_t(106));
    QVERIFY(testutil::writeCheckpoint(dir.path(), tensors));
    const ModelConfig config = configFrom(textOnlyConfigJson());
    QVERIFY(!config.hasVision());
    auto weights = ModelWeights::open(dir.path().toStdString(), config);
    QVERIFY2(weights.ok(), weights.error().message.c_str());
    QCOMPARE(int(weights.value().layout()), layout);
    QCOMPARE(weights.value().names().size(), std::size_t(106));
    QVERIFY(!weights.value().find("vision.post_layernorm.weight"));
    QCOMPARE(weights.value().get("text.norm.weight").shape, Shape{64});
}

void WeightsTest::nameMapping_data() {
    QTest::addColumn<int>("layout");
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("canonical");
    const auto row = [](const char* name, WeightLayout layout, const char* stored,
                        const char* canonical) {
        QTest::newRow(name) << int(layout) << QString::fromLatin1(stored)
                            << QString::fromLatin1(canonical);
    };
    using L = WeightLayout;
    row("4.x text", L::Transformers4, "language_model.model.layers.3.mlp.up_proj.weight",
        "text.layers.3.mlp.up_proj.weight");
    row("4.x head", L::Transformers4, "language_model.lm_head.weight", "lm_head.weight");
    row("4.x vision", L::Transformers4, "vision_tower.vision_model.post_layernorm.bias",
        "vision.post_layernorm.bias");
    row("4.x projector", L::Transformers4, "multi_modal_projector.mm_input_projection_weight",
        "projector.mm_input_projection_weight");
    row("5 text", L::Transformers5, "model.language_model.norm.weight", "text.norm.weight");
    row("5 head", L::Transformers5, "lm_head.weight", "lm_head.weight");
    row("5 vision", L::Transformers5,
        "model.vision_tower.vision_model.encoder.layers.0.mlp.fc1.weight",
        "vision.encoder.layers.0.mlp.fc1.weight");
    row("5 projector", L::Transformers5, "model.multi_modal_projector.mm_soft_emb_norm.weight",
        "projector.mm_soft_emb_norm.weight");
    row("text-only text", L::TextOnly, "model.embed_tokens.weight", "text.embed_tokens.weight");
    row("text-only head", L::TextOnly, "lm_head.weight", "lm_head.weight");
}

void WeightsTest::nameMapping() {
    QFETCH(int, layout);
    QFETCH(QString, stored);
    QFETCH(QString, canonical);
    const auto l = static_cast<WeightLayout>(layout);
    QCOMPARE(inference::canonicalTensorName(stored.toStdString(), l).value_or("<none>"),
             canonical.toStdString());
    QCOMPARE(inference::storedTensorName(canonical.toStdString(), l), stored.toStdString());
}

QTEST_APPLESS_MAIN(WeightsTest)
#include "test_weights.moc"
