// Cross-check of segmented PALETTE COLOR lookup tables (PS3.3 C.7.9.2) against pydicom, an
// independent toolkit (GDCM, the reference of the other cross-checks, aborts on them). Synthetic
// files carry seeded programs of discrete, linear and indirect segments for 8- and 16-bit
// indices and 8- and 16-bit entries; tests/dicom/pydicom_palette.py applies them with pydicom's
// apply_color_lut, and every sample must equal what dicom::decodeFrame makes of the file.
//
// The comparison is exact. Where pydicom 2.3 and dicom/ legitimately differ, or pydicom departs
// from the standard, the files avoid the difference instead of tolerating it:
// - PS3.3 leaves the rounding of interpolated entries open; pydicom rounds halves to even, we
//   away from zero. Linear segments here have odd lengths, so no entry falls on a half.
// - The offset of an indirect segment is in bytes ("The byte offset is relative to the
//   beginning of the lookup table", C.7.9.2.3), as GDCM reads it; pydicom reads it as an entry
//   index, which differs for 16-bit entries. pydicom therefore reads a copy of each file whose
//   offsets are entry indices (the writer knows every segment's position). The copy is the same
//   file for 8-bit entries and where every indirect segment points at offset 0 (one row).
// - A replayed linear segment after the value 0 is left out: pydicom takes 0 for "no previous
//   value" and refuses the table.
// - 16-bit indices with 8-bit entries are left out: pydicom clips the index in the entries'
//   8-bit type, which wraps indices above 255.

#include <algorithm>
#include <array>
#include <cstdint>
#include <random>
#include <utility>

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <dcmtk/dcmdata/dcdeftag.h>

#include "dicom/loader.h"
#include "synthetic_dicom.h"

using synthetic::PixelSpec;
using Words = std::vector<Uint16>;

namespace {

enum class OffsetUnit { Bytes, Entries };

// Writes Segmented Palette Color LUT Data and keeps, per segment, what it expands to, so that
// indirect segments can copy whole runs and a program can stop at an exact table length.
class SegmentWriter {
public:
    explicit SegmentWriter(int entryBits) : m_entryBytes(entryBits == 8 ? 1 : 2) {}

    void discrete(const Words& values) {
        add({m_values.size(), values.size(), values.back(), false});
        m_values.insert(m_values.end(), {0, Uint16(values.size())});
        m_values.insert(m_values.end(), values.begin(), values.end());
    }

    void linear(std::size_t length, Uint16 y1) {
        add({m_values.size(), length, y1, false});
        m_values.insert(m_values.end(), {1, Uint16(length), y1});
    }

    // Replays `count` segments, the first being segment number `first`.
    void indirect(std::size_t first, std::size_t count) {
        std::size_t expands = 0;
        for (std::size_t s = first; s < first + count; ++s)
            expands += m_segments[s].expands;
        add({m_values.size(), expands, m_segments[first + count - 1].last, true});
        m_values.insert(m_values.end(), {2, Uint16(count)});
        m_indirects.push_back({m_values.size(), m_segments[first].at});
        m_values.insert(m_values.end(), offsetEntries(), 0);  // filled in by data()
    }

    std::size_t expandedLength() const { return m_expanded; }
    // Segments of each type (discrete, linear, indirect), and indirect ones past the first segment.
    std::array<std::size_t, 4> typeCounts() const {
        std::array<std::size_t, 4> counts{};
        for (const auto& s : m_segments)
            ++counts[s.indirect ? 2 : m_values[s.at]];
        for (const auto& indirect : m_indirects)
            counts[3] += indirect.second > 0 ? 1 : 0;
        return counts;
    }
    std::size_t segmentCount() const { return m_segments.size(); }
    bool isIndirect(std::size_t s) const { return m_segments[s].indirect; }
    bool isLinear(std::size_t s) const {
        return !m_segments[s].indirect && m_values[m_segments[s].at] == 1;
    }
    std::size_t expands(std::size_t s) const { return m_segments[s].expands; }
    Uint16 lastValue() const { return m_segments.back().last; }

