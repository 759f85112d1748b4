// The model manager's catalog and loading on the real engine: a fake Hugging Face cache built in
// a temporary folder (the tiny fixture checkpoint as google/medgemma-4b-it, a plain Gemma 3 and
// a model of another family), found through $HF_HUB_CACHE, described (parameters, dtype, size,
// memory), then loaded through EngineDraftingService with progress, cancelled, and used.
#include <QtTest>

#include <QDir>
#include <QSettings>
#include <QTemporaryDir>

#include "app/core/engine_drafting_service.h"
#include "app/core/hf_model_catalog.h"
#include "app/core/model_memory.h"
#include "ui/model/model_settings.h"

using app::HfModelCatalog;

class TestModelCatalog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void findsCacheFromEnvironment();
    void discoversGemmaSnapshotsMedGemmaFirst();
    void describesTheFixture();
    void memoryEstimateCountsSlidingWindows();
    void startupPrefersTheRememberedModel();
    void loadsThroughTheDraftingService();
    void cancelledLoadEndsWithNoModel();

private:
    QString snapshot(const QString& repo, const QString& hash) const;
    QTemporaryDir m_cache;
    QString m_medgemma;
};

QString TestModelCatalog::snapshot(const QString& repo, const QString& hash) const {
    const QString path =
        m_cache.filePath(QStringLiteral("models--%1/snapshots/%2").arg(repo, hash));
    return QDir().mkpath(path) ? path : QString();
}

void TestModelCatalog::initTestCase() {
    QVERIFY(m_cache.isValid());
    m_medgemma = snapshot(QStringLiteral("google--medgemma-4b-it"), QStringLiteral("c0ffee"));
    // The fixture checkpoint and the real tokenizer, linked like the cache's blobs.
    const QDir fixture(QStringLiteral(MEDGEMMA_TEST_FIXTURES "/tiny-medgemma"));
    for (const QString& name : fixture.entryList(QDir::Files)) {
        QVERIFY(QFile::link(fixture.filePath(name), QDir(m_medgemma).filePath(name)));
    }
    const QDir tokenizer(QStringLiteral(MEDGEMMA_TOKENIZER_DIR));
    for (const char* name : {"tokenizer.json", "tokenizer_config.json"}) {
        QVERIFY(QFile::link(tokenizer.filePath(QLatin1String(name)),
                            QDir(m_medgemma).filePath(QLatin1String(name))));
    }
    QFile ref(m_cache.filePath(QStringLiteral("models--google--medgemma-4b-it/refs/main")));
    QVERIFY(QDir().mkpath(QFileInfo(ref).absolutePath()) && ref.open(QIODevice::WriteOnly));
    ref.write("c0ffee");
    ref.close();
    // A Gemma 3 (config only) and a model of another family, which is not listed.
    const QString gemma = snapshot(QStringLiteral("google--gemma-3-4b-it"), QStringLiteral("1"));
    QFile gemmaConfig(QDir(gemma).filePath(QStringLiteral("config.json")));
    QVERIFY(gemmaConfig.open(QIODevice::WriteOnly));
    gemmaConfig.write(
        R"({"architectures": ["Gemma3ForConditionalGeneration"], "model_type": "gemma3"})");
    gemmaConfig.close();
    const QString llama = snapshot(QStringLiteral("meta--llama"), QStringLiteral("2"));
    QFile llamaConfig(QDir(llama).filePath(QStringLiteral("config.json")));
    QVERIFY(llamaConfig.open(QIODevice::WriteOnly));
    llamaConfig.write(R"({"architectures": ["LlamaForCausalLM"], "model_type": "llama"})");
    llamaConfig.close();
}

void TestModelCatalog::findsCacheFromEnvironment() {
    qputenv("HF_HUB_CACHE", m_cache.path().toUtf8());
    QCOMPARE(HfModelCatalog::defaultCacheDirectory(), m_cache.path());
    qunsetenv("HF_HUB_CACHE");
    qputenv("HF_HOME", "/somewhere/hf");
    QCOMPARE(HfModelCatalog::defaultCacheDirectory(), QStringLiteral("/somewhere/hf/hub"));
    qunsetenv("HF_HOME");
    QCOMPARE(HfModelCatalog::defaultCacheDirectory(),
             QDir::home().filePath(QStringLiteral(".cache/huggingface/hub")));
    QCOMPARE(HfModelCatalog::repoIdOf(m_medgemma), QStringLiteral("google/medgemma-4b-it"));
}

