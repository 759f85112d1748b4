// The Gemma 3 tokenizer on the real tokenizer.json: the ids the prompt format depends on,
// decoding, lookups, byte fallback, bad files, and the encoding throughput (printed, never
// asserted: speed is the benchmarks' business).
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>

#include "inference/tokenizer.h"
#include "tokenizer_test_support.h"

using inference::ErrorCode;
using inference::Tokenizer;
using tokenizertest::idsToString;

Q_DECLARE_METATYPE(inference::ErrorCode)
Q_DECLARE_METATYPE(std::string)
Q_DECLARE_METATYPE(std::vector<std::int32_t>)

namespace {

const Tokenizer& tok() {
    return *tokenizertest::realTokenizer();
}

// A few MB of report-like text in three languages with varied whitespace, built without any
// randomness so that every run measures the same input.
std::string throughputText(std::size_t targetBytes) {
    static const char* const sentences[] = {
        "The chest radiograph shows no focal consolidation, pleural effusion or pneumothorax. ",
        "A 7 mm pigmented lesion with irregular borders is seen on the left forearm.\n",
        "Impression: mild degenerative changes at L4-L5 with disc space narrowing.\n\n",
        "Radiografia de tórax sem sinais de consolidação ou derrame pleural. ",
        "Lesão eritematodescamativa de 2,5 cm na região malar direita.\t",
        "胸部X线片未见明显实变、胸腔积液或气胸。",
        "左前臂见一7毫米色素性病变，边界不规则，皮肤镜下可见非典型网络。\n",
        "Recommendation: follow-up CT in 6 months 🩺; BI-RADS 4A.  ",
    };
    std::string text;
    std::uint32_t state = 12345;
    while (text.size() < targetBytes) {
        state = state * 1103515245u + 12345u;
        text += sentences[(state >> 16) % (sizeof(sentences) / sizeof(sentences[0]))];
    }
    return text;
}

}  // namespace

class TokenizerTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void knownIds_data();
    void knownIds();
    void neverAddsBos();
    void decodeSkipsSpecialTokens();
    void lookups();
    void byteFallbackRoundTrip();
    void malformedInputBytes();
    void spaceMarkerDecodesToSpace();
    void badFiles_data();
    void badFiles();
    void missingFileNamesPath();
    void truncatedFile();
    void encodeThroughput();
};

void TokenizerTest::initTestCase() {
    const auto start = std::chrono::steady_clock::now();
    QVERIFY(tokenizertest::realTokenizer() != nullptr);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    qInfo("tokenizer.json (%lld bytes) loaded in %.3f s",
          QFile(tokenizertest::tokenizerJsonPath()).size(), seconds);
}

void TokenizerTest::knownIds_data() {
    QTest::addColumn<std::string>("text");
    QTest::addColumn<std::vector<std::int32_t>>("ids");
    // The prompt skeleton and image-block facts of the spec, checked against the JS tokenizer.
    QTest::newRow("bos text is the bos token")
        << std::string("<bos>Hello") << std::vector<std::int32_t>{2, 9259};
    QTest::newRow("turn start") << std::string("<bos><start_of_turn>user\n")
                                << std::vector<std::int32_t>{2, 105, 2364, 107};
    QTest::newRow("generation tail") << std::string("<end_of_turn>\n<start_of_turn>model\n")
                                     << std::vector<std::int32_t>{106, 107, 105, 4368, 107};
    QTest::newRow("newlines between images merge")
        << std::string("<end_of_image>\n\n\n\n<start_of_image>")
        << std::vector<std::int32_t>{256000, 110, 255999};
    QTest::newRow("double newline")
        << std::string("a\n\n<start_of_image>") << std::vector<std::int32_t>{236746, 108, 255999};
    QTest::newRow("image soft token")
        << std::string("<image_soft_token>") << std::vector<std::int32_t>{262144};
    QTest::newRow("spaces") << std::string(" hello  world ")
                            << std::vector<std::int32_t>{29104, 138, 12392, 236743};
    QTest::newRow("partial special token")
        << std::string("<start_of_tur")
        << std::vector<std::int32_t>{236820, 3041, 236779, 1340, 236779, 30430};
    QTest::newRow("cjk extension bytes")
        << std::string("𠀀") << std::vector<std::int32_t>{478, 398, 366, 366};
    QTest::newRow("empty") << std::string() << std::vector<std::int32_t>{};
}