    // The data as stored in the OW element: 8-bit values two to a word, low byte first.
    Words data(OffsetUnit unit) const {
        Words values = m_values;
        for (const auto& [slot, target] : m_indirects) {
            const std::uint32_t offset =
                std::uint32_t(target) * (unit == OffsetUnit::Bytes ? m_entryBytes : 1);
            for (std::size_t i = 0; i < offsetEntries(); ++i)  // least significant part first
                values[slot + i] = Uint16((offset >> (8 * m_entryBytes * i)) &
                                          (m_entryBytes == 1 ? 0xFFu : 0xFFFFu));
        }
        if (m_entryBytes == 2)
            return values;
        Words words((values.size() + 1) / 2, 0);
        for (std::size_t i = 0; i < values.size(); ++i)
            words[i / 2] |= Uint16(values[i] << (8 * (i % 2)));
        return words;
    }

private:
    struct Segment {
        std::size_t at;       // entry position of its opcode
        std::size_t expands;  // table entries it produces
        Uint16 last;          // the last of them
        bool indirect;
    };

    void add(const Segment& s) {
        m_segments.push_back(s);
        m_expanded += s.expands;
    }
    // The 32-bit offset takes two 16-bit entries or four 8-bit ones.
    std::size_t offsetEntries() const { return m_entryBytes == 1 ? 4 : 2; }

    std::uint32_t m_entryBytes;
    Words m_values;
    std::vector<Segment> m_segments;
    std::vector<std::pair<std::size_t, std::size_t>> m_indirects;  // offset slot, target position
    std::size_t m_expanded = 0;
};

struct TableShape {
    std::size_t entries = 256;
    int entryBits = 16;
    std::size_t longestLinear = 41;  // odd
    bool indirectFromStartOnly = false;
};

// An indirect segment that fits in `left` entries: a run of one to three plain segments.
bool addIndirect(SegmentWriter& w, const TableShape& shape, std::size_t left, std::mt19937& rng) {
    const std::size_t plain = w.segmentCount();
    const std::size_t first = shape.indirectFromStartOnly ? 0 : rng() % plain;
    const std::size_t longest = 1 + rng() % 3;
    std::size_t count = 0, expands = 0;
    for (std::size_t s = first; s < plain && count < longest; ++s, ++count) {
        if (w.isIndirect(s) || expands + w.expands(s) > left)
            break;
        expands += w.expands(s);
    }
    if (count == 0 || (w.isLinear(first) && w.lastValue() == 0))
        return false;
    w.indirect(first, count);
    return true;
}

// A seeded mix of the three segment types that expands to exactly `shape.entries` entries.
SegmentWriter makeProgram(const TableShape& shape, std::uint32_t seed) {
    std::mt19937 rng(seed);
    const std::uint32_t top = shape.entryBits == 8 ? 0xFFu : 0xFFFFu;
    const auto value = [&] { return Uint16(rng() % (top + 1)); };
    SegmentWriter w(shape.entryBits);
    w.discrete({Uint16(top), 0, value()});
    while (w.expandedLength() < shape.entries) {
        const std::size_t left = shape.entries - w.expandedLength();
        const unsigned kind = rng() % 4;
        if (kind == 3 && addIndirect(w, shape, left, rng))
            continue;
        if (kind == 1 || kind == 2) {
            const std::size_t room = std::min(left, shape.longestLinear);
            w.linear(1 + 2 * (rng() % ((room + 1) / 2)), value());
            continue;
        }
        Words values(std::min<std::size_t>(left, 1 + rng() % 5));
        for (auto& v : values)
            v = value();
        w.discrete(values);
    }
    return w;
}

PixelSpec palette(int indexBits) {
    PixelSpec s;
    s.rows = indexBits == 8 ? 16 : 256;
    s.columns = indexBits == 8 ? 32 : 256;
    s.bitsAllocated = s.bitsStored = indexBits;
    s.highBit = indexBits - 1;
    s.photometric = "PALETTE COLOR";
    return s;
}

// Every index once, then (8-bit indices) the usual pattern.
std::vector<std::int64_t> indexSamples(const PixelSpec& spec) {
    auto samples = synthetic::patternSamples(spec, 5);
    for (std::int64_t i = 0; i <= spec.maxValue() && std::size_t(i) < samples.size(); ++i)
        samples[std::size_t(i)] = i;
    return samples;
}

using Programs = std::array<SegmentWriter, 3>;  // red, green, blue

struct PaletteFile {
    PixelSpec spec;
    std::vector<std::int64_t> samples;
    Programs programs;
    std::array<Uint16, 3> descriptor;  // entries (0 for 65536), first mapped, bits per entry
    E_TransferSyntax syntax;
};

bool writePalette(const QString& path, const PaletteFile& f, OffsetUnit unit) {
    const DcmTagKey descriptors[] = {DCM_RedPaletteColorLookupTableDescriptor,
                                     DCM_GreenPaletteColorLookupTableDescriptor,
                                     DCM_BluePaletteColorLookupTableDescriptor};
    const DcmTagKey segmented[] = {DCM_SegmentedRedPaletteColorLookupTableData,
                                   DCM_SegmentedGreenPaletteColorLookupTableData,
                                   DCM_SegmentedBluePaletteColorLookupTableData};
    DcmFileFormat file;
    DcmDataset& ds = *file.getDataset();
    synthetic::putIdentity(ds, {});
    synthetic::putPixels(ds, f.spec, synthetic::packSamples(f.spec, f.samples));
    for (std::size_t c = 0; c < 3; ++c) {
        const Words data = f.programs[c].data(unit);
        ds.putAndInsertUint16Array(descriptors[c], f.descriptor.data(), 3);
        ds.putAndInsertUint16Array(segmented[c], data.data(), data.size());
    }
    return synthetic::save(file, path.toStdString(), f.syntax);
}

// The first sample where our RGB differs from pydicom's raw little-endian output, or nothing.
QString firstMismatch(const dicom::Image& image, const QByteArray& reference,
                      const std::vector<std::int64_t>& indices) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(reference.constData());
    const bool deep = image.format == dicom::PixelFormat::Rgb16;
    for (std::size_t i = 0; i < image.pixelCount() * 3; ++i) {
        const unsigned ours = deep ? image.rgb16[i] : image.rgb8[i];
        const unsigned theirs =
            deep ? unsigned(bytes[2 * i]) | unsigned(bytes[2 * i + 1]) << 8 : bytes[i];
        if (ours != theirs)
            return QStringLiteral("pixel %1 (index %2), channel %3: ours %4, pydicom %5")
                .arg(i / 3)
                .arg(indices[i / 3])
                .arg(i % 3)
                .arg(ours)
                .arg(theirs);
    }
    return {};
}

}  // namespace

