// Cross-check of the compressed transfer syntaxes against GDCM, an independent toolkit with its
// own JPEG, JPEG-LS and RLE decoders and its own fragment handling (its JPEG 2000 goes through
// the same OpenJPEG library, so those rows check frame extraction, sign and colour handling):
// `gdcmconv --raw` decompresses each synthetic file, YBR results are converted to RGB by GDCM
// in a second pass, and every sample must equal what dicom::decodeFrame makes of the original.

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "codec_cases.h"
#include "dicom/loader.h"
#include "gdcm_reference.h"

using codec_cases::Case;

Q_DECLARE_METATYPE(Case)

namespace {

double ours(const dicom::Image& image, std::size_t i) {
    if (image.format == dicom::PixelFormat::Grey32F)
        return image.grey[i];
    if (image.format == dicom::PixelFormat::Rgb8)
        return image.rgb8[i];
    return image.rgb16[i];
}

// GDCM converts YCbCr with integer arithmetic (libjpeg's tables); ours is the exact formula.
double tolerance(const Case& c) {
    return c.spec.samplesPerPixel == 3 && !synthetic::isLossless(c.codec.codec) ? 2 : 0;
}

// Left out, because GDCM 3.0.21 itself gets them wrong (test_codec_decode and
// test_codec_fragments check them against the generating values): 16-bit RGB RLE (it orders
// the six segments MSB R, MSB G, MSB B, LSB R..., where PS3.5 G.2 has each sample's MSB and
// LSB segments together, as DCMTK writes them); split baseline, spectral-selection and
// progressive JPEG ("Improper call to JPEG library in state 201" / "203"); split frames of
// multi-frame images (it takes one fragment per frame); RLE frames are one fragment each by
// definition.
bool gdcmDecodes(const Case& c) {
    using synthetic::Codec;
    if (c.codec.codec == Codec::Rle && c.spec.samplesPerPixel == 3 && c.spec.bitsAllocated == 16)
        return false;
    if (c.codec.fragmentsPerFrame == 1)
        return true;
    const bool dctScans = c.codec.codec == Codec::JpegBaseline || c.codec.codec == Codec::JpegSpectral ||
                          c.codec.codec == Codec::JpegProgressive;
    return !dctScans && c.codec.codec != Codec::Rle && c.spec.frames == 1;
}

}  // namespace

class CodecGdcmCrossCheckTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_gdcmconv = QStandardPaths::findExecutable(QStringLiteral("gdcmconv"));
        QVERIFY2(!m_gdcmconv.isEmpty(), "gdcmconv (libgdcm-tools) is needed for the cross-check");
    }

    void sameSamplesAsGdcm_data() {
        QTest::addColumn<Case>("row");
        for (const auto& c : codec_cases::all())
            if (gdcmDecodes(c))
                QTest::newRow(c.name.c_str()) << c;
        // Frames split over three fragments, without an offset table.
        for (auto c : codec_cases::all()) {
            c.codec.fragmentsPerFrame = 3;
            c.codec.table = synthetic::OffsetTable::Empty;
            c.name += "/3-fragments";
            if (gdcmDecodes(c))
                QTest::newRow(c.name.c_str()) << c;
        }
    }

    void sameSamplesAsGdcm() {
        QFETCH(Case, row);
        const QString base = m_dir.filePath(QString::number(++m_counter));
        const QString original = base + QStringLiteral(".dcm"),
                      raw = base + QStringLiteral("-raw.dcm"),
                      rgb = base + QStringLiteral("-rgb.dcm");
        const auto samples = synthetic::isLossless(row.codec.codec)
                                 ? synthetic::patternSamples(row.spec, 9)
                                 : codec_cases::smoothSamples(row.spec);
        QVERIFY(synthetic::writeCompressed(original.toStdString(), row.spec, samples, row.codec));
        QVERIFY(gdcm_reference::runGdcmconv(
            m_gdcmconv, {QStringLiteral("--raw"), QStringLiteral("-X"), original, raw}));
        QString converted = raw;
        if (gdcm_reference::readReference(raw.toStdString()).photometric.rfind("YBR", 0) == 0) {
            QVERIFY(gdcm_reference::runGdcmconv(
                m_gdcmconv,
                {QStringLiteral("--raw"), QStringLiteral("-P"), QStringLiteral("RGB"), raw, rgb}));
            converted = rgb;
        }
        const auto reference = gdcm_reference::readReference(converted.toStdString());
        const auto scanned = dicom::scanPaths({original.toStdString()});
        QCOMPARE(scanned.instanceCount(), std::size_t(1));
        const auto& instance = scanned.patients[0].studies[0].series[0].instances[0];
        const std::size_t perFrame =
            std::size_t(row.spec.rows * row.spec.columns * row.spec.samplesPerPixel);
        QCOMPARE(reference.samples.size(), perFrame * std::size_t(row.spec.frames));
        for (int frame = 0; frame < row.spec.frames; ++frame) {
            const auto image = dicom::decodeFrame(instance, frame);
            QVERIFY2(image.ok(), image.error().message.c_str());
            for (std::size_t i = 0; i < perFrame; ++i) {
                const double stored = double(reference.samples[std::size_t(frame) * perFrame + i]);
                const double theirs =
                    image->isGrey() ? double(float(stored * reference.slope + reference.intercept))
                                    : stored;
                if (std::abs(ours(image.value(), i) - theirs) > tolerance(row))
                    QFAIL(qPrintable(QStringLiteral("frame %1 sample %2: ours %3, GDCM %4")
                                         .arg(frame)
                                         .arg(i)
                                         .arg(ours(image.value(), i))
                                         .arg(theirs)));
            }
        }
    }

private:
    QTemporaryDir m_dir;
    QString m_gdcmconv;
    int m_counter = 0;
};

QTEST_APPLESS_MAIN(CodecGdcmCrossCheckTest)
#include "test_codec_gdcm_crosscheck.moc"
