// The native Gemma 3 chat template against Jinja2 rendering of the real template (rendered by
// chat_template_reference.py as transformers configures Jinja), byte for byte and error for
// error; the token ids of expanded prompts against the JavaScript tokenizer; image expansion,
// the prompt facts of the spec and the single-BOS rule.
#include <QJsonArray>
#include <QTest>

#include <algorithm>

#include "inference/chat_template.h"
#include "inference/chat_template_prompt.h"
#include "tokenizer_test_support.h"

using namespace inference;
using tokenizertest::idsToString;

namespace {

const Tokenizer& tok() {
    return *tokenizertest::realTokenizer();
}

ChatRole roleOf(const QString& role) {
    if (role == QStringLiteral("system")) {
        return ChatRole::System;
    }
    return role == QStringLiteral("user") ? ChatRole::User : ChatRole::Assistant;
}

// HF-style message JSON -> ChatMessage: content is a string or a list of {type, text}.
std::vector<ChatMessage> messagesFromJson(const QJsonArray& array) {
    std::vector<ChatMessage> messages;
    for (const QJsonValue& value : array) {
        const QJsonObject m = value.toObject();
        const ChatRole role = roleOf(m.value(QStringLiteral("role")).toString());
        const QJsonValue content = m.value(QStringLiteral("content"));
        if (content.isString()) {
            messages.push_back(
                ChatMessage::fromText(role, tokenizertest::utf8(content.toString())));
            continue;
        }
        ChatMessage message{role, {}};
        for (const QJsonValue& item : content.toArray()) {
            const QJsonObject o = item.toObject();
            message.items.push_back(
                o.value(QStringLiteral("type")).toString() == QStringLiteral("image")
                    ? ChatItem::makeImage()
                    : ChatItem::makeText(
                          tokenizertest::utf8(o.value(QStringLiteral("text")).toString())));
        }
        messages.push_back(std::move(message));
    }
    return messages;
}

std::vector<ChatMessage> cardExample() {
    return {ChatMessage::fromText(ChatRole::System, "You are an expert radiologist."),
            {ChatRole::User, {ChatItem::makeText("Describe this X-ray"), ChatItem::makeImage()}}};
}

bool containsRun(const std::vector<std::int32_t>& ids, const std::vector<std::int32_t>& run) {
    return std::search(ids.begin(), ids.end(), run.begin(), run.end()) != ids.end();
}

}  // namespace

class ChatTemplateTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void matchesJinja_data();
    void matchesJinja();
    void idsMatchJavaScript_data();
    void idsMatchJavaScript();
    void cardExampleRendering();
    void backToBackImages();
    void systemTextThenImage();
    void expandImageMarkersTest();
    void exactlyOneBos();
    void rawPromptWithoutBos();
    void invalidSettings();
    void trimIsPythonStrip_data();
    void trimIsPythonStrip();

private:
    QList<QJsonObject> m_expected;
};

void ChatTemplateTest::initTestCase() {
    QVERIFY(tokenizertest::realTokenizer() != nullptr);
    const QString expected = tokenizertest::fixturePathFromEnv("MEDGEMMA_CHAT_TEMPLATE_EXPECTED");
    if (!expected.isEmpty()) {
        m_expected = tokenizertest::readJsonl(expected);
    }
}

void ChatTemplateTest::matchesJinja_data() {
    if (m_expected.isEmpty()) {
        QSKIP("run through ctest: the Jinja renderings come from its fixture");
    }
    QTest::addColumn<QJsonObject>("row");
    for (const QJsonObject& row : m_expected) {
        QTest::newRow(qPrintable(row.value(QStringLiteral("name")).toString())) << row;
    }
    QVERIFY(m_expected.size() >= 40);
}

void ChatTemplateTest::matchesJinja() {
    QFETCH(QJsonObject, row);
    ChatTemplateOptions options;
    options.addGenerationPrompt = row.value(QStringLiteral("add_generation_prompt")).toBool();
    const auto rendered = renderChatTemplate(
        messagesFromJson(row.value(QStringLiteral("messages")).toArray()), options);
    if (row.contains(QStringLiteral("error"))) {
        QVERIFY2(!rendered.ok(), qPrintable(row.value(QStringLiteral("error")).toString()));
        QCOMPARE(rendered.error().code, ErrorCode::InvalidRequest);
        return;
    }
    QVERIFY2(rendered.ok(), rendered.ok() ? "" : rendered.error().message.c_str());
    QCOMPARE(tokenizertest::fromUtf8(rendered.value()),
             row.value(QStringLiteral("rendered")).toString());
}