void TestModelCatalog::discoversGemmaSnapshotsMedGemmaFirst() {
    qputenv("HF_HUB_CACHE", m_cache.path().toUtf8());
    const HfModelCatalog catalog;
    qunsetenv("HF_HUB_CACHE");
    const QStringList found = catalog.discover();
    QCOMPARE(found.size(), 2);
    QCOMPARE(found[0], QDir::cleanPath(m_medgemma));
    QVERIFY(found[1].contains(QStringLiteral("models--google--gemma-3-4b-it")));
    QCOMPARE(catalog.firstMedGemma(), QDir::cleanPath(m_medgemma));
}

void TestModelCatalog::describesTheFixture() {
    const HfModelCatalog catalog(m_cache.path());
    const ui::ModelSummary s = catalog.describe(m_medgemma);
    QVERIFY2(s.usable, qPrintable(s.problem));
    QVERIFY(s.fromCache);
    QCOMPARE(s.repoId, QStringLiteral("google/medgemma-4b-it"));
    QVERIFY(s.variant.startsWith(QStringLiteral("MedGemma")));
    QCOMPARE(s.architecture, QStringLiteral("Gemma3ForConditionalGeneration"));
    QCOMPARE(s.dtype, QStringLiteral("BF16"));
    QVERIFY(s.parameters > 1000000);
    QCOMPARE(s.fileBytes, quint64(33562776 + 1059816));
    QVERIFY(s.hasVision);
    QCOMPARE(s.tokensPerImage, 16);
    QCOMPARE(s.bfloat16.weights, s.parameters * 2);
    QCOMPARE(s.float32.weights, s.parameters * 4);
    QVERIFY(s.bfloat16.kvCache > 0 && s.bfloat16.activations > 0);
    QVERIFY(s.float32.total() > s.bfloat16.total());
    // Quantized weights as bench --plan computes them; the rest of the estimate is bf16's.
    QVERIFY(s.int8.weights < s.bfloat16.weights && s.int4.weights < s.int8.weights);
    QCOMPARE(s.int4.kvCache, s.bfloat16.kvCache);
    QCOMPARE(s.int4.activations, s.bfloat16.activations);
    // A config without weights is listed but cannot be used, with the reason.
    const ui::ModelSummary gemma = catalog.describe(catalog.discover().at(1));
    QVERIFY(!gemma.usable);
    QVERIFY(!gemma.problem.isEmpty());
    QVERIFY(catalog.runtime().ramAvailable > 0);
}

void TestModelCatalog::memoryEstimateCountsSlidingWindows() {
    inference::ModelConfig config;              // Gemma 3 4B defaults: 34 layers, 4 KV heads of 256
    config.vision = inference::VisionConfig{};  // SigLIP at 896 px: 4,096 patches
    config.text.layerTypes.assign(34, inference::LayerType::Sliding);
    for (int layer : {5, 11, 17, 23, 29}) {
        config.text.layerTypes[std::size_t(layer)] = inference::LayerType::Full;
    }
    const ui::MemoryEstimate m = app::estimateMemory(config, 4300000000ULL, 2, 8192);
    QCOMPARE(m.weights, quint64(8600000000ULL));
    // 2 x 4 x 256 x 2 bytes per position: 5 full layers of 8,192 and 29 windows of 1,024.
    QCOMPARE(m.kvCache, quint64(4096ULL * (5 * 8192 + 29 * 1024)));
    QVERIFY(m.activations > 1000000000ULL);  // the vision tower's attention alone is ~1.07 GB
}