void TokenizerTest::knownIds() {
    QFETCH(std::string, text);
    QFETCH(std::vector<std::int32_t>, ids);
    QCOMPARE(idsToString(tok().encode(text)), idsToString(ids));
}

void TokenizerTest::neverAddsBos() {
    const auto ids = tok().encode("Hello");
    QCOMPARE(idsToString(ids), QStringLiteral("[9259]"));
}

void TokenizerTest::decodeSkipsSpecialTokens() {
    const std::vector<std::int32_t> ids = {2, 105, 2364, 107, 9259, 106, 262144, 108};
    QCOMPARE(tok().decode(ids, false),
             std::string("<bos><start_of_turn>user\nHello<end_of_turn><image_soft_token>\n\n"));
    // "\n" and "\n\n" are added tokens but not special ones: they stay.
    QCOMPARE(tok().decode(ids, true), std::string("user\nHello\n\n"));
    // Ids without text (the embedding table has 262208 rows) are skipped.
    QCOMPARE(tok().decode({9259, 262200, -1, 9259}, true), std::string("HelloHello"));
}

void TokenizerTest::lookups() {
    QCOMPARE(tok().vocabSize(), 262145);
    QCOMPARE(tok().tokenId("<start_of_turn>").value_or(-1), 105);
    QCOMPARE(tok().tokenId("<image_soft_token>").value_or(-1), 262144);
    QCOMPARE(tok().tokenId("\xE2\x96\x81\xE2\x96\x81").value_or(-1), 138);
    QVERIFY(!tok().tokenId("<no such piece>"));
    QCOMPARE(std::string(tok().tokenText(2).value_or("")), std::string("<bos>"));
    QCOMPARE(std::string(tok().tokenText(238).value_or("")), std::string("<0x00>"));
    QVERIFY(!tok().tokenText(-1));
    QVERIFY(!tok().tokenText(262145));
    for (const std::int32_t id : {0, 1, 2, 3, 105, 106, 255999, 256000, 262144}) {
        QVERIFY2(tok().isSpecial(id), qPrintable(QString::number(id)));
    }
    for (const std::int32_t id : {4, 107, 108, 138, 2364, 9259, 262145}) {
        QVERIFY2(!tok().isSpecial(id), qPrintable(QString::number(id)));
    }
}

void TokenizerTest::byteFallbackRoundTrip() {
    const std::vector<std::string> texts = {"𠀀𪜀", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "\xEF\xBF\xBF",
                                            "a\x7F"
                                            "b",
                                            std::string("nul\0byte", 8)};
    for (const std::string& text : texts) {
        const auto ids = tok().encode(text);
        QCOMPARE(tok().decode(ids, false), text);
    }
}

void TokenizerTest::malformedInputBytes() {
    // Bytes that are not UTF-8 become their byte pieces; a malformed run decodes to one U+FFFD
    // per byte, as the tokenizers library's ByteFallback decoder does.
    const auto ids = tok().encode("\xFF\xFE");
    QCOMPARE(idsToString(ids), idsToString({*tok().tokenId("<0xFF>"), *tok().tokenId("<0xFE>")}));
    QCOMPARE(tok().decode(ids, false), std::string("\xEF\xBF\xBD\xEF\xBF\xBD"));
    const std::vector<std::int32_t> run = {*tok().tokenId("<0xE4>"), *tok().tokenId("<0xB8>"),
                                           *tok().tokenId("<0xAD>"), *tok().tokenId("<0xFF>")};
    // The first three bytes alone would be a valid character: the whole run is replaced.
    std::string fourReplacements;
    for (int i = 0; i < 4; ++i) {
        fourReplacements += "\xEF\xBF\xBD";
    }
    QCOMPARE(tok().decode(run, false), fourReplacements);
}

void TokenizerTest::spaceMarkerDecodesToSpace() {
    // U+2581 is how the vocabulary writes a space, so typed U+2581 comes back as a space.
    QCOMPARE(idsToString(tok().encode("a\xE2\x96\x81"
                                      "b")),
             idsToString(tok().encode("a b")));
    QCOMPARE(tok().decode(tok().encode("a\xE2\x96\x81"
                                       "b"),
                          false),
             std::string("a b"));
}

