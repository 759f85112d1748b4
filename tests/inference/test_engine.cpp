// The public Engine on the fixture checkpoint with the real Gemma 3 tokenizer: model info,
// prompt ids, streamed text (in order, whole UTF-8 characters, equal to the final text), stop by
// flag and by callback keeping the partial text, and clean errors for impossible requests and
// damaged model folders.
#include <QtTest>

#include <QFile>

#include "common/model_fixture.h"
#include "inference/cuda_driver.h"
#include "inference/engine.h"
#include "inference/runtime_info.h"

using namespace inference;

namespace {

bool validUtf8(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size())).toUtf8() ==
           QByteArray(s.data(), qsizetype(s.size()));
}

Request chat(const std::string& text, int maxNewTokens, int images = 0) {
    Request r;
    ChatMessage user{ChatRole::User, {}};
    for (int i = 0; i < images; ++i) {
        user.items.push_back(ChatItem::makeImage());
    }
    user.items.push_back(ChatItem::makeText(text));
    r.messages = {user};
    r.maxNewTokens = maxNewTokens;
    return r;
}

ImageInput greyImage(int width, int height) {
    ImageInput image{width, height, 3, std::vector<std::uint8_t>(std::size_t(width) * height * 3)};
    for (std::size_t i = 0; i < image.pixels.size(); ++i) {
        image.pixels[i] = std::uint8_t((i * 7) % 251);
    }
    return image;
}

}  // namespace

class TestEngine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void describesTheModel();
    void chatPromptHasOneBosAndImageBlocks();
    void streamsWholeCharactersInOrder();
    void stopFlagKeepsPartialText();
    void callbackCanStop();
    void sameSeedSameText();
    void impossibleRequestsFail_data();
    void impossibleRequestsFail();
    void damagedModelFolderFails_data();
    void damagedModelFolderFails();
    void gpuRequestWithoutAGpu();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_engine;
};

void TestEngine::initTestCase() {
    QVERIFY(testutil::linkModelDirectory(m_dir));
    LoadOptions options;
    options.directory = m_dir.path().toStdString();
    options.precision = Precision::Float32;
    options.threads = 2;
    auto engine = Engine::load(options);
    QVERIFY2(engine, engine ? "" : engine.error().message.c_str());
    m_engine = std::move(engine).value();
}

void TestEngine::describesTheModel() {
    const ModelInfo& info = m_engine->info();
    QVERIFY(info.hasVision);
    QVERIFY(info.hasTokenizer);
    QCOMPARE(info.tokensPerImage, std::int64_t(16));
    QCOMPARE(info.imageSize, std::int64_t(224));
    QVERIFY(info.contextLength >= 4096);
    QCOMPARE(info.weightFiles.size(), std::size_t(2));
    QCOMPARE(info.precision, std::string("float32"));
    QVERIFY(info.parameterCount > 17000000 && info.parameterCount < 18000000);
}

void TestEngine::chatPromptHasOneBosAndImageBlocks() {
    Request r = chat("Describe.", 1, 2);
    auto ids = m_engine->promptIds(r);
    QVERIFY(ids);
    QCOMPARE(std::count(ids->begin(), ids->end(), 2), std::ptrdiff_t(1));
    QCOMPARE(ids->front(), 2);
    QCOMPARE(std::count(ids->begin(), ids->end(), 262144), std::ptrdiff_t(32));
    QCOMPARE(std::count(ids->begin(), ids->end(), 255999), std::ptrdiff_t(2));
    // Back-to-back images: the newline runs between them merge into one token (110).
    const auto eoi = std::find(ids->begin(), ids->end(), 256000);
    QCOMPARE(*(eoi + 1), 110);
    QCOMPARE(*(eoi + 2), 255999);
    const std::vector<std::int32_t> tail(ids->end() - 5, ids->end());
    QCOMPARE(tail, (std::vector<std::int32_t>{106, 107, 105, 4368, 107}));
}

void TestEngine::streamsWholeCharactersInOrder() {
    Request r = chat("Escreva um laudo em português com acentuação e 中文.", 40, 1);
    r.images = {greyImage(300, 200)};
    std::string streamed;
    int chunks = 0;
    std::atomic<bool> stop{false};
    auto out = m_engine->generate(
        r,
        [&](std::string_view chunk) {
            if (!validUtf8(chunk)) {
                qWarning("chunk is not whole UTF-8");
                return false;
            }
            streamed += chunk;
            ++chunks;
            return true;
        },
        {}, stop);
    QVERIFY2(out, out ? "" : out.error().message.c_str());
    QVERIFY(chunks > 0);
    QCOMPARE(streamed, out->text);
    QVERIFY(out->reason != StopReason::Stopped);
    QVERIFY(out->stats.generatedTokens > 0);
    QCOMPARE(out->stats.images, std::int64_t(1));
    QVERIFY(out->stats.promptTokens == std::int64_t(out->promptIds.size()));
}

void TestEngine::stopFlagKeepsPartialText() {
    std::atomic<bool> stop{false};
    int chunks = 0;
    auto out = m_engine->generate(
        chat("Write a very long report.", 100000),
        [&](std::string_view) {
            if (++chunks == 3) {
                stop.store(true);  // as the GUI thread would, between two tokens
            }
            return true;
        },
        {}, stop);
    QVERIFY(out);
    QCOMPARE(out->reason, StopReason::Stopped);
    QVERIFY(!out->text.empty());
    QVERIFY(out->stats.generatedTokens < 10);
}

