// Compressed transfer syntaxes: files encoded with DCMTK's own encoders (JPEG, JPEG-LS, RLE)
// and OpenJPEG (JPEG 2000) from known samples, decoded by dicom::decodeFrame and compared with
// the generating values: exactly for lossless syntaxes, within the row's error for lossy ones.
// Also: the colour of YBR_FULL_422 JPEG, and a YCbCr JPEG labelled RGB.

#include <atomic>
#include <thread>

#include <dcmtk/dcmdata/dcdeftag.h>

#include <QTemporaryDir>
#include <QtTest>

#include "codec_cases.h"
#include "codec_compare.h"
#include "dicom/loader.h"

using codec_cases::Case;

Q_DECLARE_METATYPE(Case)

namespace {

dicom::InstanceInfo scanOne(const std::string& path) {
    const auto collection = dicom::scanPaths({path});
    if (collection.instanceCount() != 1 || !collection.errors.empty())
        return {};
    return collection.patients[0].studies[0].series[0].instances[0];
}

std::vector<std::int64_t> samplesFor(const Case& c) {
    return synthetic::isLossless(c.codec.codec) ? synthetic::patternSamples(c.spec, 7)
                                                : codec_cases::smoothSamples(c.spec);
}

// Four flat quadrants: red, green, blue, white.
std::vector<std::int64_t> quadrants(const synthetic::PixelSpec& s) {
    static const int colours[4][3] = {{230, 20, 20}, {20, 200, 30}, {25, 30, 220}, {240, 240, 240}};
    std::vector<std::int64_t> out;
    for (int y = 0; y < s.rows; ++y)
        for (int x = 0; x < s.columns; ++x)
            for (int c = 0; c < 3; ++c)
                out.push_back(colours[(y >= s.rows / 2) * 2 + (x >= s.columns / 2)][c]);
    return out;
}

}  // namespace

class CodecDecodeTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // First use from several threads at once: the codecs register once, and decoding is
    // re-entrant (the viewer decodes on worker threads). Runs first, before anything registers.
    void concurrentFirstUse() {
        using synthetic::Codec;
        const auto spec = codec_cases::layout("MONOCHROME2", 16, 12, true, 1, 2);
        const auto samples = synthetic::patternSamples(spec, 11);
        std::vector<dicom::InstanceInfo> instances;
        for (Codec codec :
             {Codec::JpegLossless, Codec::JpegLsLossless, Codec::Rle, Codec::J2kLossless}) {
            const std::string path =
                m_dir.filePath(QStringLiteral("threads-%1.dcm").arg(int(codec))).toStdString();
            QVERIFY(synthetic::writeCompressed(path, spec, samples, codec_cases::with(codec)));
            instances.push_back(scanOne(path));
        }
        std::atomic<int> mismatches{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&, t] {
                for (int round = 0; round < 6; ++round) {
                    const auto& instance = instances[std::size_t(t + round) % instances.size()];
                    const int frame = round % 2;
                    const auto image = dicom::decodeFrame(instance, frame);
                    if (!image ||
                        codec_compare::compareFrame(spec, samples, frame, image.value()).max != 0)
                        ++mismatches;
                }
            });
        for (auto& thread : threads)
            thread.join();
        QCOMPARE(mismatches.load(), 0);
    }

    // The DCT rows hold the JPEG process their transfer syntax names: the frame header marker
    // (SOF0 baseline, SOF1 extended, SOF2 spectral selection and progressive) of each codestream.
    void jpegRowsUseTheirProcess_data() {
        QTest::addColumn<Case>("row");
        QTest::addColumn<int>("marker");
        using synthetic::Codec;
        const std::pair<Codec, int> markers[] = {{Codec::JpegBaseline, 0xC0},
                                                 {Codec::JpegExtended, 0xC1},
                                                 {Codec::JpegSpectral, 0xC2},
                                                 {Codec::JpegProgressive, 0xC2}};
        for (const auto& c : codec_cases::all())
            for (const auto& [codec, marker] : markers)
                if (c.codec.codec == codec) QTest::newRow(c.name.c_str()) << c << marker;
    }

    void jpegRowsUseTheirProcess() {
        QFETCH(Case, row);
        QFETCH(int, marker);
        DcmFileFormat file;
        synthetic::putIdentity(*file.getDataset(), {});
        const auto samples = samplesFor(row);
        synthetic::putPixels(*file.getDataset(), row.spec, synthetic::packSamples(row.spec, samples, false));
        QVERIFY(synthetic::compress(*file.getDataset(), row.spec, samples, row.codec));
        for (const auto& frame : synthetic::frameCodestreams(*file.getDataset())) {
            int found = 0;
            for (std::size_t i = 0; i + 1 < frame.size() && !found; ++i)
                if (frame[i] == 0xFF && frame[i + 1] >= 0xC0 && frame[i + 1] <= 0xC3) found = frame[i + 1];
            QCOMPARE(found, marker);
        }
    }

    void matchesGeneratingValues_data() {
        QTest::addColumn<Case>("row");
        for (const auto& c : codec_cases::all())
            QTest::newRow(c.name.c_str()) << c;
    }

    void matchesGeneratingValues() {
        QFETCH(Case, row);
        const std::string path =
            m_dir.filePath(QString::number(++m_counter) + QStringLiteral(".dcm")).toStdString();
        const auto samples = samplesFor(row);
        QVERIFY2(synthetic::writeCompressed(path, row.spec, samples, row.codec),
                 "the encoder refused the image");
        const dicom::InstanceInfo instance = scanOne(path);
        QCOMPARE(instance.transferSyntax,
                 std::string(DcmXfer(synthetic::transferSyntaxOf(row.codec.codec)).getXferID()));
        QCOMPARE(instance.frames, row.spec.frames);
        for (int frame = 0; frame < row.spec.frames; ++frame) {
            const auto image = dicom::decodeFrame(instance, frame);
            QVERIFY2(image.ok(), image.error().message.c_str());
            QCOMPARE(image->width, row.spec.columns);
            QCOMPARE(image->height, row.spec.rows);
            QCOMPARE(image->isGrey(), row.spec.samplesPerPixel == 1);
            QCOMPARE(image->monochrome1, row.spec.photometric == "MONOCHROME1");
            const auto d = codec_compare::compareFrame(row.spec, samples, frame, image.value());
            qInfo("%s frame %d: max error %.1f, mean %.3f", row.name.c_str(), frame, d.max, d.mean);
            QVERIFY2(
                d.max <= row.maxError,
                qPrintable(QStringLiteral("max error %1 at sample %2").arg(d.max).arg(d.worst)));
            QVERIFY2(d.mean <= row.meanError,
                     qPrintable(QStringLiteral("mean error %1").arg(d.mean)));
        }
        QCOMPARE(dicom::decodeFrame(instance, row.spec.frames).error().code,
                 dicom::ErrorCode::FrameOutOfRange);
    }

    // Subsampled YCbCr comes back as the right colours, whichever way the encoder stored them.
    void colourIsRight_data() {
        QTest::addColumn<int>("colour");
        QTest::addColumn<QString>("photometric");
        QTest::newRow("YBR_FULL_422")
            << int(synthetic::JpegColour::Ybr422) << QStringLiteral("YBR_FULL_422");
        QTest::newRow("YBR_FULL") << int(synthetic::JpegColour::YbrFull)
                                  << QStringLiteral("YBR_FULL");
        QTest::newRow("RGB") << int(synthetic::JpegColour::Rgb) << QStringLiteral("RGB");
    }

    void colourIsRight() {
        QFETCH(int, colour);
        QFETCH(QString, photometric);
        auto spec = codec_cases::layout("RGB", 8, 8, false, 3);
        spec.columns = 63;  // odd: the subsampled chroma's last column has no partner
        const auto samples = quadrants(spec);
        auto codec =
            codec_cases::with(synthetic::Codec::JpegBaseline, synthetic::JpegColour(colour));
        const std::string path =
            m_dir.filePath(QStringLiteral("colour-%1.dcm").arg(colour)).toStdString();
        QVERIFY(synthetic::writeCompressed(path, spec, samples, codec));
        const auto instance = scanOne(path);
        QCOMPARE(QString::fromStdString(instance.photometric), photometric);
        const auto image = dicom::decodeFrame(instance);
        QVERIFY2(image.ok(), image.error().message.c_str());
        for (const auto& [x, y] :
             {std::pair{15, 12}, std::pair{47, 12}, std::pair{15, 36}, std::pair{47, 36}}) {
            const std::size_t p = std::size_t(y * spec.columns + x);
            for (std::size_t c = 0; c < 3; ++c)
                QVERIFY2(std::abs(int(image->rgb8[p * 3 + c]) - int(samples[p * 3 + c])) <= 4,
                         qPrintable(QStringLiteral("(%1, %2) channel %3: %4 for %5")
                                        .arg(x)
                                        .arg(y)
                                        .arg(c)
                                        .arg(image->rgb8[p * 3 + c])
                                        .arg(samples[p * 3 + c])));
        }
    }

    // A writer that compresses YCbCr (JFIF marker in the stream) but labels it RGB: the
    // codestream's own marker wins, as in other toolkits.
    void ycbcrLabelledRgb() {
        const auto spec = codec_cases::layout("RGB", 8, 8, false, 3);
        const auto samples = quadrants(spec);
        DcmFileFormat file;
        synthetic::putIdentity(*file.getDataset(), {});
        synthetic::putPixels(*file.getDataset(), spec,
                             synthetic::packSamples(spec, samples, false));
        QVERIFY(synthetic::compress(
            *file.getDataset(), spec, samples,
            codec_cases::with(synthetic::Codec::JpegBaseline, synthetic::JpegColour::YbrFull)));
        file.getDataset()->putAndInsertString(DCM_PhotometricInterpretation, "RGB");
        const std::string path = m_dir.filePath(QStringLiteral("mislabelled.dcm")).toStdString();
        QVERIFY(synthetic::save(file, path, EXS_JPEGProcess1));
        const auto image = dicom::decodeFrame(scanOne(path));
        QVERIFY2(image.ok(), image.error().message.c_str());
        const std::size_t red = std::size_t(12 * spec.columns + 15);
        QVERIFY(image->rgb8[red * 3] > 200 && image->rgb8[red * 3 + 1] < 50 &&
                image->rgb8[red * 3 + 2] < 50);
    }

    // DCMTK's JPEG decoder writes an 8-bit codestream as bytes even when the header allocates
    // 16 bits per sample; the cells must be read as bytes.
    void eightBitJpegIn16BitCells() {
        const auto spec = codec_cases::layout("MONOCHROME2", 8, 8, false);
        const auto samples = codec_cases::smoothSamples(spec);
        DcmFileFormat file;
        synthetic::putIdentity(*file.getDataset(), {});
        synthetic::putPixels(*file.getDataset(), spec,
                             synthetic::packSamples(spec, samples, false));
        QVERIFY(synthetic::compress(*file.getDataset(), spec, samples,
                                    codec_cases::with(synthetic::Codec::JpegBaseline)));
        file.getDataset()->putAndInsertUint16(DCM_BitsAllocated, 16);
        const std::string path = m_dir.filePath(QStringLiteral("jpeg8in16.dcm")).toStdString();
        QVERIFY(synthetic::save(file, path, EXS_JPEGProcess1));
        const auto image = dicom::decodeFrame(scanOne(path));
        QVERIFY2(image.ok(), image.error().message.c_str());
        QVERIFY(codec_compare::compareFrame(spec, samples, 0, image.value()).max <= 8);
    }

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
};

QTEST_APPLESS_MAIN(CodecDecodeTest)
#include "test_codec_decode.moc"
