// Safetensors reader: the fixture checkpoints, a written round trip, and a table of malformed
// files that must each yield the right ErrorCode and a message naming file and tensor.
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include "checkpoint_writer.h"
#include "inference/safetensors.h"

using inference::Checkpoint;
using inference::DType;
using inference::ErrorCode;
using inference::SafetensorsFile;
using testutil::rawSafetensors;

Q_DECLARE_METATYPE(inference::ErrorCode)

namespace {

std::string littleEndian64(std::uint64_t value) {
    std::string bytes(8, '\0');
    for (int i = 0; i < 8; ++i) {
        bytes[i] = static_cast<char>((value >> (8 * i)) & 0xff);
    }
    return bytes;
}

QByteArray bytesOf(const std::string& s) {
    return QByteArray(s.data(), static_cast<qsizetype>(s.size()));
}

// A one-tensor header around `entry` with `dataBytes` bytes of data.
QByteArray single(const std::string& entry, std::size_t dataBytes) {
    return bytesOf(rawSafetensors("{\"w\":" + entry + "}", std::string(dataBytes, '\0')));
}

void verifyMessage(const std::string& message, const QStringList& fragments) {
    const QString text = QString::fromStdString(message);
    for (const QString& fragment : fragments) {
        QVERIFY2(text.contains(fragment), qPrintable(text + QStringLiteral(" lacks: ") + fragment));
    }
}

}  // namespace

class SafetensorsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fixtureCheckpoints_data();
    void fixtureCheckpoints();
    void singleFileRoundTrip();
    void acceptedEdgeCases();
    void badFile_data();
    void badFile();
};

void SafetensorsTest::fixtureCheckpoints_data() {
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("tensorCount");
    QTest::addColumn<qulonglong>("totalBytes");
    QTest::addColumn<qlonglong>("hidden");
    QTest::newRow("tiny-medgemma")
        << QStringLiteral("tiny-medgemma") << 145 << qulonglong(34604928) << qlonglong(64);
    QTest::newRow("tiny-medgemma-b")
        << QStringLiteral("tiny-medgemma-b") << 132 << qulonglong(51690976) << qlonglong(96);
}

void SafetensorsTest::fixtureCheckpoints() {
    QFETCH(QString, fixture);
    QFETCH(int, tensorCount);
    QFETCH(qulonglong, totalBytes);
    QFETCH(qlonglong, hidden);
    auto checkpoint = Checkpoint::open(testutil::fixtureDir(qPrintable(fixture)).toStdString());
    QVERIFY2(checkpoint.ok(), checkpoint.error().message.c_str());
    const Checkpoint& c = checkpoint.value();
    QCOMPARE(static_cast<int>(c.size()), tensorCount);
    QCOMPARE(c.totalBytes(), totalBytes);
    QVERIFY(c.sharded());
    QCOMPARE(c.files().size(), std::size_t(2));
    QVERIFY(QString::fromStdString(c.files()[0])
                .endsWith(QStringLiteral("model-00001-of-00002.safetensors")));
    const auto* embed = c.find("language_model.model.embed_tokens.weight");
    QVERIFY(embed);
    QCOMPARE(embed->dtype, DType::BF16);
    QCOMPARE(embed->shape, (std::vector<std::int64_t>{262208, hidden}));
    QCOMPARE(embed->byteSize, std::size_t(262208 * hidden * 2));
    QCOMPARE(embed->file, std::string("model-00001-of-00002.safetensors"));
    QCOMPARE(c.shards()[0]->metadata().at("format"), std::string("pt"));
    for (const std::string& name : c.names()) {
        QCOMPARE(c.find(name)->dtype, DType::BF16);
    }
}

