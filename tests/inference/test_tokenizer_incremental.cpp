// IncrementalDecoder: ids streamed one at a time give the same text as decode(), chunk by
// chunk valid UTF-8, with byte-fallback characters held back until complete.
#include <QTest>

#include <random>

#include "inference/tokenizer_incremental.h"
#include "inference/unicode_utf8.h"
#include "tokenizer_test_support.h"

using inference::IncrementalDecoder;

Q_DECLARE_METATYPE(std::string)

namespace {

const inference::Tokenizer& tok() {
    return *tokenizertest::realTokenizer();
}

std::int32_t byteId(const char* piece) {
    return tok().tokenId(piece).value_or(-1);
}

// Valid code points from all planes, seeded so that failures reproduce.
std::string randomText(std::uint32_t seed, int length) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<std::uint32_t> plane(0, 3);
    std::string text;
    for (int i = 0; i < length; ++i) {
        const std::uint32_t ranges[4][2] = {
            {0x20, 0x7E}, {0xA0, 0xFFFD}, {0x10000, 0x2FFFF}, {0x30000, 0x10FFFF}};
        const auto& r = ranges[plane(rng)];
        auto cp = std::uniform_int_distribution<std::uint32_t>(r[0], r[1])(rng);
        if ((cp >= 0xD800 && cp <= 0xDFFF) || cp == 0x2581) {
            cp = 'x';
        }
        inference::utf8::append(text, static_cast<char32_t>(cp));
    }
    return text;
}

}  // namespace

class IncrementalDecoderTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(tokenizertest::realTokenizer() != nullptr); }
    void streamsMatchDecode_data();
    void streamsMatchDecode();
    void holdsBytesUntilCharacterCompletes();
    void malformedBytesBecomeReplacementCharacters();
    void finishFlushesUnfinishedCharacter();
    void skipsSpecialAndUnknownIds();
};

void IncrementalDecoderTest::streamsMatchDecode_data() {
    QTest::addColumn<std::string>("text");
    QTest::newRow("cjk extension") << std::string("𠀀𪜀𫝀𬺰 病变 𰀀𱍐");
    QTest::newRow("emoji sequences") << std::string(
        "👩‍⚕️ 👨‍👩‍👧‍👦 🇧🇷🇨🇳 👍🏽 1️⃣ "
        "🏴󠁧󠁢󠁳󠁣󠁴󠁿");
    QTest::newRow("portuguese") << std::string(
        "Lesão pigmentada no antebraço; derrame pleural ausente.");
    QTest::newRow("chinese") << std::string("胸部X线片未见明显实变、胸腔积液或气胸。");
    QTest::newRow("combining marks") << std::string("e\u0301 a\u0308\u0323 Z\u0351\u0352\u0353");
    QTest::newRow("specials inline")
        << std::string("<bos><start_of_turn>user\n结节 🩺<end_of_turn>\n<image_soft_token>");
    QTest::newRow("newline runs") << std::string("a\n\n\n\nb\t\t c   d");
    for (std::uint32_t seed = 1; seed <= 20; ++seed) {
        QTest::addRow("random %u", seed) << randomText(seed, 80);
    }
}

void IncrementalDecoderTest::streamsMatchDecode() {
    QFETCH(std::string, text);
    const auto ids = tok().encode(text);
    for (const bool skipSpecial : {false, true}) {
        IncrementalDecoder decoder(tok(), skipSpecial);
        std::string streamed;
        for (const std::int32_t id : ids) {
            const std::string chunk = decoder.push(id);
            QVERIFY2(inference::utf8::isValid(chunk), "a chunk ends inside a character");
            streamed += chunk;
        }
        QVERIFY(!decoder.hasPendingBytes());
        streamed += decoder.finish();
        QCOMPARE(tokenizertest::fromUtf8(streamed),
                 tokenizertest::fromUtf8(tok().decode(ids, skipSpecial)));
    }
}

void IncrementalDecoderTest::holdsBytesUntilCharacterCompletes() {
    // U+20000 is not in the vocabulary: four byte pieces.
    IncrementalDecoder decoder(tok(), true);
    QCOMPARE(decoder.push(byteId("<0xF0>")), std::string());
    QCOMPARE(decoder.push(byteId("<0xA0>")), std::string());
    QCOMPARE(decoder.push(byteId("<0x80>")), std::string());
    QVERIFY(decoder.hasPendingBytes());
    QCOMPARE(decoder.push(byteId("<0x80>")), std::string("𠀀"));
    QVERIFY(!decoder.hasPendingBytes());
}

void IncrementalDecoderTest::malformedBytesBecomeReplacementCharacters() {
    IncrementalDecoder decoder(tok(), false);
    QCOMPARE(decoder.push(byteId("<0xFF>")), std::string("\xEF\xBF\xBD"));
    QCOMPARE(decoder.push(byteId("<0xE4>")), std::string());
    // A continuation byte that cannot follow: the lead is malformed, the next byte starts over.
    QCOMPARE(decoder.push(byteId("<0x41>")), std::string("\xEF\xBF\xBD"
                                                         "A"));
    QCOMPARE(decoder.push(byteId("<0xE4>")), std::string());
    // A non-byte piece cuts the character short.
    QCOMPARE(decoder.push(*tok().tokenId("<bos>")), std::string("\xEF\xBF\xBD<bos>"));
}

void IncrementalDecoderTest::finishFlushesUnfinishedCharacter() {
    IncrementalDecoder decoder(tok(), false);
    QCOMPARE(decoder.push(byteId("<0xE4>")), std::string());
    QCOMPARE(decoder.push(byteId("<0xB8>")), std::string());
    QCOMPARE(decoder.finish(), std::string("\xEF\xBF\xBD\xEF\xBF\xBD"));
    QCOMPARE(decoder.finish(), std::string());
    QCOMPARE(decoder.push(9259), std::string("Hello"));
}

void IncrementalDecoderTest::skipsSpecialAndUnknownIds() {
    IncrementalDecoder skipping(tok(), true);
    IncrementalDecoder keeping(tok(), false);
    std::string skipped;
    std::string kept;
    for (const std::int32_t id : {2, 9259, 262144, 262200, -5, 106}) {
        skipped += skipping.push(id);
        kept += keeping.push(id);
    }
    QCOMPARE(skipped, std::string("Hello"));
    QCOMPARE(kept, std::string("<bos>Hello<image_soft_token><end_of_turn>"));
}

QTEST_APPLESS_MAIN(IncrementalDecoderTest)
#include "test_tokenizer_incremental.moc"