void TestModelCatalog::startupPrefersTheRememberedModel() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    const HfModelCatalog catalog(m_cache.path());
    QCOMPARE(app::startupModelChoice(catalog).directory, QDir::cleanPath(m_medgemma));
    QTemporaryDir chosen;
    ui::ModelChoice remembered;
    remembered.directory = chosen.path();
    remembered.precision = ui::ModelPrecision::Float32;
    ui::rememberModelChoice(remembered);
    const ui::ModelChoice startup = app::startupModelChoice(catalog);
    QCOMPARE(startup.directory, chosen.path());
    QCOMPARE(startup.precision, ui::ModelPrecision::Float32);
    // A remembered folder that was deleted falls back to the cache.
    remembered.directory = chosen.path() + QStringLiteral("/gone");
    ui::rememberModelChoice(remembered);
    QCOMPARE(app::startupModelChoice(catalog).directory, QDir::cleanPath(m_medgemma));
    QSettings().clear();
}

void TestModelCatalog::loadsThroughTheDraftingService() {
    app::EngineDraftingService service;
    QSignalSpy states(&service, &ui::DraftingService::modelStateChanged);
    QSignalSpy progress(&service, &ui::DraftingService::loadProgress);
    ui::ModelChoice choice;
    choice.directory = m_medgemma;
    choice.precision = ui::ModelPrecision::Float32;
    service.loadModel(choice);
    QCOMPARE(service.modelState(), ui::ModelState::Loading);
    QTRY_VERIFY_WITH_TIMEOUT(service.modelState() != ui::ModelState::Loading, 60000);
    QCOMPARE(service.modelState(), ui::ModelState::Ready);
    QVERIFY(progress.count() >= 2);
    QCOMPARE(progress.last().at(0).toDouble(), 1.0);
    QVERIFY(service.modelDescription().contains(QStringLiteral("float32")));
    QCOMPARE(service.tokensPerImage(), 16 + 4);
    QVERIFY(service.contextLength() > 0);

    ui::DraftRequest request;
    ui::DraftTurn turn;
    turn.items << ui::DraftItem{ui::DraftItem::Kind::Image, {}, 0}
               << ui::DraftItem{ui::DraftItem::Kind::Text, QStringLiteral("Describe."), -1};
    request.turns << turn;
    request.images << ui::DraftImage{};
    request.images[0].rgb = QImage(32, 32, QImage::Format_RGB888);
    request.images[0].rgb.fill(Qt::gray);
    request.sampling.maxNewTokens = 4;
    QSignalSpy counted(&service, &ui::DraftingService::tokenCountReady);
    const int countId = service.requestTokenCount(request);
    QVERIFY(countId > 0);
    QTRY_COMPARE_WITH_TIMEOUT(counted.count(), 1, 30000);
    QCOMPARE(counted[0][0].toInt(), countId);
    QVERIFY(counted[0][1].toInt() > 16);  // the image block and the text

    QSignalSpy finished(&service, &ui::DraftingService::finished);
    const int id = service.startDraft(request);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(finished[0][0].toInt(), id);
    QVERIFY(finished[0][2].value<ui::DraftStats>().promptTokens == counted[0][1].toInt());
}

void TestModelCatalog::cancelledLoadEndsWithNoModel() {
    app::EngineDraftingService service;
    QList<ui::ModelState> seen;
    connect(&service, &ui::DraftingService::modelStateChanged, this,
            [&](ui::ModelState state) { seen << state; });
    ui::ModelChoice choice;
    choice.directory = m_medgemma;
    service.loadModel(choice);
    service.cancelLoad();
    QCOMPARE(service.modelState(), ui::ModelState::None);
    QCOMPARE(service.requestTokenCount({}), 0);
    // A later load works, and the cancelled one never reports Ready in between.
    service.loadModel(choice);
    QTRY_VERIFY_WITH_TIMEOUT(service.modelState() != ui::ModelState::Loading, 60000);
    QCOMPARE(service.modelState(), ui::ModelState::Ready);
    QCOMPARE(seen, (QList<ui::ModelState>{ui::ModelState::Loading, ui::ModelState::None,
                                          ui::ModelState::Loading, ui::ModelState::Ready}));
}

QTEST_GUILESS_MAIN(TestModelCatalog)
#include "test_model_catalog.moc"