void SafetensorsTest::singleFileRoundTrip() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    testutil::TestTensor a{"a", "F32", {2, 3}, std::string(24, '\0')};
    for (int i = 0; i < 6; ++i) {
        const float v = static_cast<float>(i + 1);
        std::memcpy(&a.bytes[static_cast<std::size_t>(i) * 4], &v, 4);
    }
    const testutil::TestTensor b = testutil::zeros("b", "BF16", {4});
    QVERIFY(testutil::writeCheckpoint(dir.path(), {a, b}));
    auto checkpoint = Checkpoint::open(dir.path().toStdString());
    QVERIFY2(checkpoint.ok(), checkpoint.error().message.c_str());
    QVERIFY(!checkpoint.value().sharded());
    QCOMPARE(checkpoint.value().names(), (std::vector<std::string>{"a", "b"}));
    const auto* view = checkpoint.value().find("a");
    QCOMPARE(view->numel(), std::int64_t(6));
    float last = 0;
    std::memcpy(&last, view->data + 20, 4);
    QCOMPARE(last, 6.0f);
    QCOMPARE(checkpoint.value().totalBytes(), std::uint64_t(32));
    QCOMPARE(checkpoint.value().shards()[0]->fileSize(),
             std::uint64_t(QFileInfo(dir.filePath(QStringLiteral("model.safetensors"))).size()));
}

void SafetensorsTest::acceptedEdgeCases() {
    // No tensors, a zero-element tensor, and a header padded with spaces are all valid.
    for (const std::string& bytes :
         {rawSafetensors("{}", ""),
          rawSafetensors(R"({"e":{"dtype":"F32","shape":[0,5],"data_offsets":[0,0]}})", ""),
          rawSafetensors(R"({"w":{"dtype":"I8","shape":[2],"data_offsets":[0,2]}}    )", "ab")}) {
        auto file = SafetensorsFile::fromBuffer(reinterpret_cast<const std::uint8_t*>(bytes.data()),
                                                bytes.size(), "edge.safetensors");
        QVERIFY2(file.ok(), file.error().message.c_str());
    }
}

