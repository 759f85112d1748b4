// Provenance of drafts made with the real engine on the fixture checkpoint: the weight files'
// SHA-256 computed in the background once and cached by path, size and time; a finished draft
// carrying model, precision, device, the rendered prompt, template, sampling, inputs, version
// and times; and the inference's audit line.
#include <QtTest>

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QStandardPaths>

#include "app/core/about.h"
#include "app/core/engine_drafting_service.h"
#include "app/core/engine_run_facts.h"
#include "app/core/weight_digests.h"
#include "common/model_fixture.h"
#include "ui/report/audit_log.h"
#include "ui/report/report_provenance.h"

namespace {

QString directSha256(const QString& path) {
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return QString::fromLatin1(hash.result().toHex());
}

void writeRandomFile(const QString& path, int bytes) {
    QByteArray data(bytes, Qt::Uninitialized);
    QRandomGenerator(42).fillRange(reinterpret_cast<quint32*>(data.data()), bytes / 4);
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(data);
}

ui::DraftRequest describeRequest() {
    ui::DraftRequest request;
    request.systemPrompt = QStringLiteral("You are an expert radiologist.");
    ui::DraftTurn turn;
    turn.items << ui::DraftItem{ui::DraftItem::Kind::Image, {}, 0}
               << ui::DraftItem{ui::DraftItem::Kind::Text, QStringLiteral("Describe."), -1};
    request.turns << turn;
    ui::DraftImage image;
    image.rgb = QImage(32, 32, QImage::Format_RGB888);
    image.rgb.fill(Qt::gray);
    image.sopInstanceUid = QStringLiteral("2.25.42");
    image.frame = 2;
    image.region = QRect(1, 2, 30, 28);
    image.recipe = QStringLiteral("projection, padded to square");
    request.images << image;
    request.sampling.maxNewTokens = 4;
    request.sampling.seed = 7;
    request.templateName = QStringLiteral("cxr-report v1");
    return request;
}

}  // namespace

class TestProvenance : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void digestsAreComputedOnceAndCached();
    void draftCarriesProvenanceAndIsAudited();
    void quantizedWeightsAreRecorded();

private:
    QTemporaryDir m_dir;
};

void TestProvenance::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QFile::remove(ui::AuditLog::defaultPath());
    QFile::remove(app::WeightDigestCache::defaultCacheFile());
}

void TestProvenance::digestsAreComputedOnceAndCached() {
    const QString weights = m_dir.filePath(QStringLiteral("model.safetensors"));
    writeRandomFile(weights, 12 * 1024 * 1024 + 4);  // crosses the hash's block size
    const QString cacheFile = m_dir.filePath(QStringLiteral("digests.json"));
    const QString expected = directSha256(weights);
    {
        app::WeightDigestCache cache(cacheFile);
        QCOMPARE(cache.digests({weights})[0].sha256, QString());
        QSignalSpy ready(&cache, &app::WeightDigestCache::digestReady);
        cache.prepare({weights});
        QVERIFY(cache.isHashing());
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 30000);
        QCOMPARE(ready[0][0].value<ui::WeightDigest>().sha256, expected);
        QCOMPARE(cache.digests({weights})[0].bytes, QFileInfo(weights).size());
    }
    app::WeightDigestCache again(cacheFile);  // a later start: known without reading the file
    QCOMPARE(again.digests({weights})[0].sha256, expected);
    again.prepare({weights});
    QVERIFY(!again.isHashing());

    QFile file(weights);  // replaced in place: same size, new time -> hashed again
    QVERIFY(file.open(QIODevice::ReadWrite));
    file.write("changed");
    file.setFileTime(QDateTime::currentDateTime().addSecs(60), QFileDevice::FileModificationTime);
    file.close();
    QCOMPARE(again.digests({weights})[0].sha256, QString());
    QSignalSpy ready(&again, &app::WeightDigestCache::digestReady);
    again.prepare({weights});
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 30000);
    QCOMPARE(again.digests({weights})[0].sha256, directSha256(weights));
}

