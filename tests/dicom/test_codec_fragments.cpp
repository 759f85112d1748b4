// Encapsulated frames split over several fragments, with the Basic Offset Table filled or
// empty and with the Extended Offset Table; the frame-finding rules as a table of fragment
// lengths and offsets; and frames the rules cannot place.

#include <QTemporaryDir>
#include <QtTest>

#include "codec_cases.h"
#include "codec_compare.h"
#include "dicom/detail/fragment_index.h"
#include "dicom/loader.h"

using dicom::detail::FragmentList;
using synthetic::Codec;
using synthetic::OffsetTable;

Q_DECLARE_METATYPE(Codec)
Q_DECLARE_METATYPE(OffsetTable)
Q_DECLARE_METATYPE(FragmentList)
Q_DECLARE_METATYPE(std::vector<int>)
Q_DECLARE_METATYPE(std::vector<bool>)

namespace {

dicom::InstanceInfo scanOne(const std::string& path) {
    const auto collection = dicom::scanPaths({path});
    if (collection.instanceCount() != 1 || !collection.errors.empty())
        return {};
    return collection.patients[0].studies[0].series[0].instances[0];
}

FragmentList list(std::vector<std::uint64_t> lengths, std::vector<std::uint64_t> offsets = {}) {
    return {std::move(lengths), std::move(offsets)};
}

}  // namespace

class CodecFragmentsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void multiFragmentFrames_data() {
        QTest::addColumn<Codec>("codec");
        QTest::addColumn<int>("fragments");
        QTest::addColumn<OffsetTable>("table");
        const std::pair<const char*, Codec> codecs[] = {{"jpeg-lossless", Codec::JpegLossless},
                                                        {"jpeg-baseline", Codec::JpegBaseline},
                                                        {"jpegls", Codec::JpegLsLossless},
                                                        {"j2k", Codec::J2kLossless}};
        const std::pair<const char*, OffsetTable> tables[] = {
            {"empty-table", OffsetTable::Empty},
            {"basic-table", OffsetTable::Basic},
            {"extended-table", OffsetTable::Extended}};
        for (const auto& [codecName, codec] : codecs)
            for (const auto& [tableName, table] : tables)
                for (int fragments : {1, 3})
                    QTest::addRow("%s/%d-fragments/%s", codecName, fragments, tableName)
                        << codec << fragments << table;
        // RLE frames are one fragment each (PS3.5 G.2); the markers still find them.
        QTest::addRow("rle/1-fragment/empty-table") << Codec::Rle << 1 << OffsetTable::Empty;
    }

    void multiFragmentFrames() {
        QFETCH(Codec, codec);
        QFETCH(int, fragments);
        QFETCH(OffsetTable, table);
        auto spec = codec_cases::layout("MONOCHROME2", 8, 8, false, 1, 3);
        spec.rows = 24;
        spec.columns = 32;
        auto codecSpec = codec_cases::with(codec);
        codecSpec.fragmentsPerFrame = fragments;
        codecSpec.table = table;
        const auto samples = synthetic::isLossless(codec) ? synthetic::patternSamples(spec, 3)
                                                          : codec_cases::smoothSamples(spec);
        const std::string path =
            m_dir.filePath(QString::number(++m_counter) + QStringLiteral(".dcm")).toStdString();
        QVERIFY(synthetic::writeCompressed(path, spec, samples, codecSpec));
        const auto instance = scanOne(path);
        // Decoded out of order: nothing may depend on having decoded the previous frame.
        for (int frame : {2, 0, 1}) {
            const auto image = dicom::decodeFrame(instance, frame);
            QVERIFY2(image.ok(), image.error().message.c_str());
            const auto d = codec_compare::compareFrame(spec, samples, frame, image.value());
            QVERIFY2(d.max <= (synthetic::isLossless(codec) ? 0 : 24),
                     qPrintable(QString::number(d.max)));
        }
    }

    void locatesFrames_data() {
        QTest::addColumn<FragmentList>("fragments");
        QTest::addColumn<int>("frames");
        QTest::addColumn<std::vector<bool>>("markers");  // which fragments open a codestream
        QTest::addColumn<std::vector<int>>("expected");  // first, count per frame; empty: error
        using V = std::vector<int>;
        using M = std::vector<bool>;
        QTest::newRow("one per frame") << list({10, 20, 30}) << 3 << M{} << V{0, 1, 1, 1, 2, 1};
        QTest::newRow("single frame, many") << list({10, 20, 30}) << 1 << M{} << V{0, 3};
        QTest::newRow("basic table")
            << list({10, 20, 30, 40}, {0, 46}) << 2 << M{} << V{0, 2, 2, 2};
        QTest::newRow("basic table, uneven")
            << list({10, 20, 30, 40}, {0, 18}) << 2 << M{} << V{0, 1, 1, 3};
        QTest::newRow("table off a boundary, markers")
            << list({10, 20, 30, 40}, {0, 20}) << 2 << M{true, false, true, false} << V{0, 2, 2, 2};
        QTest::newRow("table not increasing, markers")
            << list({10, 20, 30, 40}, {46, 0}) << 2 << M{true, false, false, true} << V{0, 3, 3, 1};
        QTest::newRow("table too short, one per frame")
            << list({10, 20}, {0}) << 2 << M{} << V{0, 1, 1, 1};
        QTest::newRow("markers") << list({10, 20, 30, 40, 50}) << 2
                                 << M{true, false, false, true, false} << V{0, 3, 3, 2};
        QTest::newRow("markers disagree")
            << list({10, 20, 30, 40}) << 3 << M{true, false, true, false} << V{};
        QTest::newRow("first fragment unmarked")
            << list({10, 20, 30}) << 2 << M{false, true, true} << V{};
        QTest::newRow("fewer fragments than frames") << list({10, 20}) << 3 << M{true, true} << V{};
        QTest::newRow("no fragments") << list({}) << 1 << M{} << V{};
    }

    void locatesFrames() {
        QFETCH(FragmentList, fragments);
        QFETCH(int, frames);
        QFETCH(std::vector<bool>, markers);
        QFETCH(std::vector<int>, expected);
        const auto startsFrame = [&](std::size_t i) { return i < markers.size() && markers[i]; };
        for (int frame = 0; frame < frames; ++frame) {
            const auto range =
                dicom::detail::locateFrameFragments(fragments, frames, frame, startsFrame);
            if (expected.empty()) {
                QVERIFY(!range.ok());
                QCOMPARE(range.error().code, dicom::ErrorCode::Corrupt);
                return;
            }
            QVERIFY2(range.ok(), range.error().message.c_str());
            QCOMPARE(int(range->first), expected[std::size_t(2 * frame)]);
            QCOMPARE(int(range->count), expected[std::size_t(2 * frame + 1)]);
        }
    }

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
};

QTEST_APPLESS_MAIN(CodecFragmentsTest)
#include "test_codec_fragments.moc"
