// InferenceWorker on its own thread with the real engine and the tiny fixture checkpoint:
// loading, streamed chunks in order and before `finished`, stop mid-stream and before start,
// failures as signals, and the frame-rate text batching.
#include <QtTest>

#include <QThread>

#include "app/core/inference_worker.h"
#include "app/core/text_batcher.h"
#include "common/model_fixture.h"

using app::InferenceWorker;

class TestInferenceWorker : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void batcherHoldsTextUntilAFrameHasPassed();
    void loadsTheFixtureModel();
    void streamsChunksThenFinishes();
    void stopEndsARunningRequest();
    void stopBeforeStartEndsAtOnce();
    void badModelFolderFailsCleanly();

private:
    inference::Request request(int maxNewTokens) const;
    void load(const QString& directory);

    QTemporaryDir m_modelDir;
    QThread m_thread;
    InferenceWorker* m_worker = nullptr;
};

void TestInferenceWorker::initTestCase() {
    QVERIFY(testutil::linkModelDirectory(m_modelDir));
    m_worker = new InferenceWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

void TestInferenceWorker::cleanupTestCase() {
    m_worker->requestStop(0);
    m_thread.quit();
    m_thread.wait();
}

inference::Request TestInferenceWorker::request(int maxNewTokens) const {
    inference::Request r;
    r.messages = {inference::ChatMessage::fromText(inference::ChatRole::User,
                                                   "Describe the findings.")};
    r.maxNewTokens = maxNewTokens;
    return r;
}

void TestInferenceWorker::load(const QString& directory) {
    inference::LoadOptions options;
    options.directory = directory.toStdString();
    options.precision = inference::Precision::Float32;
    QMetaObject::invokeMethod(m_worker, [w = m_worker, options] { w->load(options); },
                              Qt::QueuedConnection);
}

void TestInferenceWorker::batcherHoldsTextUntilAFrameHasPassed() {
    app::TextBatcher batcher(1000, 10);
    QCOMPARE(batcher.add(QStringLiteral("abc")), QString());
    QCOMPARE(batcher.add(QStringLiteral("defgh")), QString());
    QCOMPARE(batcher.add(QStringLiteral("ijk")), QStringLiteral("abcdefghijk"));  // size cap
    QCOMPARE(batcher.add(QStringLiteral("x")), QString());
    QCOMPARE(batcher.flush(), QStringLiteral("x"));
    QCOMPARE(batcher.flush(), QString());
    app::TextBatcher timed(20, 1000);
    QCOMPARE(timed.add(QStringLiteral("a")), QString());
    QTest::qWait(30);
    QCOMPARE(timed.add(QStringLiteral("b")), QStringLiteral("ab"));
}

void TestInferenceWorker::loadsTheFixtureModel() {
    QSignalSpy loaded(m_worker, &InferenceWorker::loaded);
    QSignalSpy failed(m_worker, &InferenceWorker::loadFailed);
    load(m_modelDir.path());
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count() + failed.count(), 1, 60000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed[0][0].toString()));
    QCOMPARE(loaded[0][2].toInt(), 16);  // mm_tokens_per_image of the fixture
    QVERIFY(loaded[0][1].toInt() > 0);
}

void TestInferenceWorker::streamsChunksThenFinishes() {
    QStringList order;
    QString text;
    connect(m_worker, &InferenceWorker::textChunk, this, [&](int id, const QString& chunk) {
        QCOMPARE(id, 7);
        order << QStringLiteral("chunk");
        text += chunk;
    });
    QSignalSpy finished(m_worker, &InferenceWorker::finished);
    connect(m_worker, &InferenceWorker::finished, this, [&] { order << QStringLiteral("end"); });
    const auto r = request(24);
    QMetaObject::invokeMethod(m_worker, [w = m_worker, r] { w->generate(7, r); },
                              Qt::QueuedConnection);
    // The spy counts in the worker's thread; the lambdas run here, from queued events. Wait
    // for the last of those, so that none is still pending (and none is lost) at disconnect.
    QTRY_COMPARE_WITH_TIMEOUT(order.count(QStringLiteral("end")), 1, 60000);
    disconnect(m_worker, nullptr, this, nullptr);
    QCOMPARE(finished.count(), 1);
    QVERIFY(!text.isEmpty());
    QCOMPARE(order.last(), QStringLiteral("end"));
    QVERIFY(order.count(QStringLiteral("chunk")) >= 1);
    const auto stats = finished[0][2].value<app::EngineStatsSummary>();
    QCOMPARE(finished[0][0].toInt(), 7);
    QVERIFY(stats.generatedTokens > 0 && stats.generatedTokens <= 24);
    QVERIFY(stats.promptTokens > 5);
}

void TestInferenceWorker::stopEndsARunningRequest() {
    QSignalSpy chunks(m_worker, &InferenceWorker::textChunk);
    QSignalSpy finished(m_worker, &InferenceWorker::finished);
    const auto r = request(100000);  // far more than the test would wait for
    QMetaObject::invokeMethod(m_worker, [w = m_worker, r] { w->generate(8, r); },
                              Qt::QueuedConnection);
    QTRY_VERIFY_WITH_TIMEOUT(m_worker->isBusy() && chunks.count() > 0, 60000);
    m_worker->requestStop(8);  // from this (the GUI) thread, without the worker's event loop
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QCOMPARE(finished[0][1].toInt(), 2);  // stopped
    QVERIFY(!m_worker->isBusy());
}

void TestInferenceWorker::stopBeforeStartEndsAtOnce() {
    QSignalSpy chunks(m_worker, &InferenceWorker::textChunk);
    QSignalSpy finished(m_worker, &InferenceWorker::finished);
    m_worker->requestStop(9);
    const auto r = request(50);
    QMetaObject::invokeMethod(m_worker, [w = m_worker, r] { w->generate(9, r); },
                              Qt::QueuedConnection);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished[0][1].toInt(), 2);
    QCOMPARE(chunks.count(), 0);
}

void TestInferenceWorker::badModelFolderFailsCleanly() {
    QTemporaryDir empty;
    QSignalSpy failedLoad(m_worker, &InferenceWorker::loadFailed);
    load(empty.path());
    QTRY_COMPARE_WITH_TIMEOUT(failedLoad.count(), 1, 30000);
    QVERIFY(failedLoad[0][0].toString().contains(QStringLiteral("config.json")));
    QSignalSpy failed(m_worker, &InferenceWorker::failed);
    const auto r = request(5);
    QMetaObject::invokeMethod(m_worker, [w = m_worker, r] { w->generate(10, r); },
                              Qt::QueuedConnection);
    QTRY_COMPARE(failed.count(), 1);
    QCOMPARE(failed[0][0].toInt(), 10);
}

QTEST_GUILESS_MAIN(TestInferenceWorker)
#include "test_inference_worker.moc"
