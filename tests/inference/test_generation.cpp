// Generation through the real KV-cache path (prefill, then one-token decode steps), float32:
// greedy tokens equal the goldens, cached decoding equals full recomputation far beyond the
// sliding windows, chunked prefill equals a single pass, seeded sampling is reproducible, and
// the stop flag, callback, stop ids and context limit end generation as documented.

#include <QtTest>

#include <chrono>
#include <thread>

#include <ATen/ATen.h>

#include "forward_test_support.h"
#include "inference/generation.h"

using namespace inference;

namespace {

std::shared_ptr<const Model> model32(const QString& checkpoint) {
    return fwdtest::model(checkpoint, ComputeType::Float32);
}

PromptInput goldenPrompt(const QString& checkpoint, const QString& caseName) {
    return fwdtest::promptWithOwnPixels(checkpoint, fwdtest::goldenCase(checkpoint, caseName));
}

std::int64_t topId(const at::Tensor& logits) {
    return logits.argmax().item<std::int64_t>();
}

}  // namespace

class GenerationTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void greedyMatchesGolden_data();
    void greedyMatchesGolden();
    void cacheMatchesRecomputation_data();
    void cacheMatchesRecomputation();
    void samplingIsReproducible();
    void stopFlagCancelsBeforeWork();
    void stopFlagCancelsBetweenSteps();
    void stopFlagIsHonouredPromptly();
    void callbackEndsGeneration();
    void stopTokenEndsGeneration();
    void rejectsBadRequests();
};

void GenerationTest::greedyMatchesGolden_data() {
    QTest::addColumn<QString>("checkpoint");
    QTest::addColumn<QString>("caseName");
    for (const QString& checkpoint : fwdtest::checkpointNames()) {
        for (const fwdtest::GoldenCase& c : fwdtest::goldenCases(checkpoint)) {
            QTest::newRow(qPrintable(checkpoint + QLatin1Char('/') + c.name))
                << checkpoint << c.name;
        }
    }
}

// The goldens are 20 greedy tokens by full recomputation; here they come from the cache.
void GenerationTest::greedyMatchesGolden() {
    QFETCH(QString, checkpoint);
    QFETCH(QString, caseName);
    const fwdtest::GoldenCase golden = fwdtest::goldenCase(checkpoint, caseName);
    Session session(model32(checkpoint));
    GenerationOptions options;
    options.maxNewTokens = static_cast<std::int64_t>(golden.greedy.size());
    options.prefillChunkTokens = 8;  // several chunks, image blocks kept whole
    std::vector<std::int64_t> streamed;
    const StopFlag stop{false};
    auto output = generate(
        session, fwdtest::promptWithOwnPixels(checkpoint, golden), options,
        [&](std::int64_t id) {
            streamed.push_back(id);
            return true;
        },
        stop);
    QVERIFY2(output.ok(), output.ok() ? "" : output.error().message.c_str());
    QCOMPARE(output->tokens, golden.greedy);
    QCOMPARE(streamed, golden.greedy);
    QCOMPARE(output->finish, FinishReason::MaxTokens);
    QCOMPARE(session.stats().generatedTokens, options.maxNewTokens);
    QCOMPARE(session.stats().promptTokens, static_cast<std::int64_t>(golden.ids.size()));
}

void GenerationTest::cacheMatchesRecomputation_data() {
    QTest::addColumn<QString>("checkpoint");
    QTest::addColumn<QString>("caseName");
    QTest::addColumn<int>("steps");
    QTest::addColumn<int>("chunk");
    // Window 16: 72 prompt tokens + 120 steps cover 12 windows of ring wrap-around.
    QTest::newRow("tiny-medgemma/text_only")
        << QStringLiteral("tiny-medgemma") << QStringLiteral("text_only") << 120 << 512;
    QTest::newRow("tiny-medgemma/two_images, chunks of 5")
        << QStringLiteral("tiny-medgemma") << QStringLiteral("two_images") << 110 << 5;
    QTest::newRow("tiny-medgemma-b/one_image, chunks of 30")
        << QStringLiteral("tiny-medgemma-b") << QStringLiteral("one_image") << 100 << 30;
}

