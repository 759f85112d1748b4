// Cross-check of native YBR_FULL_422, which GDCM 3.0.21 cannot convert to RGB, against
// DCMTK's image toolkit (`dcm2pnm`, dcmimage). dicom/ uses DCMTK only to parse datasets and for
// its compressed-image codecs; its native unpacking and YBR to RGB conversion are its own, so
// dcmimage is an independent second decoder for these files (no codec is involved).
// Each frame is compared sample by sample with the 8-bit ASCII PPM that dcm2pnm writes.

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "dicom/loader.h"
#include "synthetic_dicom.h"

using synthetic::PixelSpec;

Q_DECLARE_METATYPE(PixelSpec)
Q_DECLARE_METATYPE(E_TransferSyntax)

namespace {

// The samples of a plain (ASCII, "P3") PPM, or nothing when it is not one.
std::vector<int> readPlainPpm(const QByteArray& text, int& width, int& height) {
    QList<QByteArray> tokens;
    for (const QByteArray& line : text.split('\n')) {
        const qsizetype comment = line.indexOf('#');
        const QByteArray content = (comment < 0 ? line : line.left(comment)).simplified();
        if (!content.isEmpty()) tokens += content.split(' ');
    }
    if (tokens.size() < 4 || tokens[0] != "P3") return {};
    width = tokens[1].toInt();
    height = tokens[2].toInt();
    std::vector<int> samples;
    for (int i = 4; i < tokens.size(); ++i) samples.push_back(tokens[i].toInt());
    return samples;
}

PixelSpec ybr422(int columns, int rows, int frames) {
    PixelSpec s;
    s.photometric = "YBR_FULL_422";
    s.bitsAllocated = 8;
    s.bitsStored = 8;
    s.highBit = 7;
    s.samplesPerPixel = 3;
    s.columns = columns;
    s.rows = rows;
    s.frames = frames;
    return s;
}

}  // namespace

class DcmImageCrossCheckTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_dcm2pnm = QStandardPaths::findExecutable(QStringLiteral("dcm2pnm"));
        QVERIFY2(!m_dcm2pnm.isEmpty(), "dcm2pnm (package dcmtk) is needed for the cross-check");
    }

    void sameRgbAsDcmImage_data() {
        QTest::addColumn<PixelSpec>("spec");
        QTest::addColumn<E_TransferSyntax>("syntax");
        QTest::newRow("explicit-le/3 frames") << ybr422(20, 16, 3) << EXS_LittleEndianExplicit;
        QTest::newRow("implicit-le/odd rows") << ybr422(32, 7, 1) << EXS_LittleEndianImplicit;
        QTest::newRow("explicit-be") << ybr422(24, 10, 1) << EXS_BigEndianExplicit;
        QTest::newRow("deflated/2 frames") << ybr422(16, 16, 2) << EXS_DeflatedLittleEndianExplicit;
    }

    void sameRgbAsDcmImage() {
        QFETCH(PixelSpec, spec);
        QFETCH(E_TransferSyntax, syntax);
        const QString path = m_dir.filePath(QString::number(++m_counter) + QStringLiteral(".dcm"));
        QVERIFY(synthetic::writeImage(path.toStdString(), spec, synthetic::patternSamples(spec, m_counter), syntax));
        const auto scanned = dicom::scanPaths({path.toStdString()});
        QCOMPARE(scanned.instanceCount(), std::size_t(1));
        const auto& instance = scanned.patients[0].studies[0].series[0].instances[0];
        for (int frame = 0; frame < spec.frames; ++frame) {
            QProcess dcm2pnm;
            dcm2pnm.start(m_dcm2pnm, {QStringLiteral("+F"), QString::number(frame + 1), QStringLiteral("+opb"), path});
            QVERIFY(dcm2pnm.waitForFinished(30000));
            QVERIFY2(dcm2pnm.exitCode() == 0, dcm2pnm.readAllStandardError().constData());
            int width = 0, height = 0;
            const std::vector<int> theirs = readPlainPpm(dcm2pnm.readAllStandardOutput(), width, height);
            QCOMPARE(width, spec.columns);
            QCOMPARE(height, spec.rows);
            QCOMPARE(theirs.size(), std::size_t(width) * std::size_t(height) * 3);

            const auto image = dicom::decodeFrame(instance, frame);
            QVERIFY2(image.ok(), image.ok() ? "" : image.error().message.c_str());
            QCOMPARE(image->format, dicom::PixelFormat::Rgb8);
            // dcmimage centres Cb and Cr on 127.5 (maxvalue / 2) and truncates to integers;
            // dicom/ centres them on 128 (PS3.3 C.7.6.3.1.2) and rounds. That moves single
            // samples by up to 2 steps but cannot hide a wrong layout (which pixels share
            // chroma, sample order, frame offsets), which changes them by tens.
            double absoluteSum = 0;
            for (std::size_t i = 0; i < theirs.size(); ++i) {
                const int difference = std::abs(int(image->rgb8[i]) - theirs[i]);
                absoluteSum += difference;
                if (difference > 2)
                    QFAIL(qPrintable(QStringLiteral("frame %1, sample %2: ours %3, dcmimage %4")
                                         .arg(frame).arg(i).arg(image->rgb8[i]).arg(theirs[i])));
            }
            QVERIFY2(absoluteSum / double(theirs.size()) < 0.6, qPrintable(QString::number(absoluteSum)));
        }
    }

private:
    QTemporaryDir m_dir;
    QString m_dcm2pnm;
    int m_counter = 0;
};

QTEST_APPLESS_MAIN(DcmImageCrossCheckTest)
#include "test_dcmimage_crosscheck.moc"
