// Sharded checkpoints: model.safetensors.index.json cross-checked with its shards, and missing
// or non-regular files; each bad case must yield the expected ErrorCode and name the index,
// shard and tensor.
#include <QTemporaryDir>
#include <QTest>

#include "checkpoint_writer.h"
#include "inference/safetensors.h"

using inference::Checkpoint;
using inference::ErrorCode;
using inference::SafetensorsFile;

Q_DECLARE_METATYPE(inference::ErrorCode)

namespace {

void verifyMessage(const std::string& message, const QStringList& fragments) {
    const QString text = QString::fromStdString(message);
    for (const QString& fragment : fragments) {
        QVERIFY2(text.contains(fragment), qPrintable(text + QStringLiteral(" lacks: ") + fragment));
    }
}

}  // namespace

class CheckpointIndexTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void badIndex_data();
    void badIndex();
    void missingAndNonRegularFiles();
};

void CheckpointIndexTest::badIndex_data() {
    QTest::addColumn<QByteArray>("index");
    QTest::addColumn<bool>("writeSecondShard");
    QTest::addColumn<bool>("extraTensor");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QStringList>("fragments");
    const QByteArray good = R"({"metadata":{"total_size":8},"weight_map":)"
                            R"({"a":"model-00001-of-00002.safetensors",)"
                            R"("b":"model-00002-of-00002.safetensors"}})";
    const QString index = QStringLiteral("model.safetensors.index.json");
    QTest::newRow("valid") << good << true << false << ErrorCode::Internal << QStringList();
    QTest::newRow("missing shard")
        << good << false << false << ErrorCode::FileNotFound
        << QStringList{index, QStringLiteral("model-00002-of-00002.safetensors"),
                       QStringLiteral("'b'")};
    QTest::newRow("tensors in the wrong shards")
        << QByteArray(R"({"weight_map":{"a":"model-00002-of-00002.safetensors",)"
                      R"("b":"model-00001-of-00002.safetensors"}})")
        << true << false << ErrorCode::InvalidFile
        << QStringList{index, QStringLiteral("'a'"),
                       QStringLiteral("model-00002-of-00002.safetensors")};
    QTest::newRow("listed tensor absent")
        << QByteArray(good).replace(R"("a":)", R"("z":"model-00001-of-00002.safetensors","a":)")
        << true << false << ErrorCode::MissingTensor
        << QStringList{index, QStringLiteral("'z'"),
                       QStringLiteral("model-00001-of-00002.safetensors")};
    QTest::newRow("unlisted tensor")
        << good << true << true << ErrorCode::InvalidFile
        << QStringList{index, QStringLiteral("'c'"), QStringLiteral("does not list")};
    QTest::newRow("path traversal")
        << QByteArray(R"({"weight_map":{"a":"../model.safetensors"}})") << true << false
        << ErrorCode::InvalidFile << QStringList{index, QStringLiteral("'a'")};
    QTest::newRow("not json") << QByteArray("{\"weight_map\":") << true << false
                              << ErrorCode::InvalidFile
                              << QStringList{index, QStringLiteral("JSON")};
    QTest::newRow("empty weight_map")
        << QByteArray(R"({"weight_map":{}})") << true << false << ErrorCode::InvalidFile
        << QStringList{index, QStringLiteral("weight_map")};
    QTest::newRow("bad total_size")
        << QByteArray(good).replace("\"total_size\":8", "\"total_size\":\"8\"") << true << false
        << ErrorCode::InvalidFile << QStringList{index, QStringLiteral("total_size")};
}

void CheckpointIndexTest::badIndex() {
    QFETCH(QByteArray, index);
    QFETCH(bool, writeSecondShard);
    QFETCH(bool, extraTensor);
    QFETCH(ErrorCode, code);
    QFETCH(QStringList, fragments);
    QTemporaryDir dir;
    std::vector<testutil::TestTensor> first{testutil::zeros("a", "F32", {1})};
    if (extraTensor) {
        first.push_back(testutil::zeros("c", "F32", {1}));
    }
    QVERIFY(testutil::writeBytes(dir.filePath(QStringLiteral("model-00001-of-00002.safetensors")),
                                 testutil::buildSafetensors(first)));
    if (writeSecondShard) {
        QVERIFY(
            testutil::writeBytes(dir.filePath(QStringLiteral("model-00002-of-00002.safetensors")),
                                 testutil::buildSafetensors({testutil::zeros("b", "F32", {1})})));
    }
    QVERIFY(testutil::writeBytes(dir.filePath(QStringLiteral("model.safetensors.index.json")),
                                 index.toStdString()));
    auto checkpoint = Checkpoint::open(dir.path().toStdString());
    if (fragments.isEmpty()) {
        QVERIFY2(checkpoint.ok(), checkpoint.error().message.c_str());
        QCOMPARE(checkpoint.value().size(), std::size_t(2));
        return;
    }
    QVERIFY(!checkpoint.ok());
    QCOMPARE(checkpoint.error().code, code);
    verifyMessage(checkpoint.error().message, fragments);
}

void CheckpointIndexTest::missingAndNonRegularFiles() {
    QTemporaryDir dir;
    auto noWeights = Checkpoint::open(dir.path().toStdString());
    QVERIFY(!noWeights.ok());
    QCOMPARE(noWeights.error().code, ErrorCode::FileNotFound);
    verifyMessage(noWeights.error().message, {QStringLiteral("model.safetensors")});

    auto noDirectory = Checkpoint::open(dir.filePath(QStringLiteral("absent")).toStdString());
    QCOMPARE(noDirectory.error().code, ErrorCode::FileNotFound);

    const std::string absent = dir.filePath(QStringLiteral("absent.safetensors")).toStdString();
    auto noFile = SafetensorsFile::open(absent);
    QCOMPARE(noFile.error().code, ErrorCode::FileNotFound);
    verifyMessage(noFile.error().message, {QString::fromStdString(absent)});

    auto directory = SafetensorsFile::open(dir.path().toStdString());
    QCOMPARE(directory.error().code, ErrorCode::InvalidFile);
}

QTEST_APPLESS_MAIN(CheckpointIndexTest)
#include "test_checkpoint_index.moc"