Q_DECLARE_METATYPE(E_TransferSyntax)

class PydicomPaletteCrossCheckTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_python = pythonWithPydicom();
        QVERIFY2(!m_python.isEmpty(),
                 "python3 with pydicom and numpy (python3-pydicom, python3-numpy; "
                 "packaging/install-deps.sh) is needed for the cross-check");
    }

    void sameRgbAsPydicom_data() {
        QTest::addColumn<int>("indexBits");
        QTest::addColumn<int>("entries");  // 65536 is written as 0
        QTest::addColumn<int>("firstMapped");
        QTest::addColumn<int>("entryBits");
        QTest::addColumn<int>("longestLinear");
        QTest::addColumn<bool>("fromStartOnly");
        QTest::addColumn<E_TransferSyntax>("syntax");
        const auto le = EXS_LittleEndianExplicit;
        QTest::newRow("8-bit indices, 16-bit entries") << 8 << 256 << 0 << 16 << 41 << false << le;
        QTest::newRow("8-bit indices, 16-bit entries, same file for both, 200 from 16")
            << 8 << 200 << 16 << 16 << 25 << true << le;
        QTest::newRow("8-bit indices, 8-bit entries") << 8 << 256 << 0 << 8 << 31 << false << le;
        QTest::newRow("8-bit indices, 8-bit entries, 100 from 40, implicit VR")
            << 8 << 100 << 40 << 8 << 15 << false << EXS_LittleEndianImplicit;
        QTest::newRow("16-bit indices, 65536 16-bit entries")
            << 16 << 65536 << 0 << 16 << 4095 << false << le;
        QTest::newRow("16-bit indices, 3000 16-bit entries from 1000, big endian")
            << 16 << 3000 << 1000 << 16 << 301 << false << EXS_BigEndianExplicit;
    }

    void sameRgbAsPydicom() {
        QFETCH(int, indexBits);
        QFETCH(int, entries);
        QFETCH(int, firstMapped);
        QFETCH(int, entryBits);
        QFETCH(int, longestLinear);
        QFETCH(bool, fromStartOnly);
        QFETCH(E_TransferSyntax, syntax);
        const TableShape shape{std::size_t(entries), entryBits, std::size_t(longestLinear),
                               fromStartOnly};
        const Programs programs = {makeProgram(shape, 11 + m_counter),
                                   makeProgram(shape, 23 + m_counter),
                                   makeProgram(shape, 37 + m_counter)};
        for (const auto& program : programs) {  // the seeds must give every kind of segment
            const auto counts = program.typeCounts();
            QVERIFY(counts[0] > 0 && counts[1] > 0 && counts[2] > 0);
            QVERIFY(fromStartOnly ? counts[3] == 0 : counts[3] > 0);
        }
        const PixelSpec spec = palette(indexBits);
        const auto samples = indexSamples(spec);
        const PaletteFile file{spec,
                               samples,
                               programs,
                               {Uint16(entries), Uint16(firstMapped), Uint16(entryBits)},
                               syntax};
        const QString base = m_dir.filePath(QString::number(++m_counter));
        const QString ours = base + QStringLiteral(".dcm");
        const QString theirs = base + QStringLiteral("-pydicom.dcm");
        QVERIFY(writePalette(ours, file, OffsetUnit::Bytes));
        QVERIFY(writePalette(theirs, file, OffsetUnit::Entries));
        if (entryBits == 8 || fromStartOnly)
            QCOMPARE(contents(theirs), contents(ours));

        const QByteArray reference = pydicomRgb(theirs);
        QVERIFY(!reference.isEmpty());
        const auto scanned = dicom::scanPaths({ours.toStdString()});
        QCOMPARE(scanned.instanceCount(), std::size_t(1));
        const auto image =
            dicom::decodeFrame(scanned.patients[0].studies[0].series[0].instances[0]);
        QVERIFY2(image.ok(), image.error().message.c_str());
        QCOMPARE(image->format,
                 entryBits == 8 ? dicom::PixelFormat::Rgb8 : dicom::PixelFormat::Rgb16);
        QCOMPARE(std::size_t(reference.size()),
                 image->pixelCount() * 3 * std::size_t(entryBits / 8));
        const QString mismatch = firstMismatch(image.value(), reference, samples);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }

private:
    // Debian's python3-pydicom serves /usr/bin/python3, which another python3 on PATH may hide.
    static QString pythonWithPydicom() {
        for (const QString& candidate :
             {QStringLiteral("/usr/bin/python3"),
              QStandardPaths::findExecutable(QStringLiteral("python3"))}) {
            if (candidate.isEmpty() || !QFile::exists(candidate))
                continue;
            QProcess probe;
            probe.start(candidate,
                        {QStringLiteral("-c"),
                         QStringLiteral("import numpy, pydicom.pixel_data_handlers.util")});
            if (probe.waitForFinished(30000) && probe.exitStatus() == QProcess::NormalExit &&
                probe.exitCode() == 0)
                return candidate;
        }
        return {};
    }

    static QByteArray contents(const QString& path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    QByteArray pydicomRgb(const QString& path) {
        const QString raw = path + QStringLiteral(".rgb");
        QProcess python;
        python.start(m_python,
                     {QStringLiteral(MEDGEMMA_TEST_SOURCE_DIR "/pydicom_palette.py"), path, raw});
        if (!python.waitForFinished(60000) || python.exitStatus() != QProcess::NormalExit ||
            python.exitCode() != 0) {
            qWarning("pydicom_palette.py %s: %s", qPrintable(path),
                     python.readAllStandardError().constData());
            return {};
        }
        return contents(raw);
    }

    QTemporaryDir m_dir;
    QString m_python;
    std::uint32_t m_counter = 0;
};

QTEST_APPLESS_MAIN(PydicomPaletteCrossCheckTest)
#include "test_pydicom_palette_crosscheck.moc"
