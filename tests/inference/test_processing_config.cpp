// generation_config.json and preprocessor_config.json: the fixtures, defaults, and tables of
// wrong values.
#include <QJsonObject>
#include <QTest>

#include "checkpoint_writer.h"
#include "config_test_util.h"
#include "inference/config.h"

using inference::ErrorCode;

Q_DECLARE_METATYPE(inference::ErrorCode)

namespace {

std::string fixtureFileWith(const char* file, const QString& path, const QByteArray& value) {
    QJsonObject object = testutil::readJsonObject(testutil::fixtureDir("tiny-medgemma") +
                                                  QLatin1Char('/') + QLatin1String(file));
    if (!path.isEmpty()) {
        testutil::setJsonPath(object, path, value);
    }
    return testutil::toJsonText(object);
}

void verifyError(const inference::Error& error, ErrorCode code, const QStringList& fragments) {
    const QString message = QString::fromStdString(error.message);
    QCOMPARE(error.code, code);
    for (const QString& fragment : fragments) {
        QVERIFY2(message.contains(fragment),
                 qPrintable(message + QStringLiteral(" lacks: ") + fragment));
    }
}

void addBadRowColumns() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("fragment");
}

void badRow(const char* name, const char* path, const QByteArray& value, ErrorCode code) {
    QTest::newRow(name) << QString::fromLatin1(path) << value << code
                        << QString::fromLatin1(path).replace(QLatin1Char('/'), QLatin1Char('.'));
}

}  // namespace

class ProcessingConfigTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void generationFixture();
    void generationDefaultsAndForms();
    void badGeneration_data();
    void badGeneration();
    void preprocessorFixture();
    void preprocessorScalarsAndNulls();
    void badPreprocessor_data();
    void badPreprocessor();
};

void ProcessingConfigTest::generationFixture() {
    auto g = inference::parseGenerationConfig(fixtureFileWith("generation_config.json", {}, {}),
                                              "generation_config.json");
    QVERIFY2(g.ok(), g.error().message.c_str());
    QCOMPARE(g.value().eosTokenIds, (std::vector<std::int64_t>{1, 106}));
    QCOMPARE(g.value().bosTokenId, std::int64_t(2));
    QCOMPARE(g.value().padTokenId, std::int64_t(0));
    QVERIFY(g.value().doSample);
    QCOMPARE(g.value().topK, std::int64_t(64));
    QCOMPARE(g.value().topP, 0.95);
    QCOMPARE(g.value().temperature, 1.0);
    QVERIFY(!g.value().maxNewTokens);
}

void ProcessingConfigTest::generationDefaultsAndForms() {
    auto g = inference::parseGenerationConfig(
        R"({"eos_token_id": 1, "temperature": null, "max_new_tokens": 512, "top_k": 0})",
        "generation_config.json");
    QVERIFY2(g.ok(), g.error().message.c_str());
    QCOMPARE(g.value().eosTokenIds, std::vector<std::int64_t>{1});
    QCOMPARE(g.value().temperature, 1.0);
    QCOMPARE(g.value().maxNewTokens.value_or(0), std::int64_t(512));
    QCOMPARE(g.value().topK, std::int64_t(0));
    QVERIFY(!g.value().doSample);
}

void ProcessingConfigTest::badGeneration_data() {
    addBadRowColumns();
    badRow("top_p above one", "top_p", "1.5", ErrorCode::InvalidFile);
    badRow("top_p zero", "top_p", "0", ErrorCode::InvalidFile);
    badRow("temperature negative", "temperature", "-1", ErrorCode::InvalidFile);
    badRow("top_k string", "top_k", "\"64\"", ErrorCode::InvalidFile);
    badRow("eos empty", "eos_token_id", "[]", ErrorCode::InvalidFile);
    badRow("eos negative", "eos_token_id", "[-1]", ErrorCode::InvalidFile);
    badRow("do_sample string", "do_sample", "\"yes\"", ErrorCode::InvalidFile);
    badRow("max_new_tokens zero", "max_new_tokens", "0", ErrorCode::InvalidFile);
}

