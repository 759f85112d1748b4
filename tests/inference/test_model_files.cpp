// Model directory files: resolution, configs checked against each other, the chat template
// precedence of transformers, and the description shown by the model manager.
#include <QTemporaryDir>
#include <QTest>

#include "checkpoint_writer.h"
#include "config_test_util.h"
#include "inference/model_files.h"

using inference::ErrorCode;

Q_DECLARE_METATYPE(inference::ErrorCode)

namespace {

QString fixture() {
    return testutil::fixtureDir("tiny-medgemma");
}

bool writeText(const QTemporaryDir& dir, const QString& name, const QByteArray& text) {
    return text.isNull() || testutil::writeBytes(dir.filePath(name), text.toStdString());
}

void verifyError(const inference::Error& error, ErrorCode code, const QStringList& fragments) {
    const QString message = QString::fromStdString(error.message);
    QCOMPARE(error.code, code);
    for (const QString& fragment : fragments) {
        QVERIFY2(message.contains(fragment),
                 qPrintable(message + QStringLiteral(" lacks: ") + fragment));
    }
}

}  // namespace

class ModelFilesTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void resolveFixture();
    void missingConfig();
    void configsWithoutOptionalFiles();
    void preprocessorMustMatchVision_data();
    void preprocessorMustMatchVision();
    void chatTemplatePrecedence_data();
    void chatTemplatePrecedence();
    void badChatTemplate_data();
    void badChatTemplate();
    void describeFixture();
    void describeTextOnly();
};

void ModelFilesTest::resolveFixture() {
    auto files = inference::resolveModelFiles(fixture().toStdString());
    QVERIFY2(files.ok(), files.error().message.c_str());
    const inference::ModelFiles& f = files.value();
    QVERIFY(QString::fromStdString(f.configPath).endsWith(QStringLiteral("/config.json")));
    QVERIFY(f.generationConfigPath && f.preprocessorConfigPath && f.processorConfigPath);
    QVERIFY(!f.tokenizerJsonPath && !f.tokenizerModelPath && !f.tokenizerConfigPath);
    QVERIFY(!f.chatTemplateJinjaPath && !f.chatTemplateJsonPath);
    auto configs = inference::loadModelConfigs(f);
    QVERIFY2(configs.ok(), configs.error().message.c_str());
    QVERIFY(configs.value().hasGenerationConfig && configs.value().hasPreprocessorConfig);
    QCOMPARE(configs.value().generation.eosTokenIds, (std::vector<std::int64_t>{1, 106}));
    QCOMPARE(configs.value().preprocessor.height, std::int64_t(224));
    auto chatTemplate = inference::loadChatTemplate(f);
    QVERIFY(chatTemplate.ok() && !chatTemplate.value());
}

void ModelFilesTest::missingConfig() {
    QTemporaryDir dir;
    auto empty = inference::resolveModelFiles(dir.path().toStdString());
    QVERIFY(!empty.ok());
    verifyError(empty.error(), ErrorCode::FileNotFound,
                {QStringLiteral("config.json"), dir.path()});
    auto absent = inference::openModelDirectory(dir.filePath(QStringLiteral("none")).toStdString());
    QVERIFY(!absent.ok());
    QCOMPARE(absent.error().code, ErrorCode::FileNotFound);
}

void ModelFilesTest::configsWithoutOptionalFiles() {
    QTemporaryDir dir;
    QVERIFY(QFile::copy(fixture() + QStringLiteral("/config.json"),
                        dir.filePath(QStringLiteral("config.json"))));
    auto files = inference::resolveModelFiles(dir.path().toStdString());
    QVERIFY(files.ok());
    auto configs = inference::loadModelConfigs(files.value());
    QVERIFY2(configs.ok(), configs.error().message.c_str());
    QVERIFY(!configs.value().hasGenerationConfig && !configs.value().hasPreprocessorConfig);
    QCOMPARE(configs.value().preprocessor.width, std::int64_t(224));  // the vision image size
    QCOMPARE(configs.value().generation.topK, std::int64_t(64));
}

void ModelFilesTest::preprocessorMustMatchVision_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("size") << QStringLiteral("size/height") << QByteArray("896")
                          << QStringLiteral("image_size 224");
    QTest::newRow("image_seq_length") << QStringLiteral("image_seq_length") << QByteArray("256")
                                      << QStringLiteral("mm_tokens_per_image 16");
}

void ModelFilesTest::preprocessorMustMatchVision() {
    QFETCH(QString, path);
    QFETCH(QByteArray, value);
    QFETCH(QString, fragment);
    QTemporaryDir dir;
    QVERIFY(testutil::copyConfigFiles(fixture(), dir.path()));
    const QString preprocessor = dir.filePath(QStringLiteral("preprocessor_config.json"));
    QJsonObject object = testutil::readJsonObject(preprocessor);
    testutil::setJsonPath(object, path, value);
    QVERIFY(testutil::writeJsonObject(preprocessor, object));
    auto configs =
        inference::loadModelConfigs(inference::resolveModelFiles(dir.path().toStdString()).value());
    QVERIFY(!configs.ok());
    verifyError(configs.error(), ErrorCode::InvalidFile,
                {preprocessor, dir.filePath(QStringLiteral("config.json")), fragment});
}

