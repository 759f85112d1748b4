// Damaged compressed pixel data: truncated and empty fragments, garbage codestreams, wrong
// lengths and offset tables, codestreams that contradict the header. Each gives a clean error
// (no crash, no hang), then a mutation sweep over files of every codec.

#include <fstream>
#include <functional>
#include <random>

#include <dcmtk/dcmdata/dcdeftag.h>

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include "codec_cases.h"
#include "dicom/loader.h"

using synthetic::Codec;
using Damage = std::function<void(DcmDataset&, std::vector<std::vector<std::uint8_t>>& frames)>;

Q_DECLARE_METATYPE(Codec)
Q_DECLARE_METATYPE(Damage)
Q_DECLARE_METATYPE(dicom::ErrorCode)

namespace {

constexpr int kLoads = -1;

synthetic::PixelSpec grey(int frames = 1) {
    auto s = codec_cases::layout("MONOCHROME2", 16, 12, false, 1, frames);
    s.rows = 24;
    s.columns = 32;
    return s;
}

std::string readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void writeAll(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

std::vector<std::uint8_t> noise(std::size_t n, unsigned seed) {
    std::mt19937 random(seed);
    std::vector<std::uint8_t> out(n);
    for (auto& b : out)
        b = std::uint8_t(random());
    return out;
}

// Builds a compressed file of `spec`, lets `damage` change its frames' codestreams and dataset,
// and encapsulates the frames again (one fragment each, with a basic offset table).
bool build(const std::string& path, const synthetic::PixelSpec& spec, Codec codec,
           const Damage& damage) {
    DcmFileFormat file;
    DcmDataset& ds = *file.getDataset();
    synthetic::putIdentity(ds, {});
    const auto samples = synthetic::patternSamples(spec, 5);
    synthetic::putPixels(ds, spec, synthetic::packSamples(spec, samples, false));
    if (!synthetic::compress(ds, spec, samples, codec_cases::with(codec)))
        return false;
    auto frames = synthetic::frameCodestreams(ds);
    damage(ds, frames);
    synthetic::encapsulate(ds, synthetic::transferSyntaxOf(codec), frames, 1,
                           synthetic::OffsetTable::Basic);
    return synthetic::save(file, path, synthetic::transferSyntaxOf(codec));
}

// ErrorCode of the scan or, when it loads, of decoding every frame; kLoads when all decode.
int outcome(const std::string& path) {
    const auto c = dicom::scanPaths({path});
    if (!c.errors.empty())
        return int(c.errors.front().code);
    for (const auto& p : c.patients)
        for (const auto& s : p.studies)
            for (const auto& r : s.series)
                for (const auto& instance : r.instances)
                    for (int f = 0; f < instance.frames; ++f)
                        if (const auto image = dicom::decodeFrame(instance, f); !image)
                            return int(image.error().code);
    return kLoads;
}

Damage truncate(double keep) {
    return [keep](DcmDataset&, auto& frames) {
        frames[0].resize(std::size_t(double(frames[0].size()) * keep) & ~std::size_t(1));
    };
}

Damage garbageAfter(std::size_t keep) {
    return [keep](DcmDataset&, auto& frames) {
        const auto bytes = noise(frames[0].size(), 11);
        std::copy(bytes.begin() + long(std::min(keep, bytes.size())), bytes.end(),
                  frames[0].begin() + long(std::min(keep, bytes.size())));
    };
}

Damage edit(std::function<void(DcmDataset&)> change) {
    return [change](DcmDataset& ds, auto&) { change(ds); };
}

}  // namespace

class CodecMalformedTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void cleanErrors_data() {
        QTest::addColumn<Codec>("codec");
        QTest::addColumn<Damage>("damage");
        QTest::addColumn<int>("expected");  // ErrorCode, or kLoads
        const std::pair<const char*, Codec> codecs[] = {
            {"jpeg-baseline", Codec::JpegBaseline},
            {"jpeg-lossless", Codec::JpegLossless},
            {"jpegls", Codec::JpegLsLossless},
            {"rle", Codec::Rle},
            {"j2k", Codec::J2kLossless},
        };
        const int corrupt = int(dicom::ErrorCode::Corrupt);
        for (const auto& [name, codec] : codecs) {
            QTest::addRow("%s/intact", name)
                << codec << Damage([](DcmDataset&, auto&) {}) << kLoads;
            QTest::addRow("%s/truncated to half", name) << codec << truncate(0.5) << corrupt;
            QTest::addRow("%s/truncated to 4 bytes", name) << codec << truncate(0.0001) << corrupt;
            QTest::addRow("%s/garbage after the marker", name)
                << codec << garbageAfter(4) << corrupt;
            QTest::addRow("%s/garbage throughout", name) << codec << garbageAfter(0) << corrupt;
            QTest::addRow("%s/empty fragment", name)
                << codec << Damage([](DcmDataset&, auto& f) { f[0].clear(); }) << corrupt;
            QTest::addRow("%s/larger image in the header", name)
                << codec << edit([](DcmDataset& ds) { ds.putAndInsertUint16(DCM_Rows, 48); })
                << corrupt;
            QTest::addRow("%s/three samples in the header", name)
                << codec << edit([](DcmDataset& ds) {
                       ds.putAndInsertUint16(DCM_SamplesPerPixel, 3);
                       ds.putAndInsertString(DCM_PhotometricInterpretation, "RGB");
                       ds.putAndInsertUint16(DCM_PlanarConfiguration, 0);
                   })
                << corrupt;
            QTest::addRow("%s/8 bits allocated for 12", name)
                << codec << edit([](DcmDataset& ds) {
                       ds.putAndInsertUint16(DCM_BitsAllocated, 8);
                       ds.putAndInsertUint16(DCM_BitsStored, 8);
                       ds.putAndInsertUint16(DCM_HighBit, 7);
                   })
                << (codec == Codec::JpegBaseline ? kLoads
                                                 : corrupt);  // baseline is 8 bits deep anyway
            QTest::addRow("%s/more frames than fragments", name)
                << codec
                << edit([](DcmDataset& ds) { ds.putAndInsertString(DCM_NumberOfFrames, "4"); })
                << corrupt;
        }
    }

