// tokenizer_config.json and the tokenizer bundle of a model directory: the real file's values,
// the other forms the keys take, chat_template.jinja precedence, and bad files.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "inference/chat_template.h"
#include "inference/tokenizer_bundle.h"
#include "inference/tokenizer_config.h"
#include "tokenizer_test_support.h"

using inference::ErrorCode;
using inference::TokenizerBundle;
using inference::TokenizerConfig;

namespace {

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

// A directory with links to the real tokenizer files, plus the given config.json (none when
// empty).
void makeTokenizerDir(const QTemporaryDir& dir, const QByteArray& configJson) {
    QVERIFY(QFile::link(tokenizertest::tokenizerJsonPath(),
                        dir.filePath(QStringLiteral("tokenizer.json"))));
    QVERIFY(QFile::link(tokenizertest::tokenizerConfigPath(),
                        dir.filePath(QStringLiteral("tokenizer_config.json"))));
    if (!configJson.isEmpty()) {
        writeFile(dir.filePath(QStringLiteral("config.json")), configJson);
    }
}

}  // namespace

class TokenizerConfigTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void realConfig();
    void tokenObjectsAndTemplateList();
    void badConfigFiles();
    void jinjaFileTakesPrecedence();
    void bundleReadsMmTokensPerImage();
    void bundleDefaultsWithoutConfigJson();
    void bundleRejectsBadConfigJson();
};

void TokenizerConfigTest::realConfig() {
    const auto config =
        TokenizerConfig::load(tokenizertest::utf8(tokenizertest::tokenizerConfigPath()));
    QVERIFY(config.ok());
    QVERIFY(config->addBosToken);
    QVERIFY(!config->addEosToken);
    QCOMPARE(config->bosToken, std::string("<bos>"));
    QCOMPARE(config->eosToken, std::string("<end_of_turn>"));
    QCOMPARE(config->boiToken, std::string("<start_of_image>"));
    QCOMPARE(config->imageToken, std::string("<image_soft_token>"));
    QVERIFY(config->chatTemplate() != nullptr);
    QVERIFY(inference::isGemma3ChatTemplate(*config->chatTemplate()));
    QVERIFY(!inference::isGemma3ChatTemplate(*config->chatTemplate() + "{{ extra }}"));
    QVERIFY(inference::isGemma3ChatTemplate(*config->chatTemplate() + "\n"));
}

void TokenizerConfigTest::tokenObjectsAndTemplateList() {
    const auto config = TokenizerConfig::fromJson(R"({
        "add_bos_token": false,
        "bos_token": {"__type": "AddedToken", "content": "<s>", "lstrip": false},
        "chat_template": [{"name": "default", "template": "A"}, {"name": "tool_use", "template": "B"}]
    })",
                                                  "tokenizer_config.json");
    QVERIFY(config.ok());
    QVERIFY(!config->addBosToken);
    QCOMPARE(config->bosToken, std::string("<s>"));
    QCOMPARE(*config->chatTemplate(), std::string("A"));
    QCOMPARE(*config->chatTemplate("tool_use"), std::string("B"));
    QVERIFY(config->chatTemplate("other") == nullptr);
}

void TokenizerConfigTest::badConfigFiles() {
    for (const char* json : {"", "{\"add_bos_token\": ", "[]", R"({"add_bos_token": "yes"})",
                             R"({"chat_template": [{"name": 1}]})"}) {
        const auto config = TokenizerConfig::fromJson(json, "m/tokenizer_config.json");
        QVERIFY2(!config.ok(), json);
        QCOMPARE(config.error().code, ErrorCode::InvalidFile);
        QVERIFY(config.error().message.rfind("m/tokenizer_config.json: ", 0) == 0);
    }
    const auto missing = TokenizerConfig::load("/nonexistent/tokenizer_config.json");
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, ErrorCode::FileNotFound);
}

void TokenizerConfigTest::jinjaFileTakesPrecedence() {
    QTemporaryDir dir;
    writeFile(
        dir.filePath(QStringLiteral("tokenizer_config.json")),
        R"({"chat_template": [{"name": "default", "template": "old"}, {"name": "tool_use", "template": "T"}]})");
    writeFile(dir.filePath(QStringLiteral("chat_template.jinja")), "new");
    const auto config = TokenizerConfig::loadFromDirectory(tokenizertest::utf8(dir.path()));
    QVERIFY(config.ok());
    QCOMPARE(*config->chatTemplate(), std::string("new"));
    QCOMPARE(*config->chatTemplate("tool_use"), std::string("T"));
}

void TokenizerConfigTest::bundleReadsMmTokensPerImage() {
    QTemporaryDir dir;
    makeTokenizerDir(dir, R"({"model_type": "gemma3", "mm_tokens_per_image": 16})");
    const auto bundle = TokenizerBundle::loadFromDirectory(tokenizertest::utf8(dir.path()));
    QVERIFY2(bundle.ok(), bundle.ok() ? "" : bundle.error().message.c_str());
    QCOMPARE(bundle->prompt.mmTokensPerImage, 16);
    QVERIFY(bundle->prompt.addBosToken);
    QVERIFY(bundle->knownChatTemplate);
    QCOMPARE(bundle->tokenizer.vocabSize(), 262145);
}

void TokenizerConfigTest::bundleDefaultsWithoutConfigJson() {
    QTemporaryDir dir;
    makeTokenizerDir(dir, {});
    const auto bundle = TokenizerBundle::loadFromDirectory(tokenizertest::utf8(dir.path()));
    QVERIFY(bundle.ok());
    QCOMPARE(bundle->prompt.mmTokensPerImage, 256);
}

void TokenizerConfigTest::bundleRejectsBadConfigJson() {
    for (const char* json : {"{\"mm_tokens_per_image\": ", R"({"mm_tokens_per_image": -4})",
                             R"({"mm_tokens_per_image": "256"})"}) {
        QTemporaryDir dir;
        makeTokenizerDir(dir, json);
        const auto bundle = TokenizerBundle::loadFromDirectory(tokenizertest::utf8(dir.path()));
        QVERIFY2(!bundle.ok(), json);
        QCOMPARE(bundle.error().code, ErrorCode::InvalidFile);
        QVERIFY(
            QString::fromStdString(bundle.error().message).contains(QStringLiteral("config.json")));
    }
    QTemporaryDir empty;
    const auto none = TokenizerBundle::loadFromDirectory(tokenizertest::utf8(empty.path()));
    QVERIFY(!none.ok());
    QCOMPARE(none.error().code, ErrorCode::FileNotFound);
}

QTEST_APPLESS_MAIN(TokenizerConfigTest)
#include "test_tokenizer_config.moc"