void ModelFilesTest::chatTemplatePrecedence_data() {
    QTest::addColumn<QByteArray>("jinja");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("tokenizerConfig");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("origin");
    const QByteArray none;
    const QByteArray tokString = R"({"bos_token": "<bos>", "chat_template": "T"})";
    QTest::newRow("jinja wins") << QByteArray("J") << QByteArray(R"({"chat_template": "S"})")
                                << tokString << QStringLiteral("J")
                                << QStringLiteral("chat_template.jinja");
    QTest::newRow("json next") << none << QByteArray(R"({"chat_template": "S"})") << tokString
                               << QStringLiteral("S") << QStringLiteral("chat_template.json");
    QTest::newRow("tokenizer_config string") << none << none << tokString << QStringLiteral("T")
                                             << QStringLiteral("tokenizer_config.json");
    QTest::newRow("named list picks default")
        << none << none
        << QByteArray(R"({"chat_template": [{"name": "tool_use", "template": "U"},)"
                      R"({"name": "default", "template": "D"}]})")
        << QStringLiteral("D") << QStringLiteral("tokenizer_config.json (template 'default')");
    QTest::newRow("named list without default")
        << none << none << QByteArray(R"({"chat_template": [{"name": "rag", "template": "R"}]})")
        << QStringLiteral("R") << QStringLiteral("tokenizer_config.json (template 'rag')");
    QTest::newRow("no template anywhere")
        << none << none << QByteArray(R"({"chat_template": null})") << QString() << QString();
}

void ModelFilesTest::chatTemplatePrecedence() {
    QFETCH(QByteArray, jinja);
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, tokenizerConfig);
    QFETCH(QString, text);
    QFETCH(QString, origin);
    QTemporaryDir dir;
    QVERIFY(testutil::copyConfigFiles(fixture(), dir.path()));
    QVERIFY(writeText(dir, QStringLiteral("chat_template.jinja"), jinja));
    QVERIFY(writeText(dir, QStringLiteral("chat_template.json"), json));
    QVERIFY(writeText(dir, QStringLiteral("tokenizer_config.json"), tokenizerConfig));
    auto source =
        inference::loadChatTemplate(inference::resolveModelFiles(dir.path().toStdString()).value());
    QVERIFY2(source.ok(), source.error().message.c_str());
    QCOMPARE(source.value().has_value(), !text.isEmpty());
    if (source.value()) {
        QCOMPARE(QString::fromStdString(source.value()->text), text);
        QCOMPARE(QString::fromStdString(source.value()->origin), origin);
        QVERIFY(QString::fromStdString(source.value()->path).startsWith(dir.path()));
    }
}

void ModelFilesTest::badChatTemplate_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("json not json")
        << QStringLiteral("chat_template.json") << QByteArray("{\"chat_");
    QTest::newRow("json without key") << QStringLiteral("chat_template.json") << QByteArray("{}");
    QTest::newRow("json number") << QStringLiteral("chat_template.json")
                                 << QByteArray(R"({"chat_template": 3})");
    QTest::newRow("list entry without template")
        << QStringLiteral("tokenizer_config.json")
        << QByteArray(R"({"chat_template": [{"name": "default"}]})");
    QTest::newRow("empty list") << QStringLiteral("tokenizer_config.json")
                                << QByteArray(R"({"chat_template": []})");
}

void ModelFilesTest::badChatTemplate() {
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    QVERIFY(testutil::copyConfigFiles(fixture(), dir.path()));
    QVERIFY(writeText(dir, file, content));
    auto source =
        inference::loadChatTemplate(inference::resolveModelFiles(dir.path().toStdString()).value());
    QVERIFY(!source.ok());
    verifyError(source.error(), ErrorCode::InvalidFile, {dir.filePath(file)});
}

void ModelFilesTest::describeFixture() {
    auto model = inference::openModelDirectory(fixture().toStdString());
    QVERIFY2(model.ok(), model.error().message.c_str());
    const inference::ModelDescription& d = model.value().description;
    QCOMPARE(d.parameterCount, std::uint64_t(17302464));
    QCOMPARE(d.visionParameters, std::uint64_t(121152));
    QCOMPARE(d.projectorParameters, std::uint64_t(4160));
    QCOMPARE(d.textParameters, std::uint64_t(17302464 - 121152 - 4160));
    QCOMPARE(d.dtypes, std::vector<std::string>{"BF16"});
    QCOMPARE(d.files.size(), std::size_t(2));
    QVERIFY(d.hasVision && d.lmHeadTied);
    const QString summary = QString::fromStdString(d.summary());
    for (const char* part :
         {"Gemma3ForConditionalGeneration", "17.3 M parameters", "vision 121 K", "BF16",
          "34.6 MB in 2 files", "8 layers", "224 px images, 16 tokens each"}) {
        QVERIFY2(summary.contains(QLatin1String(part)), qPrintable(summary));
    }
}

void ModelFilesTest::describeTextOnly() {
    QTemporaryDir dir;
    QJsonObject text = testutil::fixtureConfigJson("tiny-medgemma")
                           .value(QStringLiteral("text_config"))
                           .toObject();
    QVERIFY(testutil::writeJsonObject(dir.filePath(QStringLiteral("config.json")), text));
    auto tensors =
        testutil::renamed(testutil::readCheckpointTensors(fixture()), [](const std::string& n) {
            return n.rfind("language_model.model.", 0) == 0
                       ? testutil::replacePrefix(n, "language_model.model.", "model.")
                       : std::string();
        });
    QVERIFY(testutil::writeCheckpoint(dir.path(), tensors));
    auto model = inference::openModelDirectory(dir.path().toStdString());
    QVERIFY2(model.ok(), model.error().message.c_str());
    const QString summary = QString::fromStdString(model.value().description.summary());
    QVERIFY2(summary.startsWith(QStringLiteral("Gemma3ForCausalLM, 17.2 M parameters, BF16")),
             qPrintable(summary));
    QVERIFY2(summary.endsWith(QStringLiteral("in 1 file, 8 layers, text only")),
             qPrintable(summary));
}

QTEST_APPLESS_MAIN(ModelFilesTest)
#include "test_model_files.moc"