void ProcessingConfigTest::badGeneration() {
    QFETCH(QString, path);
    QFETCH(QByteArray, value);
    QFETCH(ErrorCode, code);
    QFETCH(QString, fragment);
    auto g = inference::parseGenerationConfig(
        fixtureFileWith("generation_config.json", path, value), "/m/generation_config.json");
    QVERIFY(!g.ok());
    verifyError(g.error(), code, {fragment, QStringLiteral("/m/generation_config.json")});
}

void ProcessingConfigTest::preprocessorFixture() {
    auto p = inference::parsePreprocessorConfig(fixtureFileWith("preprocessor_config.json", {}, {}),
                                                "preprocessor_config.json");
    QVERIFY2(p.ok(), p.error().message.c_str());
    QCOMPARE(p.value().height, std::int64_t(224));
    QCOMPARE(p.value().width, std::int64_t(224));
    QCOMPARE(p.value().rescaleFactor, 0.00392156862745098);
    QCOMPARE(p.value().mean[2], 0.5);
    QCOMPARE(p.value().std[0], 0.5);
    QCOMPARE(p.value().resample, 2);
    QVERIFY(p.value().doConvertRgb);   // null in the file: the default stands
    QVERIFY(!p.value().doPanAndScan);  // null in the file
    QCOMPARE(p.value().panAndScanMaxNumCrops, std::int64_t(4));
    QCOMPARE(p.value().imageSeqLength.value_or(0), std::int64_t(16));
}

void ProcessingConfigTest::preprocessorScalarsAndNulls() {
    auto p = inference::parsePreprocessorConfig(
        R"({"image_mean": 0.25, "image_std": [0.1, 0.2, 0.3], "size": {"height": 896, "width": 896},
            "do_pan_and_scan": true, "pan_and_scan_max_num_crops": null})",
        "preprocessor_config.json");
    QVERIFY2(p.ok(), p.error().message.c_str());
    QCOMPARE(p.value().mean[0], 0.25);
    QCOMPARE(p.value().mean[2], 0.25);
    QCOMPARE(p.value().std[1], 0.2);
    QCOMPARE(p.value().height, std::int64_t(896));
    QVERIFY(p.value().doPanAndScan);
    QCOMPARE(p.value().panAndScanMaxNumCrops, std::int64_t(4));
    QVERIFY(!p.value().imageSeqLength);
}

void ProcessingConfigTest::badPreprocessor_data() {
    addBadRowColumns();
    badRow("bicubic", "resample", "3", ErrorCode::UnsupportedModel);
    badRow("zero std", "image_std", "[0.5, 0, 0.5]", ErrorCode::InvalidFile);
    badRow("two means", "image_mean", "[0.5, 0.5]", ErrorCode::InvalidFile);
    badRow("mean string", "image_mean", "\"imagenet\"", ErrorCode::InvalidFile);
    badRow("size without width", "size/width", "<delete>", ErrorCode::InvalidFile);
    badRow("negative height", "size/height", "-224", ErrorCode::InvalidFile);
    badRow("rescale zero", "rescale_factor", "0", ErrorCode::InvalidFile);
    badRow("do_resize number", "do_resize", "1", ErrorCode::InvalidFile);
    badRow("image_seq_length zero", "image_seq_length", "0", ErrorCode::InvalidFile);
}

void ProcessingConfigTest::badPreprocessor() {
    QFETCH(QString, path);
    QFETCH(QByteArray, value);
    QFETCH(ErrorCode, code);
    QFETCH(QString, fragment);
    auto p = inference::parsePreprocessorConfig(
        fixtureFileWith("preprocessor_config.json", path, value), "/m/preprocessor_config.json");
    QVERIFY(!p.ok());
    // A removed width is reported on the size object.
    const QString key = value == "<delete>" ? QStringLiteral("size.") : fragment;
    verifyError(p.error(), code, {key, QStringLiteral("/m/preprocessor_config.json")});
}

QTEST_APPLESS_MAIN(ProcessingConfigTest)
#include "test_processing_config.moc"
