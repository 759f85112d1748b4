// Random checkpoints (random_model.h) in the shape of the tiny fixture: the files a model
// folder needs, valid sharded safetensors under the transformers 4.x names in BF16, values
// that depend only on the seed, finite outputs through the engine, and the published
// variants' configs.

#include <QtTest>

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "inference/config.h"
#include "inference/engine.h"
#include "inference/random_model.h"
#include "inference/safetensors.h"
#include "inference/weights.h"

using namespace inference;

namespace {

std::string fixtureConfig() {
    std::ifstream in(MEDGEMMA_TEST_FIXTURES "/tiny-medgemma/config.json");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

Status writeTiny(const QString& dir, std::uint64_t seed, bool sparseDecoder = false) {
    RandomModelOptions options;
    options.configJson = fixtureConfig();
    options.outputDirectory = dir.toStdString();
    options.seed = seed;
    options.shardBytes = 30'000'000;  // the 34 MB fixture shape in two shards
    options.tokenizerDirectory = MEDGEMMA_TOKENIZER_DIR;
    options.sparseDecoderMatrices = sparseDecoder;
    return writeRandomModel(options);
}

QByteArray fileBytes(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace

class RandomModelTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void writesAValidShardedCheckpoint();
    void valuesDependOnlyOnTheSeed();
    void engineRunsIt();
    void sparseDecoderKeepsTheLayout();
    void publishedVariantsParse();
};

void RandomModelTest::writesAValidShardedCheckpoint() {
    QTemporaryDir dir;
    QVERIFY(writeTiny(dir.path(), 7).ok());
    for (const char* name : {"config.json", "generation_config.json", "preprocessor_config.json",
                             "processor_config.json", "model.safetensors.index.json",
                             "model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors",
                             "tokenizer.json"}) {
        QVERIFY2(QFile::exists(dir.filePath(QLatin1String(name))), name);
    }
    auto config = parseModelConfig(fixtureConfig(), "config.json");
    auto weights = ModelWeights::open(dir.path().toStdString(), config.value());
    QVERIFY2(weights, weights ? "" : weights.error().message.c_str());
    QCOMPARE(weights->layout(), WeightLayout::Transformers4);
    QVERIFY(weights->checkpoint().sharded());
    for (const std::string& name : weights->names()) {
        QCOMPARE(weights->get(name).dtype, DType::BF16);
    }
}

void RandomModelTest::valuesDependOnlyOnTheSeed() {
    QTemporaryDir a, b, c;
    QVERIFY(writeTiny(a.path(), 1).ok() && writeTiny(b.path(), 1).ok() &&
            writeTiny(c.path(), 2).ok());
    const QString shard = QStringLiteral("/model-00002-of-00002.safetensors");
    QCOMPARE(fileBytes(a.path() + shard), fileBytes(b.path() + shard));
    QVERIFY(fileBytes(a.path() + shard) != fileBytes(c.path() + shard));
}

// The scales keep activations of order one: logits are finite and spread, not saturated.
void RandomModelTest::engineRunsIt() {
    QTemporaryDir dir;
    QVERIFY(writeTiny(dir.path(), 3).ok());
    LoadOptions options;
    options.directory = dir.path().toStdString();
    options.threads = 2;
    auto engine = Engine::load(options);
    QVERIFY2(engine, engine ? "" : engine.error().message.c_str());
    Request request;
    request.kind = Request::Kind::Ids;
    request.ids = {2, 818, 5279, 236764, 1217};
    std::int64_t vocab = 0;
    std::atomic<bool> stop{false};
    auto logits = (*engine)->logits(request, &vocab, stop);
    QVERIFY(logits);
    double sumSquares = 0.0;
    for (float v : logits.value()) {
        QVERIFY(std::isfinite(v));
        sumSquares += double(v) * v;
    }
    const double rms = std::sqrt(sumSquares / double(logits->size()));
    qInfo("random fixture-shaped model: logit RMS %.3f", rms);
    QVERIFY(rms > 0.05 && rms < 50.0);
}

// --sparse-decoder: the same files, names and sizes; the decoder matrices read as zeros and
// every other tensor is the dense writer's.
void RandomModelTest::sparseDecoderKeepsTheLayout() {
    QTemporaryDir dense, sparse;
    QVERIFY(writeTiny(dense.path(), 5).ok() && writeTiny(sparse.path(), 5, true).ok());
    auto config = parseModelConfig(fixtureConfig(), "config.json");
    auto a = ModelWeights::open(dense.path().toStdString(), config.value());
    auto b = ModelWeights::open(sparse.path().toStdString(), config.value());
    QVERIFY(a && b);
    QCOMPARE(a->names(), b->names());
    int zeroed = 0;
    for (const std::string& name : a->names()) {
        const TensorView& x = a->get(name);
        const TensorView& y = b->get(name);
        QCOMPARE(x.shape, y.shape);
        const bool matrix =
            name.rfind("text.layers.", 0) == 0 && name.find("_proj.weight") != std::string::npos;
        if (matrix) {
            ++zeroed;
            QVERIFY(
                std::all_of(y.data, y.data + y.byteSize, [](std::uint8_t v) { return v == 0; }));
        } else {
            QVERIFY2(std::equal(x.data, x.data + x.byteSize, y.data), name.c_str());
        }
    }
    QCOMPARE(zeroed, 7 * int(config->text.numLayers));
    for (const char* shard :
         {"/model-00001-of-00002.safetensors", "/model-00002-of-00002.safetensors"}) {
        QCOMPARE(QFileInfo(sparse.path() + QLatin1String(shard)).size(),
                 QFileInfo(dense.path() + QLatin1String(shard)).size());
    }
}

void RandomModelTest::publishedVariantsParse() {
    for (const std::string& name : randomModelVariants()) {
        auto config = parseModelConfig(*variantConfigJson(name), "config.json");
        QVERIFY2(config, config ? "" : config.error().message.c_str());
        QVERIFY(config->hasVision());
    }
    const auto small =
        parseModelConfig(*variantConfigJson("medgemma-4b-it"), "config.json").value();
    QCOMPARE(small.text.numLayers, std::int64_t(34));
    QCOMPARE(small.text.hiddenSize, std::int64_t(2560));
    const auto large =
        parseModelConfig(*variantConfigJson("medgemma-27b-it"), "config.json").value();
    QCOMPARE(large.text.numLayers, std::int64_t(62));
    QCOMPARE(large.text.headDim, std::int64_t(128));
    RandomModelOptions unknown;
    unknown.like = "medgemma-1b";
    QCOMPARE(writeRandomModel(unknown).error().code, ErrorCode::InvalidRequest);
}

QTEST_APPLESS_MAIN(RandomModelTest)
#include "test_random_model.moc"