void TestProvenance::draftCarriesProvenanceAndIsAudited() {
    QTemporaryDir model;
    QVERIFY(testutil::linkModelDirectory(model));
    app::EngineDraftingService service;
    ui::ModelChoice choice;
    choice.directory = model.path();
    choice.precision = ui::ModelPrecision::Float32;
    service.loadModel(choice);
    QTRY_VERIFY_WITH_TIMEOUT(service.modelState() != ui::ModelState::Loading, 60000);
    QCOMPARE(service.modelState(), ui::ModelState::Ready);

    QString streamed;
    connect(&service, &ui::DraftingService::textChunk, this,
            [&](int, const QString& t) { streamed += t; });
    QSignalSpy finished(&service, &ui::DraftingService::finished);
    QSignalSpy lateDigests(&service, &ui::DraftingService::weightDigestsReady);
    const int id = service.startDraft(describeRequest());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    const ui::DraftStats stats = finished[0][2].value<ui::DraftStats>();
    const ui::DraftProvenance& p = stats.provenance;
    QVERIFY(!p.modelVariant.isEmpty());
    QCOMPARE(p.modelId, QFileInfo(model.path()).fileName());
    QCOMPARE(p.dtype, QStringLiteral("float32"));
    QCOMPARE(p.device, QStringLiteral("cpu"));
    QVERIFY2(p.renderedPrompt.startsWith(
                 QStringLiteral("<bos><start_of_turn>user\nYou are an expert radiologist.\n\n"
                                "<start_of_image>Describe.<end_of_turn>\n")),
             qPrintable(p.renderedPrompt));
    QVERIFY(p.renderedPrompt.endsWith(QStringLiteral("<start_of_turn>model\n")));
    QCOMPARE(p.templateName, QStringLiteral("cxr-report v1"));
    QCOMPARE(p.sampling.seed, quint64(7));
    QCOMPARE(p.images.size(), 1);
    QCOMPARE(p.images[0].region, QRect(1, 2, 30, 28));
    QCOMPARE(p.applicationVersion, app::applicationVersion());
    QVERIFY(p.started.isValid() && p.started <= p.finished);
    QCOMPARE(p.weights.size(), 2);
    for (const ui::WeightDigest& w : p.weights) {
        QVERIFY(w.path.endsWith(QStringLiteral(".safetensors")));
        if (w.sha256.isEmpty()) {  // still hashing when the draft ended: it follows
            QTRY_VERIFY_WITH_TIMEOUT(!lateDigests.isEmpty(), 30000);
        } else {
            QCOMPARE(w.sha256, directSha256(w.path));
        }
    }

    QFile audit(ui::AuditLog::defaultPath());
    QVERIFY(audit.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = audit.readAll().trimmed().split('\n');
    const QJsonObject line = QJsonDocument::fromJson(lines.last()).object();
    QCOMPARE(line.value(QStringLiteral("event")).toString(), QStringLiteral("inference"));
    QCOMPARE(line.value(QStringLiteral("requestId")).toInt(), id);
    QCOMPARE(
        line.value(QStringLiteral("model")).toObject().value(QStringLiteral("variant")).toString(),
        p.modelVariant);
    QCOMPARE(
        line.value(QStringLiteral("output")).toObject().value(QStringLiteral("sha256")).toString(),
        ui::sha256Hex(streamed));
    QCOMPARE(line.value(QStringLiteral("parameters"))
                 .toObject()
                 .value(QStringLiteral("promptSha256"))
                 .toString(),
             ui::sha256Hex(p.renderedPrompt));
    QCOMPARE(line.value(QStringLiteral("inputs"))
                 .toArray()[0]
                 .toObject()
                 .value(QStringLiteral("sopInstanceUid"))
                 .toString(),
             QStringLiteral("2.25.42"));
}

QTEST_GUILESS_MAIN(TestProvenance)
// A draft made with quantized weights says so in its provenance (its numbers differ from the
// published weights'); plain weights keep the plain dtype.
void TestProvenance::quantizedWeightsAreRecorded() {
    inference::ModelInfo info;
    info.precision = "bfloat16";
    info.quantization = "none";
    QCOMPARE(app::runFactsOf(info, "").dtype, QStringLiteral("bfloat16"));
    info.quantization = "int4 g64";
    QCOMPARE(app::runFactsOf(info, "").dtype, QStringLiteral("bfloat16, int4 g64 weights"));
}

#include "test_provenance.moc"
