// The Modality LUT stage (rescale and LUT sequence) and PALETTE COLOR lookup tables, including
// the descriptor rules (0 entries = 65536, first mapped value, 8-bit entries in 16-bit words)
// and segmented tables.

#include <algorithm>
#include <array>
#include <functional>

#include <dcmtk/dcmdata/dcdeftag.h>

#include <QTemporaryDir>
#include <QtTest>

#include "dicom/loader.h"
#include "synthetic_dicom.h"

using synthetic::PixelSpec;
using Words = std::vector<Uint16>;

Q_DECLARE_METATYPE(PixelSpec)

namespace {

PixelSpec grey(int allocated, int stored, bool isSigned) {
    PixelSpec s;
    s.rows = 4;
    s.columns = 16;
    s.bitsAllocated = allocated;
    s.bitsStored = stored;
    s.highBit = stored - 1;
    s.isSigned = isSigned;
    return s;
}

PixelSpec palette(int allocated) {
    PixelSpec s = grey(allocated, allocated, false);
    s.photometric = "PALETTE COLOR";
    return s;
}

struct PaletteTable {
    Uint16 descriptor[3];
    std::array<Words, 3> data;  // red, green, blue, as stored
    bool segmented = false;
};

// LUT Data words for `entries`: one entry per word, or 8-bit entries two per word (low first).
Words stored(const Words& entries, bool packed) {
    if (!packed) return entries;
    Words words((entries.size() + 1) / 2, 0);
    for (std::size_t i = 0; i < entries.size(); ++i) words[i / 2] |= Uint16((entries[i] & 0xFF) << (8 * (i % 2)));
    return words;
}

void putPalette(DcmDataset& ds, const PaletteTable& t) {
    const DcmTagKey descriptors[] = {DCM_RedPaletteColorLookupTableDescriptor,
                                     DCM_GreenPaletteColorLookupTableDescriptor,
                                     DCM_BluePaletteColorLookupTableDescriptor};
    const DcmTagKey data[] = {DCM_RedPaletteColorLookupTableData, DCM_GreenPaletteColorLookupTableData,
                              DCM_BluePaletteColorLookupTableData};
    const DcmTagKey segmented[] = {DCM_SegmentedRedPaletteColorLookupTableData,
                                   DCM_SegmentedGreenPaletteColorLookupTableData,
                                   DCM_SegmentedBluePaletteColorLookupTableData};
    for (int c = 0; c < 3; ++c) {
        ds.putAndInsertUint16Array(descriptors[c], t.descriptor, 3);
        const Words& channel = t.data[std::size_t(c)];
        ds.putAndInsertUint16Array(t.segmented ? segmented[c] : data[c], channel.data(), channel.size());
    }
}

std::string writeWith(QTemporaryDir& dir, const PixelSpec& spec, const std::vector<std::int64_t>& samples,
                      const std::function<void(DcmDataset&)>& extra) {
    static int counter = 0;
    const std::string path = dir.filePath(QStringLiteral("lut%1.dcm").arg(++counter)).toStdString();
    DcmFileFormat file;
    synthetic::putIdentity(*file.getDataset(), {});
    synthetic::putPixels(*file.getDataset(), spec, synthetic::packSamples(spec, samples));
    extra(*file.getDataset());
    return synthetic::save(file, path, EXS_LittleEndianExplicit) ? path : std::string();
}

dicom::Result<dicom::Image> decode(const std::string& path) {
    const auto c = dicom::scanPaths({path});
    if (c.instanceCount() != 1) return dicom::Error{dicom::ErrorCode::Internal, "scan failed"};
    return dicom::decodeFrame(c.patients[0].studies[0].series[0].instances[0]);
}

// The table lookup of PS3.3 C.11.1.1.1 / C.7.6.3.1.5, written independently for the tests.
Uint16 lookup(const Words& entries, std::int64_t firstMapped, std::int64_t v) {
    const std::int64_t i = std::clamp<std::int64_t>(v - firstMapped, 0, std::int64_t(entries.size()) - 1);
    return entries[std::size_t(i)];
}

Words ramp(std::size_t n, Uint16 start, Uint16 step) {
    Words w(n);
    for (std::size_t i = 0; i < n; ++i) w[i] = Uint16(start + step * i);
    return w;
}

}  // namespace

class LutDecodeTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rescale_data() {
        QTest::addColumn<PixelSpec>("spec");
        QTest::addColumn<double>("slope");
        QTest::addColumn<double>("intercept");
        QTest::newRow("CT unsigned 12-bit, -1024") << grey(16, 12, false) << 1.0 << -1024.0;
        QTest::newRow("CT signed 16-bit, -1024") << grey(16, 16, true) << 1.0 << -1024.0;
        QTest::newRow("fractional slope and intercept") << grey(16, 16, false) << 0.25 << -10.125;
        QTest::newRow("PET-like slope on 32-bit") << grey(32, 32, false) << 0.000123 << 0.0;
        QTest::newRow("negative slope") << grey(8, 8, true) << -2.0 << 5.0;
    }

    void rescale() {
        QFETCH(PixelSpec, spec);
        QFETCH(double, slope);
        QFETCH(double, intercept);
        const auto samples = synthetic::patternSamples(spec, 7);
        const auto path = writeWith(m_dir, spec, samples, [&](DcmDataset& ds) {
            ds.putAndInsertString(DCM_RescaleSlope, QByteArray::number(slope, 'g', 12).constData());
            ds.putAndInsertString(DCM_RescaleIntercept, QByteArray::number(intercept, 'g', 12).constData());
        });
        const auto image = decode(path);
        QVERIFY2(image.ok(), image.error().message.c_str());
        for (std::size_t i = 0; i < samples.size(); ++i)
            QCOMPARE(image->grey[i], static_cast<float>(double(samples[i]) * slope + intercept));
    }

    void modalityLutSequence_data() {
        QTest::addColumn<PixelSpec>("spec");
        QTest::addColumn<QVector<int>>("descriptor");  // entries, first mapped (as stored), bits
        QTest::addColumn<bool>("packed8");
        QTest::newRow("8-bit pixels, 256 x 16-bit") << grey(8, 8, false) << QVector<int>{256, 0, 16} << false;
        QTest::newRow("signed pixels, first mapped -100") << grey(16, 9, true) << QVector<int>{200, 0xFF9C, 12} << false;
        QTest::newRow("first mapped 20, short table") << grey(8, 6, false) << QVector<int>{30, 20, 16} << false;
        QTest::newRow("8-bit entries packed in words") << grey(8, 8, false) << QVector<int>{256, 0, 8} << true;
    }

    void modalityLutSequence() {
        QFETCH(PixelSpec, spec);
        QFETCH(QVector<int>, descriptor);
        QFETCH(bool, packed8);
        const std::size_t entries = std::size_t(descriptor[0]);
        const std::int64_t first = spec.isSigned ? std::int16_t(descriptor[1]) : descriptor[1];
        Words table = ramp(entries, 3, packed8 ? 1 : 7);
        if (packed8)
            for (auto& e : table) e &= 0xFF;
        const Words data = stored(table, packed8);
        const auto samples = synthetic::patternSamples(spec, 3);
        const auto path = writeWith(m_dir, spec, samples, [&](DcmDataset& ds) {
            DcmItem* item = nullptr;
            ds.findOrCreateSequenceItem(DCM_ModalityLUTSequence, item);
            const Uint16 d[3] = {Uint16(descriptor[0]), Uint16(descriptor[1]), Uint16(descriptor[2])};
            item->putAndInsertUint16Array(DCM_LUTDescriptor, d, 3);
            item->putAndInsertUint16Array(DCM_LUTData, data.data(), data.size());
            item->putAndInsertString(DCM_ModalityLUTType, "US");
        });
        const auto image = decode(path);
        QVERIFY2(image.ok(), image.error().message.c_str());
        for (std::size_t i = 0; i < samples.size(); ++i)
            QCOMPARE(image->grey[i], float(lookup(table, first, samples[i])));
    }

    void paletteColour_data() {
        QTest::addColumn<PixelSpec>("spec");
        QTest::addColumn<int>("entries");      // as in the descriptor
        QTest::addColumn<int>("firstMapped");
        QTest::addColumn<int>("bits");
        QTest::addColumn<int>("layout");       // 0: one entry per word, 1: 8-bit packed in pairs
        QTest::newRow("8-bit indices, 16-bit entries") << palette(8) << 256 << 0 << 16 << 0;
        QTest::newRow("8-bit entries packed two per word") << palette(8) << 256 << 0 << 8 << 1;
        QTest::newRow("8-bit entries one per word") << palette(8) << 256 << 0 << 8 << 0;
        QTest::newRow("16-bit indices, 0 entries = 65536") << palette(16) << 0 << 0 << 16 << 0;
        QTest::newRow("first mapped 10, 20 entries (clamped)") << palette(8) << 20 << 10 << 16 << 0;
    }

    void paletteColour() {
        QFETCH(PixelSpec, spec);
        QFETCH(int, entries);
        QFETCH(int, firstMapped);
        QFETCH(int, bits);
        QFETCH(int, layout);
        const std::size_t count = entries == 0 ? 65536 : std::size_t(entries);
        Words red = bits == 8 ? ramp(count, 1, 1) : ramp(count, 100, 257);
        if (bits == 8)
            for (auto& e : red) e &= 0xFF;
        // Green runs the other way, so a swapped or shared channel would show.
        const Words green(red.rbegin(), red.rend());
        const bool packed = layout == 1;
        const PaletteTable t{{Uint16(entries), Uint16(firstMapped), Uint16(bits)},
                             {stored(red, packed), stored(green, packed), stored(red, packed)}};
        const auto samples = synthetic::patternSamples(spec, 11);
        const auto path = writeWith(m_dir, spec, samples, [&](DcmDataset& ds) { putPalette(ds, t); });
        const auto image = decode(path);
        QVERIFY2(image.ok(), image.error().message.c_str());
        QCOMPARE(image->format, bits == 8 ? dicom::PixelFormat::Rgb8 : dicom::PixelFormat::Rgb16);
        for (std::size_t p = 0; p < samples.size(); ++p) {
            const double r = bits == 8 ? image->rgb8[3 * p] : image->rgb16[3 * p];
            const double g = bits == 8 ? image->rgb8[3 * p + 1] : image->rgb16[3 * p + 1];
            QCOMPARE(r, double(lookup(red, firstMapped, samples[p])));
            QCOMPARE(g, double(lookup(green, firstMapped, samples[p])));
        }
    }

    // Discrete, linear and indirect segments (PS3.3 C.7.9.2) expand to a known table.
    void segmentedPalette() {
        const Words segments = {
            0, 3, 0, 1000, 2000,  // discrete: 0 1000 2000
            1, 4, 6000,           // linear: 3000 4000 5000 6000
            2, 2, 0, 0,           // indirect: replay the 2 segments at byte offset 0
        };
        const Words expected = {0, 1000, 2000, 3000, 4000, 5000, 6000, 0, 1000, 2000, 3000, 4000, 5000, 6000};
        PixelSpec spec = palette(8);
        std::vector<std::int64_t> samples(std::size_t(spec.rows * spec.columns));
        for (std::size_t i = 0; i < samples.size(); ++i) samples[i] = std::int64_t(i % 16);
        const PaletteTable t{{Uint16(expected.size()), 0, 16}, {segments, segments, segments}, true};
        const auto path = writeWith(m_dir, spec, samples, [&](DcmDataset& ds) { putPalette(ds, t); });
        const auto image = decode(path);
        QVERIFY2(image.ok(), image.error().message.c_str());
        QCOMPARE(image->format, dicom::PixelFormat::Rgb16);
        for (std::size_t p = 0; p < samples.size(); ++p)
            QCOMPARE(image->rgb16[3 * p + 2], lookup(expected, 0, samples[p]));
    }

    void paletteWithoutTableIsAnError() {
        const auto path = writeWith(m_dir, palette(8), synthetic::patternSamples(palette(8)), [](DcmDataset& ds) {
            const Uint16 d[3] = {256, 0, 16};
            ds.putAndInsertUint16Array(DCM_RedPaletteColorLookupTableDescriptor, d, 3);
        });
        const auto image = decode(path);
        QVERIFY(!image.ok());
        QCOMPARE(image.error().code, dicom::ErrorCode::Corrupt);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_APPLESS_MAIN(LutDecodeTest)
#include "test_lut_decode.moc"
