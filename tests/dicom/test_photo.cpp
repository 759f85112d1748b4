// Photographs: PNG, JPEG, TIFF, BMP, WebP read as RGB (never Grey32F), 16-bit kept, alpha
// dropped, grey replicated, JPEG EXIF orientation applied, header sizes read without decoding,
// truncated files refused.

#include <fstream>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include "dicom/loader.h"

namespace {

// A 40 x 20 test card: left half one colour, right half another, a gradient in green.
cv::Mat card(int type) {
    cv::Mat m(20, 40, type);
    const int channels = m.channels();
    const double scale = m.depth() == CV_16U ? 257.0 : 1.0;
    for (int y = 0; y < m.rows; ++y) {
        for (int x = 0; x < m.cols; ++x) {
            const double v[4] = {x < 20 ? 30.0 : 220.0, double(y * 10), x < 20 ? 200.0 : 40.0, 128.0};  // B G R A
            for (int c = 0; c < channels; ++c) {
                const double value = channels == 1 ? v[0] : v[c];
                if (m.depth() == CV_16U)
                    m.ptr<std::uint16_t>(y)[x * channels + c] = std::uint16_t(value * scale + (x % 3));
                else
                    m.ptr<std::uint8_t>(y)[x * channels + c] = std::uint8_t(value);
            }
        }
    }
    return m;
}

dicom::InstanceInfo scanOne(const std::string& path) {
    const auto c = dicom::scanPaths({path});
    if (c.instanceCount() != 1) return {};
    return c.patients[0].studies[0].series[0].instances[0];
}

// Expected RGB sample of the decoded card (OpenCV holds BGR).
double expectedSample(const cv::Mat& m, int x, int y, int c) {
    const int source = m.channels() == 1 ? 0 : 2 - c;
    return m.depth() == CV_16U ? m.ptr<std::uint16_t>(y)[x * m.channels() + source]
                               : m.ptr<std::uint8_t>(y)[x * m.channels() + source];
}

void writeFile(const std::string& path, const std::vector<std::uint8_t>& bytes) {
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
}

// EXIF APP1 segment holding only Orientation (tag 0x0112) = `orientation`, little-endian TIFF.
std::vector<std::uint8_t> exifSegment(int orientation) {
    std::vector<std::uint8_t> tiff = {'I', 'I', 0x2A, 0, 8, 0, 0, 0,  // header, IFD0 at 8
                                      1, 0,                            // one entry
                                      0x12, 0x01, 3, 0, 1, 0, 0, 0, std::uint8_t(orientation), 0, 0, 0,
                                      0, 0, 0, 0};                     // no next IFD
    const std::size_t length = 2 + 6 + tiff.size();
    std::vector<std::uint8_t> segment = {0xFF, 0xE1, std::uint8_t(length >> 8), std::uint8_t(length & 0xFF),
                                         'E', 'x', 'i', 'f', 0, 0};
    segment.insert(segment.end(), tiff.begin(), tiff.end());
    return segment;
}

}  // namespace

class PhotoTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void losslessFormats_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("format");  // dicom::PixelFormat
        QTest::newRow("PNG RGB 8-bit") << "rgb8.png" << CV_8UC3 << int(dicom::PixelFormat::Rgb8);
        QTest::newRow("PNG grey 8-bit") << "grey8.png" << CV_8UC1 << int(dicom::PixelFormat::Rgb8);
        QTest::newRow("PNG RGBA (alpha dropped)") << "rgba8.png" << CV_8UC4 << int(dicom::PixelFormat::Rgb8);
        QTest::newRow("PNG RGB 16-bit") << "rgb16.png" << CV_16UC3 << int(dicom::PixelFormat::Rgb16);
        QTest::newRow("PNG grey 16-bit") << "grey16.png" << CV_16UC1 << int(dicom::PixelFormat::Rgb16);
        QTest::newRow("TIFF RGB 16-bit") << "rgb16.tif" << CV_16UC3 << int(dicom::PixelFormat::Rgb16);
        QTest::newRow("TIFF RGB 8-bit") << "rgb8.tiff" << CV_8UC3 << int(dicom::PixelFormat::Rgb8);
        QTest::newRow("BMP RGB") << "rgb8.bmp" << CV_8UC3 << int(dicom::PixelFormat::Rgb8);
        QTest::newRow("WebP lossless") << "rgb8.webp" << CV_8UC3 << int(dicom::PixelFormat::Rgb8);
    }

    void losslessFormats() {
        QFETCH(QString, file);
        QFETCH(int, type);
        QFETCH(int, format);
        const std::string path = m_dir.filePath(file).toStdString();
        if (!cv::haveImageWriter(path)) QSKIP("OpenCV was built without this encoder");
        const cv::Mat m = card(type);
        QVERIFY(cv::imwrite(path, m, {cv::IMWRITE_WEBP_QUALITY, 101}));  // > 100: lossless WebP
        const auto instance = scanOne(path);
        QCOMPARE(instance.kind, dicom::SourceKind::Photograph);
        QCOMPARE(instance.columns, 40);
        QCOMPARE(instance.rows, 20);
        QCOMPARE(instance.bitsAllocated, m.depth() == CV_16U ? 16 : 8);
        const auto image = dicom::decodeFrame(instance);
        QVERIFY2(image.ok(), image.error().message.c_str());
        QCOMPARE(int(image->format), format);
        QCOMPARE(image->width, 40);
        QCOMPARE(image->height, 20);
        for (int y = 0; y < 20; ++y)
            for (int x = 0; x < 40; ++x)
                for (int c = 0; c < 3; ++c) {
                    const std::size_t i = std::size_t((y * 40 + x) * 3 + c);
                    const double actual = image->format == dicom::PixelFormat::Rgb16 ? image->rgb16[i] : image->rgb8[i];
                    QCOMPARE(actual, expectedSample(m, x, y, c));
                }
    }

    // Orientation 6 means "rotate 90 degrees clockwise to display": the 40 x 20 card stands
    // up as 20 x 40 with its left (red) half on top.
    void jpegExifOrientation() {
        std::vector<std::uint8_t> jpeg;
        QVERIFY(cv::imencode(".jpg", card(CV_8UC3), jpeg, {cv::IMWRITE_JPEG_QUALITY, 95}));
        const auto exif = exifSegment(6);
        jpeg.insert(jpeg.begin() + 2, exif.begin(), exif.end());
        const std::string path = m_dir.filePath(QStringLiteral("rotated.jpg")).toStdString();
        writeFile(path, jpeg);
        const auto instance = scanOne(path);
        QCOMPARE(instance.columns, 20);
        QCOMPARE(instance.rows, 40);
        const auto image = dicom::decodeFrame(instance);
        QVERIFY2(image.ok(), image.error().message.c_str());
        QCOMPARE(image->width, 20);
        QCOMPARE(image->height, 40);
        const auto red = [&](int x, int y) { return int(image->rgb8[std::size_t((y * 20 + x) * 3)]); };
        QVERIFY2(red(10, 8) > 180, "top half should be the card's left (red) half");
        QVERIFY2(red(10, 32) < 70, "bottom half should be the card's right half");
    }

    void jpegTruncatedIsRefusedAppendedDataIsNot() {
        std::vector<std::uint8_t> jpeg;
        QVERIFY(cv::imencode(".jpg", card(CV_8UC3), jpeg));
        const std::string cut = m_dir.filePath(QStringLiteral("cut.jpg")).toStdString();
        writeFile(cut, std::vector<std::uint8_t>(jpeg.begin(), jpeg.begin() + long(jpeg.size() * 2 / 3)));
        const auto truncated = dicom::decodeFrame(scanOne(cut));
        QVERIFY(!truncated.ok());
        QCOMPARE(truncated.error().code, dicom::ErrorCode::Corrupt);
        // Motion photos and some cameras append data after the end-of-image marker.
        auto appended = jpeg;
        appended.insert(appended.end(), 5000, 0x42);
        const std::string motion = m_dir.filePath(QStringLiteral("motion.jpg")).toStdString();
        writeFile(motion, appended);
        QVERIFY(dicom::decodeFrame(scanOne(motion)).ok());
    }

    void photographHasOneFrame() {
        const std::string path = m_dir.filePath(QStringLiteral("one.png")).toStdString();
        QVERIFY(cv::imwrite(path, card(CV_8UC3)));
        const auto result = dicom::decodeFrame(scanOne(path), 1);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, dicom::ErrorCode::FrameOutOfRange);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_APPLESS_MAIN(PhotoTest)
#include "test_photo.moc"