void TestEngine::callbackCanStop() {
    std::atomic<bool> stop{false};
    auto out = m_engine->generate(chat("Hello", 1000), [](std::string_view) { return false; }, {},
                                  stop);
    QVERIFY(out);
    QCOMPARE(out->reason, StopReason::Stopped);
    QCOMPARE(out->stats.generatedTokens, std::int64_t(1));
}

void TestEngine::sameSeedSameText() {
    Request r = chat("Sample something.", 12);
    r.sampling.temperature = 0.9;
    r.sampling.topK = 50;
    r.sampling.topP = 0.9;
    r.sampling.seed = 1234;
    std::atomic<bool> stop{false};
    auto a = m_engine->generate(r, {}, {}, stop);
    auto b = m_engine->generate(r, {}, {}, stop);
    r.sampling.seed = 99;
    auto c = m_engine->generate(r, {}, {}, stop);
    QVERIFY(a && b && c);
    QCOMPARE(a->tokens, b->tokens);
    QVERIFY(a->tokens != c->tokens);
}

void TestEngine::impossibleRequestsFail_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("code");
    QTest::newRow("image slots without images") << 0 << int(ErrorCode::InvalidRequest);
    QTest::newRow("images without slots") << 1 << int(ErrorCode::InvalidRequest);
    QTest::newRow("too long") << 2 << int(ErrorCode::ContextTooLong);
    QTest::newRow("id out of vocabulary") << 3 << int(ErrorCode::InvalidRequest);
    QTest::newRow("empty image") << 4 << int(ErrorCode::InvalidRequest);
    QTest::newRow("alternation") << 5 << int(ErrorCode::InvalidRequest);
}

void TestEngine::impossibleRequestsFail() {
    QFETCH(int, kind);
    QFETCH(int, code);
    Request r = chat("x", 4);
    switch (kind) {
        case 0: r = chat("x", 4, 1); break;
        case 1: r.images = {greyImage(10, 10)}; break;
        case 2: r.maxNewTokens = m_engine->info().contextLength; break;
        case 3: r.kind = Request::Kind::Ids; r.ids = {2, 300000}; break;
        case 4: r = chat("x", 4, 1); r.images = {ImageInput{}}; break;
        case 5: r.messages.push_back(r.messages.front()); break;
    }
    std::atomic<bool> stop{false};
    auto out = m_engine->generate(r, {}, {}, stop);
    QVERIFY(!out);
    QCOMPARE(int(out.error().code), code);
    QVERIFY(!out.error().message.empty());
}

void TestEngine::damagedModelFolderFails_data() {
    QTest::addColumn<QString>("damage");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("truncated shard") << "truncate" << int(ErrorCode::InvalidFile)
                                     << "model-00002-of-00002.safetensors";
    QTest::newRow("no config") << "noconfig" << int(ErrorCode::FileNotFound) << "config.json";
    QTest::newRow("wrong config") << "badconfig" << int(ErrorCode::ShapeMismatch)
                                  << "embed_tokens";
}

void TestEngine::damagedModelFolderFails() {
    QFETCH(QString, damage);
    QFETCH(int, code);
    QFETCH(QString, mentions);
    QTemporaryDir dir;
    const QDir fixture(QStringLiteral(MEDGEMMA_TEST_FIXTURES "/tiny-medgemma"));
    for (const QString& name : fixture.entryList(QDir::Files)) {
        QVERIFY(QFile::copy(fixture.filePath(name), dir.filePath(name)));
        QFile(dir.filePath(name)).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    if (damage == QLatin1String("truncate")) {
        QFile shard(dir.filePath(QStringLiteral("model-00002-of-00002.safetensors")));
        QVERIFY(shard.resize(shard.size() / 2));
    } else if (damage == QLatin1String("noconfig")) {
        QVERIFY(QFile::remove(dir.filePath(QStringLiteral("config.json"))));
    } else {
        QFile config(dir.filePath(QStringLiteral("config.json")));
        QVERIFY(config.open(QIODevice::ReadOnly));
        QByteArray text = config.readAll();
        config.close();
        text.replace("\"hidden_size\": 64", "\"hidden_size\": 128");
        QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
        config.write(text);
    }
    LoadOptions options;
    options.directory = dir.path().toStdString();
    auto engine = Engine::load(options);
    QVERIFY(!engine);
    QCOMPARE(int(engine.error().code), code);
    QVERIFY2(QString::fromStdString(engine.error().message).contains(mentions),
             engine.error().message.c_str());
    QVERIFY(!describeError(engine.error()).empty());
}

QTEST_APPLESS_MAIN(TestEngine)
// Without CUDA in this libtorch a GPU request is refused with a clear error, not a crash, and
// the driver query answers "unknown" or a consistent pair of sizes.
void TestEngine::gpuRequestWithoutAGpu() {
    const std::optional<DeviceMemory> memory = cudaDeviceMemory();
    if (memory) {
        QVERIFY(memory->totalBytes > 0 && memory->freeBytes <= memory->totalBytes);
    }
    if (cudaAvailable()) {
        QSKIP("this libtorch has CUDA and a device: the GPU path is checked by the golden tools");
    }
    LoadOptions options;
    options.directory = m_dir.path().toStdString();
    options.device = Device::Cuda;
    auto engine = Engine::load(options);
    QVERIFY(!engine);
    QCOMPARE(engine.error().code, ErrorCode::DeviceUnavailable);
    QVERIFY(describeError(engine.error()).find("use the CPU") != std::string::npos);
}

#include "test_engine.moc"
