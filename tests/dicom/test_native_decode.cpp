// Native transfer syntaxes x bit layouts x photometric interpretations: files built with DCMTK
// from known samples, decoded by dicom::decodeFrame and compared pixel by pixel.

#include <QTemporaryDir>
#include <QtTest>

#include "dicom/loader.h"
#include "pixel_expectations.h"
#include "synthetic_dicom.h"

using synthetic::PixelSpec;

Q_DECLARE_METATYPE(PixelSpec)
Q_DECLARE_METATYPE(E_TransferSyntax)

namespace {

struct Case {
    const char* name;
    PixelSpec spec;
};

PixelSpec spec(const char* photometric, int allocated, int stored, int high, bool isSigned, int samples = 1,
               int planar = 0, int frames = 1) {
    PixelSpec s;
    s.photometric = photometric;
    s.bitsAllocated = allocated;
    s.bitsStored = stored;
    s.highBit = high;
    s.isSigned = isSigned;
    s.samplesPerPixel = samples;
    s.planar = planar;
    s.frames = frames;
    s.rows = 6;
    s.columns = 8;
    return s;
}

std::vector<Case> cases() {
    PixelSpec oneBit = spec("MONOCHROME2", 1, 1, 0, false, 1, 0, 3);
    oneBit.rows = 5;
    oneBit.columns = 7;  // 35 bits per frame: frames 2 and 3 start inside a byte
    return {
        {"mono8u", spec("MONOCHROME2", 8, 8, 7, false)},
        {"mono8s", spec("MONOCHROME2", 8, 8, 7, true)},
        {"mono8u-6bit", spec("MONOCHROME2", 8, 6, 5, false)},
        {"mono16u", spec("MONOCHROME2", 16, 16, 15, false)},
        {"mono16s", spec("MONOCHROME2", 16, 16, 15, true)},
        {"mono16u-12bit", spec("MONOCHROME2", 16, 12, 11, false)},
        {"mono16s-12bit", spec("MONOCHROME2", 16, 12, 11, true)},
        {"mono16s-12bit-highbit15", spec("MONOCHROME2", 16, 12, 15, true)},
        {"mono16u-10bit-highbit13", spec("MONOCHROME2", 16, 10, 13, false)},
        {"mono32u", spec("MONOCHROME2", 32, 32, 31, false)},
        {"mono32s", spec("MONOCHROME2", 32, 32, 31, true)},
        {"mono32s-24bit-highbit27", spec("MONOCHROME2", 32, 24, 27, true)},
        {"mono1-3frames", oneBit},
        {"monochrome1-12bit", spec("MONOCHROME1", 16, 12, 11, false)},
        {"mono16s-4frames", spec("MONOCHROME2", 16, 16, 15, true, 1, 0, 4)},
        {"rgb8-planar0", spec("RGB", 8, 8, 7, false, 3, 0)},
        {"rgb8-planar1", spec("RGB", 8, 8, 7, false, 3, 1)},
        {"rgb8-planar1-3frames", spec("RGB", 8, 8, 7, false, 3, 1, 3)},
        {"rgb16-planar0", spec("RGB", 16, 16, 15, false, 3, 0)},
        {"rgb16-planar1", spec("RGB", 16, 16, 15, false, 3, 1)},
        {"rgb16-12bit", spec("RGB", 16, 12, 11, false, 3, 0)},
        {"ybr-full-planar0", spec("YBR_FULL", 8, 8, 7, false, 3, 0)},
        {"ybr-full-planar1", spec("YBR_FULL", 8, 8, 7, false, 3, 1)},
        {"ybr-full-422", spec("YBR_FULL_422", 8, 8, 7, false, 3, 0, 2)},
    };
}

const std::pair<const char*, E_TransferSyntax> kSyntaxes[] = {
    {"implicit-le", EXS_LittleEndianImplicit},
    {"explicit-le", EXS_LittleEndianExplicit},
    {"explicit-be", EXS_BigEndianExplicit},
    {"deflated", EXS_DeflatedLittleEndianExplicit},
};

dicom::InstanceInfo scanOne(const std::string& path) {
    const auto collection = dicom::scanPaths({path});
    if (collection.instanceCount() != 1 || !collection.errors.empty()) return {};
    return collection.patients[0].studies[0].series[0].instances[0];
}

void compareGrey(const PixelSpec& s, const std::vector<std::int64_t>& samples, int frame, const dicom::Image& image) {
    QCOMPARE(image.format, dicom::PixelFormat::Grey32F);
    QCOMPARE(image.monochrome1, s.photometric == "MONOCHROME1");
    const std::size_t n = s.samplesPerFrame();
    for (std::size_t i = 0; i < n; ++i) {
        const float expected = float(samples[std::size_t(frame) * n + i]);
        if (image.grey[i] != expected)
            QFAIL(qPrintable(QStringLiteral("pixel %1: %2 instead of %3").arg(i).arg(image.grey[i]).arg(expected)));
    }
}

void compareColour(const PixelSpec& s, const std::vector<std::int64_t>& samples, int frame, const dicom::Image& image) {
    QCOMPARE(image.format, s.bitsAllocated > 8 ? dicom::PixelFormat::Rgb16 : dicom::PixelFormat::Rgb8);
    const std::size_t pixels = std::size_t(s.rows) * std::size_t(s.columns);
    const std::size_t frameStart = std::size_t(frame) * s.samplesPerFrame();
    for (std::size_t p = 0; p < pixels; ++p) {
        const auto expected = expectations::expectedRgb(s, samples, frameStart, p);
        for (std::size_t c = 0; c < 3; ++c) {
            const double actual = expectations::colourAt(image, p * 3 + c);
            if (actual != expected[c])
                QFAIL(qPrintable(QStringLiteral("pixel %1 channel %2: %3 instead of %4")
                                     .arg(p).arg(c).arg(actual).arg(expected[c])));
        }
    }
}

}  // namespace

class NativeDecodeTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void decodesKnownSamples_data() {
        QTest::addColumn<PixelSpec>("spec");
        QTest::addColumn<E_TransferSyntax>("syntax");
        for (const auto& [syntaxName, syntax] : kSyntaxes)
            for (const auto& c : cases())
                QTest::addRow("%s/%s", syntaxName, c.name) << c.spec << syntax;
    }

    void decodesKnownSamples() {
        QFETCH(PixelSpec, spec);
        QFETCH(E_TransferSyntax, syntax);
        const std::string path = m_dir.filePath(QString::number(m_counter++) + QStringLiteral(".dcm")).toStdString();
        const auto samples = synthetic::patternSamples(spec, m_counter);
        QVERIFY(synthetic::writeImage(path, spec, samples, syntax));

        const dicom::InstanceInfo instance = scanOne(path);
        QCOMPARE(instance.rows, spec.rows);
        QCOMPARE(instance.columns, spec.columns);
        QCOMPARE(instance.frames, spec.frames);
        QCOMPARE(instance.transferSyntax, std::string(DcmXfer(syntax).getXferID()));
        for (int frame = 0; frame < spec.frames; ++frame) {
            const auto image = dicom::decodeFrame(instance, frame);
            QVERIFY2(image.ok(), image.error().message.c_str());
            QCOMPARE(image->width, spec.columns);
            QCOMPARE(image->height, spec.rows);
            if (spec.samplesPerPixel == 1)
                compareGrey(spec, samples, frame, image.value());
            else
                compareColour(spec, samples, frame, image.value());
            if (QTest::currentTestFailed()) return;
        }
        const auto beyond = dicom::decodeFrame(instance, spec.frames);
        QVERIFY(!beyond.ok());
        QCOMPARE(beyond.error().code, dicom::ErrorCode::FrameOutOfRange);
    }

private:
    QTemporaryDir m_dir;
    std::uint32_t m_counter = 1;
};

QTEST_APPLESS_MAIN(NativeDecodeTest)
#include "test_native_decode.moc"