// Every decode step's logits against a fresh full forward over the whole sequence so far.
// Both are float32; they differ only in summation order (measured max |diff| ~1e-5).
void GenerationTest::cacheMatchesRecomputation() {
    QFETCH(QString, checkpoint);
    QFETCH(QString, caseName);
    QFETCH(int, steps);
    QFETCH(int, chunk);
    const auto model = model32(checkpoint);
    PromptInput prompt = goldenPrompt(checkpoint, caseName);
    const StopFlag stop{false};
    PrefillOptions options;
    options.chunkTokens = chunk;
    KvCache cache;
    cache.reset(model->config().text, model->scalarType(),
                static_cast<std::int64_t>(prompt.ids.size()) + steps);
    const at::Tensor features = encodePromptImages(*model, prompt, stop, options).value();
    at::Tensor cached = prefill(*model, cache, prompt, features, stop, options).value()[0];
    double worst = 0.0;
    for (int step = 0; step <= steps; ++step) {
        const at::Tensor full = forwardLogits(*model, prompt, stop, 1).value()[0];
        worst = std::max(worst, fwdtest::maxAbsDiff(cached, full));
        QCOMPARE(topId(cached), topId(full));
        if (step == steps) {
            break;
        }
        prompt.ids.push_back(topId(cached));
        cached = decodeStep(*model, cache, prompt.ids.back(), stop).value();
    }
    qInfo("%d decode steps past %lld prompt tokens (window %lld): max |logit diff| %.3g", steps,
          static_cast<long long>(prompt.ids.size() - steps),
          static_cast<long long>(model->config().text.slidingWindow), worst);
    QVERIFY(worst <= 1e-4);
}

void GenerationTest::samplingIsReproducible() {
    Session session(model32(QStringLiteral("tiny-medgemma")));
    const PromptInput prompt =
        goldenPrompt(QStringLiteral("tiny-medgemma"), QStringLiteral("one_image"));
    GenerationOptions options;
    options.maxNewTokens = 30;
    options.sampling.temperature = 1.0;
    options.sampling.topK = 64;
    options.sampling.topP = 0.95;
    options.sampling.minP = 0.01;
    options.sampling.repetitionPenalty = 1.1;
    const StopFlag stop{false};
    const auto run = [&](std::uint64_t seed) {
        options.sampling.seed = seed;
        return generate(session, prompt, options, {}, stop).value().tokens;
    };
    const std::vector<std::int64_t> first = run(1234);
    QCOMPARE(run(1234), first);
    QVERIFY(run(1235) != first);
    // top-k 1 leaves only the argmax: sampling then equals greedy.
    options.sampling = SamplingParams{1.0, 1, 1.0, 0.0, 1.0, 99};
    options.maxNewTokens = 20;
    QCOMPARE(
        run(99),
        fwdtest::goldenCase(QStringLiteral("tiny-medgemma"), QStringLiteral("one_image")).greedy);
}

void GenerationTest::stopFlagCancelsBeforeWork() {
    Session session(model32(QStringLiteral("tiny-medgemma")));
    const StopFlag stop{true};
    for (const QString& caseName : {QStringLiteral("text_only"), QStringLiteral("one_image")}) {
        auto output = generate(session, goldenPrompt(QStringLiteral("tiny-medgemma"), caseName),
                               GenerationOptions{}, {}, stop);
        QVERIFY(!output.ok());
        QCOMPARE(output.error().code, ErrorCode::Cancelled);
    }
}

void GenerationTest::stopFlagCancelsBetweenSteps() {
    Session session(model32(QStringLiteral("tiny-medgemma")));
    StopFlag stop{false};
    std::vector<std::int64_t> streamed;
    GenerationOptions options;
    options.maxNewTokens = 50;
    auto output = generate(
        session, goldenPrompt(QStringLiteral("tiny-medgemma"), QStringLiteral("text_only")),
        options,
        [&](std::int64_t id) {
            streamed.push_back(id);
            if (streamed.size() == 3) {
                stop = true;
            }
            return true;
        },
        stop);
    QVERIFY(!output.ok());
    QCOMPARE(output.error().code, ErrorCode::Cancelled);
    QCOMPARE(streamed.size(), std::size_t{3});
}