void ChatTemplateTest::idsMatchJavaScript_data() {
    const QString idsPath = tokenizertest::fixturePathFromEnv("MEDGEMMA_CHAT_TEMPLATE_IDS");
    if (m_expected.isEmpty() || idsPath.isEmpty()) {
        QSKIP("run through ctest: the reference ids come from its fixtures");
    }
    QTest::addColumn<QJsonObject>("row");
    QTest::addColumn<QString>("expectedIds");
    QHash<QString, QJsonObject> byName;
    for (const QJsonObject& row : m_expected) {
        byName.insert(row.value(QStringLiteral("name")).toString(), row);
    }
    const auto references = tokenizertest::readJsonl(idsPath);
    QVERIFY(references.size() >= 8);
    for (const QJsonObject& ref : references) {
        const QString name = ref.value(QStringLiteral("id")).toString();
        QTest::newRow(qPrintable(name))
            << byName.value(name)
            << idsToString(tokenizertest::idsFromJson(ref, QStringLiteral("ids")));
    }
}

void ChatTemplateTest::idsMatchJavaScript() {
    QFETCH(QJsonObject, row);
    QFETCH(QString, expectedIds);
    PromptSettings settings;  // Gemma 3: 256 soft tokens per image, as the reference used
    const auto prompt =
        encodeChatPrompt(tok(), messagesFromJson(row.value(QStringLiteral("messages")).toArray()),
                         row.value(QStringLiteral("add_generation_prompt")).toBool(), settings);
    QVERIFY(prompt.ok());
    QCOMPARE(idsToString(prompt->ids), expectedIds);
    const auto softTokens = std::count(prompt->ids.begin(), prompt->ids.end(), 262144);
    QCOMPARE(softTokens, prompt->imageCount * 256L);
    QCOMPARE(std::count(prompt->ids.begin(), prompt->ids.end(), 2), 1L);
}

void ChatTemplateTest::cardExampleRendering() {
    const auto text = renderChatTemplate(cardExample(), {});
    QVERIFY(text.ok());
    QCOMPARE(
        text.value(),
        std::string("<bos><start_of_turn>user\nYou are an expert radiologist.\n\n"
                    "Describe this X-ray<start_of_image><end_of_turn>\n<start_of_turn>model\n"));
    const auto prompt = encodeChatPrompt(tok(), cardExample(), true, PromptSettings{});
    QVERIFY(prompt.ok());
    const std::vector<std::int32_t> head(prompt->ids.begin(), prompt->ids.begin() + 4);
    const std::vector<std::int32_t> tail(prompt->ids.end() - 5, prompt->ids.end());
    QCOMPARE(idsToString(head), QStringLiteral("[2, 105, 2364, 107]"));
    QCOMPARE(idsToString(tail), QStringLiteral("[106, 107, 105, 4368, 107]"));
    QVERIFY(containsRun(prompt->ids, {108, 255999, 262144}));
    QVERIFY(containsRun(prompt->ids, {262144, 256000, 108, 106}));
    QCOMPARE(prompt->imageCount, 1);
}

void ChatTemplateTest::backToBackImages() {
    const std::vector<ChatMessage> messages = {
        {ChatRole::User,
         {ChatItem::makeImage(), ChatItem::makeImage(), ChatItem::makeText("Compare.")}}};
    const auto prompt = encodeChatPrompt(tok(), messages, true, PromptSettings{});
    QVERIFY(prompt.ok());
    QCOMPARE(prompt->imageCount, 2);
    QVERIFY(containsRun(prompt->ids, {262144, 256000, 110, 255999, 262144}));
    QCOMPARE(std::count(prompt->ids.begin(), prompt->ids.end(), 262144), 512L);
}