void TokenizerTest::badFiles_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("mentions");
    const auto row = [](const char* name, const char* json, ErrorCode code, const char* mentions) {
        QTest::newRow(name) << QByteArray(json) << code << QString::fromLatin1(mentions);
    };
    row("empty", "", ErrorCode::InvalidFile, "not valid JSON");
    row("truncated", R"({"model": {"type": "BPE", "vocab": {"a": 0)", ErrorCode::InvalidFile,
        "not valid JSON");
    row("not an object", "[1, 2]", ErrorCode::InvalidFile, "not a JSON object");
    row("no model section", R"({"added_tokens": []})", ErrorCode::InvalidFile, "\"model\"");
    row("model without vocab", R"({"model": {"type": "BPE", "merges": []}})",
        ErrorCode::InvalidFile, "vocab");
    row("unigram", R"({"model": {"type": "Unigram", "vocab": []}})", ErrorCode::UnsupportedModel,
        "Unigram");
    row("vocab id not a number", R"({"model": {"vocab": {"a": "x"}, "merges": []}})",
        ErrorCode::InvalidFile, "'a'");
    row("merge of unknown piece",
        R"({"model": {"vocab": {"a": 0, "<unk>": 1}, "unk_token": "<unk>", "merges": [["a", "b"]]}})",
        ErrorCode::InvalidFile, "'b'");
    row("added token wrong type",
        R"({"model": {"vocab": {"<unk>": 0}, "unk_token": "<unk>", "merges": []}, "added_tokens": [{"id": "x", "content": "y"}]})",
        ErrorCode::InvalidFile, "layout");
    row("regex normalizer",
        R"({"model": {"vocab": {"<unk>": 0}, "unk_token": "<unk>", "merges": []}, "normalizer": {"type": "Replace", "pattern": {"Regex": " +"}, "content": "_"}})",
        ErrorCode::UnsupportedModel, "regular expression");
    row("byte fallback without byte pieces",
        R"({"model": {"vocab": {"a": 0}, "byte_fallback": true, "merges": []}})",
        ErrorCode::UnsupportedModel, "byte_fallback");
}

void TokenizerTest::badFiles() {
    QFETCH(QByteArray, json);
    QFETCH(ErrorCode, code);
    QFETCH(QString, mentions);
    const auto result = Tokenizer::fromJson(json.toStdString(), "dir/tokenizer.json");
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, code);
    const QString message = QString::fromStdString(result.error().message);
    QVERIFY2(message.startsWith(QStringLiteral("dir/tokenizer.json: ")), qPrintable(message));
    QVERIFY2(message.contains(mentions), qPrintable(message));
}

void TokenizerTest::missingFileNamesPath() {
    QTemporaryDir dir;
    const std::string path = tokenizertest::utf8(dir.path()) + "/tokenizer.json";
    const auto result = Tokenizer::load(path);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::FileNotFound);
    QVERIFY(QString::fromStdString(result.error().message).contains(QString::fromStdString(path)));
}

void TokenizerTest::truncatedFile() {
    QFile real(tokenizertest::tokenizerJsonPath());
    QVERIFY(real.open(QIODevice::ReadOnly));
    const QByteArray bytes = real.readAll();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tokenizer.json"));
    for (const qsizetype cut : {qsizetype(1), bytes.size() / 2, bytes.size() - 2}) {
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(bytes.left(cut));
        out.close();
        const auto result = Tokenizer::load(tokenizertest::utf8(path));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::InvalidFile);
        QVERIFY(QString::fromStdString(result.error().message).contains(path));
    }
}

void TokenizerTest::encodeThroughput() {
    const std::string text = throughputText(4u << 20);
    const auto start = std::chrono::steady_clock::now();
    const auto ids = tok().encode(text);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    qInfo("encoded %.2f MB into %zu tokens in %.3f s: %.1f MB/s", text.size() / 1e6, ids.size(),
          seconds, text.size() / 1e6 / seconds);
    QCOMPARE(tok().decode(ids, false), text);
}

QTEST_APPLESS_MAIN(TokenizerTest)
#include "test_tokenizer.moc"