    void cleanErrors() {
        QFETCH(Codec, codec);
        QFETCH(Damage, damage);
        QFETCH(int, expected);
        const std::string path =
            m_dir.filePath(QString::number(++m_counter) + QStringLiteral(".dcm")).toStdString();
        QVERIFY(build(path, grey(), codec, damage));
        QElapsedTimer timer;
        timer.start();
        const int got = outcome(path);
        QVERIFY2(got == expected,
                 qPrintable(QStringLiteral("outcome %1, expected %2").arg(got).arg(expected)));
        QVERIFY(timer.elapsed() < 2000);
    }

    void unsupportedSyntaxes() {
        const std::string path = m_dir.filePath(QStringLiteral("video.dcm")).toStdString();
        QVERIFY(build(path, grey(), Codec::JpegBaseline, [](DcmDataset&, auto&) {}));
        // Relabel the meta header as MPEG-2: a syntax without a codec here.
        std::string bytes = readAll(path);
        const std::string jpeg = "1.2.840.10008.1.2.4.50";
        const auto at = bytes.find(jpeg);
        QVERIFY(at != std::string::npos);
        bytes.replace(at, jpeg.size(), "1.2.840.10008.1.2.4.100");
        bytes[at - 2] = char(bytes[at - 2] + 1);  // the UID's length grew by one
        writeAll(path, bytes);
        QCOMPARE(outcome(path), int(dicom::ErrorCode::UnsupportedSyntax));
    }

    // Flipped bytes and cuts anywhere in compressed files of every codec: each loads or fails
    // with an error; none may crash or hang.
    void mutationsNeverCrash() {
        const std::string base = m_dir.filePath(QStringLiteral("base.dcm")).toStdString();
        const std::string target = m_dir.filePath(QStringLiteral("mutant.dcm")).toStdString();
        std::mt19937 random(20240315);
        int loaded = 0, failed = 0;
        for (Codec codec : {Codec::JpegBaseline, Codec::JpegLossless, Codec::JpegLsNear, Codec::Rle,
                            Codec::J2kLossy}) {
            QVERIFY(synthetic::writeCompressed(base, grey(2), codec_cases::smoothSamples(grey(2)),
                                               codec_cases::with(codec)));
            const std::string original = readAll(base);
            for (int i = 0; i < 80; ++i) {
                std::string mutant = original;
                const int flips = 1 + int(random() % 6);
                for (int f = 0; f < flips; ++f)
                    mutant[random() % mutant.size()] = char(random() & 0xFF);
                if (i % 4 == 0)
                    mutant.resize(random() % mutant.size());
                writeAll(target, mutant);
                (outcome(target) == kLoads ? loaded : failed)++;
            }
        }
        qInfo("mutants: %d decoded, %d refused with an error", loaded, failed);
        QCOMPARE(loaded + failed, 400);
    }

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
};

QTEST_APPLESS_MAIN(CodecMalformedTest)
#include "test_codec_malformed.moc"