void ChatTemplateTest::systemTextThenImage() {
    const std::vector<ChatMessage> messages = {ChatMessage::fromText(ChatRole::System, "Be brief."),
                                               {ChatRole::User, {ChatItem::makeImage()}}};
    const auto prompt = encodeChatPrompt(tok(), messages, true, PromptSettings{});
    QVERIFY(prompt.ok());
    QVERIFY(containsRun(prompt->ids, {236761, 110, 255999, 262144}));
}

void ChatTemplateTest::expandImageMarkersTest() {
    QCOMPARE(
        inference::expandImageMarkers("a<start_of_image>b<start_of_image>", 2),
        std::string("a\n\n<start_of_image><image_soft_token><image_soft_token><end_of_image>\n\nb"
                    "\n\n<start_of_image><image_soft_token><image_soft_token><end_of_image>\n\n"));
    QCOMPARE(inference::expandImageMarkers("no images", 256), std::string("no images"));
}

void ChatTemplateTest::exactlyOneBos() {
    const auto chat = encodeChatPrompt(tok(), cardExample(), true, PromptSettings{});
    const auto raw = encodeRawPrompt(tok(), "Describe <start_of_image>", PromptSettings{});
    const auto rawWithBos = encodeRawPrompt(tok(), "<bos>Describe", PromptSettings{});
    for (const auto* prompt : {&chat, &raw, &rawWithBos}) {
        QVERIFY(prompt->ok());
        QCOMPARE(prompt->value().ids.front(), 2);
        QCOMPARE(std::count(prompt->value().ids.begin(), prompt->value().ids.end(), 2), 1L);
    }
    QCOMPARE(idsToString(rawWithBos->ids), QStringLiteral("[2, 82858]"));
    QCOMPARE(raw->imageCount, 1);
}

void ChatTemplateTest::rawPromptWithoutBos() {
    PromptSettings settings;
    settings.addBosToken = false;
    const auto prompt = encodeRawPrompt(tok(), "Hello", settings);
    QVERIFY(prompt.ok());
    QCOMPARE(idsToString(prompt->ids), QStringLiteral("[9259]"));
}

void ChatTemplateTest::invalidSettings() {
    PromptSettings settings;
    settings.mmTokensPerImage = 0;
    QCOMPARE(encodeRawPrompt(tok(), "x", settings).error().code, ErrorCode::InvalidRequest);
    QCOMPARE(encodeChatPrompt(tok(), cardExample(), true, settings).error().code,
             ErrorCode::InvalidRequest);
    PromptSettings badBos;
    badBos.bosToken = "<no such token>";
    QCOMPARE(encodeRawPrompt(tok(), "x", badBos).error().code, ErrorCode::InvalidRequest);
    QCOMPARE(renderChatTemplate({}, {}).error().code, ErrorCode::InvalidRequest);
}

void ChatTemplateTest::trimIsPythonStrip_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("trimmed");
    // str.isspace() set: ASCII whitespace, \x1c-\x1f, NEL, NBSP, the Zs spaces, LS, PS.
    QTest::newRow("ascii") << QStringLiteral(" \t\n\v\f\rx\r\n ") << QStringLiteral("x");
    QTest::newRow("separators") << QStringLiteral("\x1c\x1d\x1e\x1fx") << QStringLiteral("x");
    QTest::newRow("unicode spaces")
        << QStringLiteral("\u0085\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000x\u3000")
        << QStringLiteral("x");
    QTest::newRow("not spaces") << QStringLiteral("\u200bx\ufeff\u180e")
                                << QStringLiteral("\u200bx\ufeff\u180e");
    QTest::newRow("inner kept") << QStringLiteral(" a \n b ") << QStringLiteral("a \n b");
    QTest::newRow("all space") << QStringLiteral(" \u3000 ") << QString();
}

void ChatTemplateTest::trimIsPythonStrip() {
    QFETCH(QString, text);
    QFETCH(QString, trimmed);
    const auto rendered =
        renderChatTemplate({ChatMessage::fromText(ChatRole::User, tokenizertest::utf8(text))},
                           ChatTemplateOptions{false, "", "<start_of_image>"});
    QVERIFY(rendered.ok());
    QCOMPARE(tokenizertest::fromUtf8(rendered.value()),
             QStringLiteral("<start_of_turn>user\n") + trimmed + QStringLiteral("<end_of_turn>\n"));
}

QTEST_APPLESS_MAIN(ChatTemplateTest)
#include "test_chat_template.moc"