void SafetensorsTest::badFile_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QStringList>("fragments");
    const auto invalid = ErrorCode::InvalidFile;
    const std::string ok = R"("dtype":"F32","shape":[1])";
    QTest::newRow("empty") << QByteArray() << invalid << QStringList{QStringLiteral("0 bytes")};
    QTest::newRow("seven bytes") << QByteArray(7, 'x') << invalid
                                 << QStringList{QStringLiteral("shorter than")};
    QTest::newRow("length past end") << bytesOf(littleEndian64(1000) + "{}") << invalid
                                     << QStringList{QStringLiteral("runs past the end")};
    QTest::newRow("absurd length") << bytesOf(littleEndian64(200'000'000) + "{}") << invalid
                                   << QStringList{QStringLiteral("exceeds the limit")};
    QTest::newRow("length 2^64-1") << bytesOf(littleEndian64(~0ull) + "{}") << invalid
                                   << QStringList{QStringLiteral("exceeds the limit")};
    QTest::newRow("not json") << bytesOf(rawSafetensors("{not json", "")) << invalid
                              << QStringList{QStringLiteral("not valid JSON")};
    QTest::newRow("json list") << bytesOf(rawSafetensors("[1,2]", "")) << invalid
                               << QStringList{QStringLiteral("JSON object")};
    QTest::newRow("entry not object")
        << single("5", 0) << invalid
        << QStringList{QStringLiteral("'w'"), QStringLiteral("object")};
    QTest::newRow("no dtype") << single(R"({"shape":[1],"data_offsets":[0,4]})", 4) << invalid
                              << QStringList{QStringLiteral("'w'"), QStringLiteral("dtype")};
    QTest::newRow("no shape") << single(R"({"dtype":"F32","data_offsets":[0,4]})", 4) << invalid
                              << QStringList{QStringLiteral("'w'"), QStringLiteral("shape")};
    QTest::newRow("no offsets") << single("{" + ok + "}", 4) << invalid
                                << QStringList{QStringLiteral("'w'"),
                                               QStringLiteral("data_offsets")};
    QTest::newRow("offsets arity")
        << single("{" + ok + R"(,"data_offsets":[0]})", 4) << invalid
        << QStringList{QStringLiteral("'w'"), QStringLiteral("data_offsets")};
    QTest::newRow("unknown dtype")
        << single(R"({"dtype":"Q7","shape":[1],"data_offsets":[0,1]})", 1) << invalid
        << QStringList{QStringLiteral("'w'"), QStringLiteral("unknown dtype 'Q7'")};
    QTest::newRow("fp8 dtype") << single(R"({"dtype":"F8_E4M3","shape":[1],"data_offsets":[0,1]})",
                                         1)
                               << ErrorCode::UnsupportedModel
                               << QStringList{QStringLiteral("'w'"), QStringLiteral("F8_E4M3")};
    QTest::newRow("negative dim") << single(R"({"dtype":"F32","shape":[-1],"data_offsets":[0,4]})",
                                            4)
                                  << invalid
                                  << QStringList{QStringLiteral("'w'"),
                                                 QStringLiteral("non-negative")};
    QTest::newRow("fractional dim")
        << single(R"({"dtype":"F32","shape":[1.5],"data_offsets":[0,4]})", 4) << invalid
        << QStringList{QStringLiteral("'w'"), QStringLiteral("non-negative integers")};
    QTest::newRow("shape product overflow")
        << single(R"({"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,4]})", 4)
        << invalid << QStringList{QStringLiteral("'w'"), QStringLiteral("2^63")};
    QTest::newRow("huge dim beside zero")
        << single(R"({"dtype":"F32","shape":[0,18446744073709551615],"data_offsets":[0,0]})", 0)
        << invalid << QStringList{QStringLiteral("'w'"), QStringLiteral("2^63")};
    QTest::newRow("byte size overflow")
        << single(R"({"dtype":"F64","shape":[4611686018427387904],"data_offsets":[0,4]})", 4)
        << invalid << QStringList{QStringLiteral("'w'"), QStringLiteral("2^64 bytes")};
    QTest::newRow("offsets reversed")
        << single("{" + ok + R"(,"data_offsets":[4,0]})", 4) << invalid
        << QStringList{QStringLiteral("'w'"), QStringLiteral("reversed")};
    QTest::newRow("offsets past data")
        << single("{" + ok + R"(,"data_offsets":[0,400]})", 4) << invalid
        << QStringList{QStringLiteral("'w'"), QStringLiteral("past the data")};
    QTest::newRow("byte count mismatch")
        << single(R"({"dtype":"F32","shape":[2],"data_offsets":[0,4]})", 8) << invalid
        << QStringList{QStringLiteral("'w'"), QStringLiteral("needs 8 bytes")};
    QTest::newRow("overlap") << bytesOf(rawSafetensors(
                                    R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
                                    R"("b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})",
                                    std::string(12, '\0')))
                             << invalid
                             << QStringList{QStringLiteral("'a'"), QStringLiteral("'b'"),
                                            QStringLiteral("overlap")};
    QTest::newRow("duplicate name")
        << bytesOf(rawSafetensors(R"({"a":{"dtype":"I8","shape":[1],"data_offsets":[0,1]},)"
                                  R"("a":{"dtype":"I8","shape":[1],"data_offsets":[1,2]}})",
                                  "xy"))
        << invalid << QStringList{QStringLiteral("more than once")};
    QTest::newRow("metadata value not string")
        << bytesOf(rawSafetensors(R"({"__metadata__":{"format":1}})", "")) << invalid
        << QStringList{QStringLiteral("__metadata__"), QStringLiteral("'format'")};
    QTest::newRow("metadata not object") << bytesOf(rawSafetensors(R"({"__metadata__":"pt"})", ""))
                                         << invalid << QStringList{QStringLiteral("__metadata__")};
}

void SafetensorsTest::badFile() {
    QFETCH(QByteArray, bytes);
    QFETCH(ErrorCode, code);
    QFETCH(QStringList, fragments);
    auto buffered =
        SafetensorsFile::fromBuffer(reinterpret_cast<const std::uint8_t*>(bytes.constData()),
                                    static_cast<std::size_t>(bytes.size()), "buffer.safetensors");
    QVERIFY(!buffered.ok());
    QCOMPARE(buffered.error().code, code);
    verifyMessage(buffered.error().message,
                  fragments + QStringList{QStringLiteral("buffer.safetensors")});

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("model.safetensors"));
    QVERIFY(testutil::writeBytes(path, bytes.toStdString()));
    auto mapped = SafetensorsFile::open(path.toStdString());
    QVERIFY(!mapped.ok());
    QCOMPARE(mapped.error().code, code);
    verifyMessage(mapped.error().message, fragments + QStringList{path});
}

QTEST_APPLESS_MAIN(SafetensorsTest)
#include "test_safetensors.moc"