// A second thread sets the flag while tokens stream; the call must return within 200 ms.
void GenerationTest::stopFlagIsHonouredPromptly() {
    Session session(model32(QStringLiteral("tiny-medgemma-b")));
    StopFlag stop{false};
    std::atomic<int> produced{0};
    std::chrono::steady_clock::time_point setAt;
    std::thread stopper([&] {
        while (produced.load() < 5) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        setAt = std::chrono::steady_clock::now();
        stop = true;
    });
    GenerationOptions options;
    options.maxNewTokens = 100000;
    options.contextLimit = 200000;
    auto output = generate(
        session, goldenPrompt(QStringLiteral("tiny-medgemma-b"), QStringLiteral("two_images")),
        options,
        [&](std::int64_t) {
            ++produced;
            return true;
        },
        stop);
    const auto returnedAt = std::chrono::steady_clock::now();
    stopper.join();
    QCOMPARE(output.error().code, ErrorCode::Cancelled);
    const double latency = std::chrono::duration<double>(returnedAt - setAt).count();
    qInfo("stop honoured %.1f ms after the flag was set", latency * 1e3);
    QVERIFY(latency < 0.2);
}

void GenerationTest::callbackEndsGeneration() {
    Session session(model32(QStringLiteral("tiny-medgemma")));
    const StopFlag stop{false};
    int calls = 0;
    auto output = generate(
        session, goldenPrompt(QStringLiteral("tiny-medgemma"), QStringLiteral("text_only")),
        GenerationOptions{}, [&](std::int64_t) { return ++calls < 4; }, stop);
    QCOMPARE(output->finish, FinishReason::Callback);
    QCOMPARE(output->tokens.size(), std::size_t{4});
}

void GenerationTest::stopTokenEndsGeneration() {
    const fwdtest::GoldenCase golden =
        fwdtest::goldenCase(QStringLiteral("tiny-medgemma"), QStringLiteral("text_only"));
    Session session(model32(QStringLiteral("tiny-medgemma")));
    GenerationOptions options;
    options.stopTokenIds = {1, golden.greedy[5]};  // first seen at index 5
    std::vector<std::int64_t> streamed;
    const StopFlag stop{false};
    auto output = generate(
        session, fwdtest::promptWithOwnPixels(QStringLiteral("tiny-medgemma"), golden), options,
        [&](std::int64_t id) {
            streamed.push_back(id);
            return true;
        },
        stop);
    QCOMPARE(output->finish, FinishReason::StopToken);
    QCOMPARE(output->tokens,
             std::vector<std::int64_t>(golden.greedy.begin(), golden.greedy.begin() + 6));
    QCOMPARE(streamed.size(), std::size_t{5});  // the stop id is not streamed
}

void GenerationTest::rejectsBadRequests() {
    Session session(model32(QStringLiteral("tiny-medgemma")));
    const StopFlag stop{false};
    PromptInput prompt = goldenPrompt(QStringLiteral("tiny-medgemma"), QStringLiteral("one_image"));
    GenerationOptions options;
    options.contextLimit = static_cast<std::int64_t>(prompt.ids.size()) + 10;
    options.maxNewTokens = 11;
    QCOMPARE(generate(session, prompt, options, {}, stop).error().code, ErrorCode::ContextTooLong);
    PromptInput noImage = prompt;
    noImage.pixelValues = at::Tensor();
    QCOMPARE(generate(session, noImage, GenerationOptions{}, {}, stop).error().code,
             ErrorCode::InvalidRequest);
    PromptInput wrongSize = prompt;
    wrongSize.pixelValues = at::zeros({1, 3, 100, 100});
    QCOMPARE(generate(session, wrongSize, GenerationOptions{}, {}, stop).error().code,
             ErrorCode::InvalidRequest);
    PromptInput badId = prompt;
    badId.ids[3] = model32(QStringLiteral("tiny-medgemma"))->config().text.vocabSize;
    QCOMPARE(generate(session, badId, GenerationOptions{}, {}, stop).error().code,
             ErrorCode::InvalidRequest);
}

QTEST_APPLESS_MAIN(GenerationTest)
#include "test_generation.moc"
