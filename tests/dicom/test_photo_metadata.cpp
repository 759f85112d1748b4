// Photographs beyond what OpenCV does by itself: the EXIF / TIFF orientation 1..8 in JPEG, PNG,
// TIFF and WebP (expected positions from the EXIF definitions, not from a rotation call), ICC
// profiles of every container converted to sRGB (expected colours computed from the Adobe RGB
// and sRGB primaries), multi-page TIFF as frames, 16-bit kept, very large pictures shrunk for
// display with full resolution available by region.

#include <cmath>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include "dicom/detail/photo_decoder.h"
#include "dicom/loader.h"
#include "photo_files.h"

namespace {

// 4 x 2 card, every pixel its own colour (B, G, R as OpenCV stores it).
cv::Mat card() {
    cv::Mat m(2, 4, CV_8UC3);
    for (int y = 0; y < 2; ++y)
        for (int x = 0; x < 4; ++x) m.at<cv::Vec3b>(y, x) = cv::Vec3b(uchar(20 + 60 * x), uchar(30 + 100 * y), uchar(250 - 50 * x));
    return m;
}

// The same layout in 16 x 16 blocks, so JPEG's loss stays inside each block.
cv::Mat blockCard() {
    cv::Mat m(32, 64, CV_8UC3);
    for (int y = 0; y < 32; ++y)
        for (int x = 0; x < 64; ++x) m.at<cv::Vec3b>(y, x) = card().at<cv::Vec3b>(y / 16, x / 16);
    return m;
}

// EXIF 2.3 tag 0x0112: the stored pixel shown at display position (x, y), for a stored W x H.
cv::Point storedAt(int o, int x, int y, int w, int h) {
    switch (o) {
    case 2: return {w - 1 - x, y};
    case 3: return {w - 1 - x, h - 1 - y};
    case 4: return {x, h - 1 - y};
    case 5: return {y, x};
    case 6: return {y, h - 1 - x};
    case 7: return {w - 1 - y, h - 1 - x};
    case 8: return {w - 1 - y, x};
    default: return {x, y};
    }
}

dicom::InstanceInfo scanOne(const std::string& path) {
    const auto c = dicom::scanPaths({path});
    return c.instanceCount() == 1 ? c.patients[0].studies[0].series[0].instances[0] : dicom::InstanceInfo{};
}

int rgbAt(const dicom::Image& image, int x, int y, int c) {
    return image.rgb8[std::size_t((y * image.width + x) * 3 + c)];
}

// Adobe RGB (1998) 8-bit to sRGB 8-bit through XYZ (both D65, so no adaptation is needed).
std::array<double, 3> adobeToSrgb(const std::array<double, 3>& rgb) {
    static const double toXyz[3][3] = {{0.5767309, 0.1855540, 0.1881852},
                                       {0.2973769, 0.6273491, 0.0752741},
                                       {0.0270343, 0.0706872, 0.9911085}};
    static const double toSrgb[3][3] = {{3.2404542, -1.5371385, -0.4985314},
                                        {-0.9692660, 1.8760108, 0.0415560},
                                        {0.0556434, -0.2040259, 1.0572252}};
    double linear[3], xyz[3] = {0, 0, 0};
    for (int i = 0; i < 3; ++i) linear[i] = std::pow(rgb[std::size_t(i)] / 255.0, 563.0 / 256.0);
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c) xyz[r] += toXyz[r][c] * linear[c];
    std::array<double, 3> out{};
    for (int r = 0; r < 3; ++r) {
        double v = 0;
        for (int c = 0; c < 3; ++c) v += toSrgb[r][c] * xyz[c];
        v = std::clamp(v, 0.0, 1.0);
        v = v <= 0.0031308 ? 12.92 * v : 1.055 * std::pow(v, 1 / 2.4) - 0.055;
        out[std::size_t(r)] = v * 255.0;
    }
    return out;
}

}  // namespace

class PhotoMetadataTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void orientation_data() {
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("orientation");
        for (const char* format : {"png", "jpg", "tif", "webp"})
            for (int o = 1; o <= 8; ++o) QTest::addRow("%s orientation %d", format, o) << QString::fromLatin1(format) << o;
    }

    void orientation() {
        QFETCH(QString, format);
        QFETCH(int, orientation);
        const bool jpeg = format == QLatin1String("jpg");
        const cv::Mat stored = jpeg ? blockCard() : card();
        photofiles::Bytes bytes;
        if (format == QLatin1String("png")) bytes = photofiles::png(stored, orientation);
        if (jpeg) bytes = photofiles::jpeg(stored, orientation);
        if (format == QLatin1String("webp")) bytes = photofiles::webp(stored, orientation);
        if (format == QLatin1String("tif")) {
            cv::Mat rgb;
            cv::cvtColor(stored, rgb, cv::COLOR_BGR2RGB);
            bytes = photofiles::tiff({{rgb, orientation, {}}});
        }
        const std::string path = m_dir.filePath(QStringLiteral("o%1.%2").arg(orientation).arg(format)).toStdString();
        photofiles::write(path, bytes);
        const auto instance = scanOne(path);
        const bool turned = orientation >= 5;
        QCOMPARE(instance.columns, turned ? stored.rows : stored.cols);
        QCOMPARE(instance.rows, turned ? stored.cols : stored.rows);
        const auto image = dicom::decodeFrame(instance);
        QVERIFY2(image.ok(), image.ok() ? "" : image.error().message.c_str());
        QCOMPARE(image->width, instance.columns);
        QCOMPARE(image->height, instance.rows);
        const int tolerance = jpeg ? 12 : 0;
        const int step = jpeg ? 16 : 1;
        for (int y = step / 2; y < image->height; y += step)
            for (int x = step / 2; x < image->width; x += step) {
                const cv::Point s = storedAt(orientation, x, y, stored.cols, stored.rows);
                const cv::Vec3b bgr = stored.at<cv::Vec3b>(s);
                for (int c = 0; c < 3; ++c)
                    QVERIFY2(std::abs(rgbAt(*image, x, y, c) - int(bgr[2 - c])) <= tolerance,
                             qPrintable(QStringLiteral("pixel %1,%2 channel %3").arg(x).arg(y).arg(c)));
            }
    }

    void iccProfileToSrgb_data() {
        QTest::addColumn<QString>("format");
        for (const char* format : {"png", "jpg", "tif", "webp"}) QTest::newRow(format) << QString::fromLatin1(format);
    }

    void iccProfileToSrgb() {
        QFETCH(QString, format);
        const std::array<double, 3> adobe = {150, 90, 60};  // a skin tone, inside sRGB's gamut
        cv::Mat bgr(32, 32, CV_8UC3, cv::Scalar(adobe[2], adobe[1], adobe[0]));
        const auto profile = photofiles::adobeRgbProfile();
        photofiles::Bytes bytes;
        if (format == QLatin1String("png")) bytes = photofiles::png(bgr, 1, profile);
        if (format == QLatin1String("jpg")) bytes = photofiles::jpeg(bgr, 1, profile);
        if (format == QLatin1String("webp")) bytes = photofiles::webp(bgr, 1, profile);
        if (format == QLatin1String("tif")) {
            cv::Mat rgb;
            cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
            bytes = photofiles::tiff({{rgb, 1, profile}});
        }
        const std::string path = m_dir.filePath(QStringLiteral("icc.%1").arg(format)).toStdString();
        photofiles::write(path, bytes);
        const auto image = dicom::decodeFrame(scanOne(path));
        QVERIFY2(image.ok(), image.ok() ? "" : image.error().message.c_str());
        const auto expected = adobeToSrgb(adobe);
        const double tolerance = format == QLatin1String("jpg") ? 4.0 : 2.5;  // JPEG's YCbCr rounding
        for (int c = 0; c < 3; ++c) {
            const int actual = rgbAt(*image, 16, 16, c);
            QVERIFY2(std::abs(actual - expected[std::size_t(c)]) <= tolerance,
                     qPrintable(QStringLiteral("channel %1: %2, expected %3").arg(c).arg(actual).arg(expected[std::size_t(c)])));
        }
        QVERIFY(std::abs(rgbAt(*image, 16, 16, 0) - 150) >= 10);  // the profile made a difference
    }

    void multiPageTiffHasAFramePerPage() {
        std::vector<photofiles::TiffPage> pages;
        for (int k = 0; k < 3; ++k) pages.push_back({cv::Mat(3, 5, CV_8UC3, cv::Scalar(10 + k, 100 + k, 200 + k)), k == 2 ? 6 : 1, {}});
        const std::string path = m_dir.filePath(QStringLiteral("pages.tif")).toStdString();
        photofiles::write(path, photofiles::tiff(pages));
        const auto instance = scanOne(path);
        QCOMPARE(instance.frames, 3);
        for (int k = 0; k < 3; ++k) {
            const auto image = dicom::decodeFrame(instance, k);
            QVERIFY2(image.ok(), image.ok() ? "" : image.error().message.c_str());
            QCOMPARE(rgbAt(*image, 0, 0, 0), 10 + k);
            QCOMPARE(rgbAt(*image, 0, 0, 2), 200 + k);
            QCOMPARE(image->width, k == 2 ? 3 : 5);  // the last page is turned by its own tag
        }
        const auto beyond = dicom::decodeFrame(instance, 3);
        QVERIFY(!beyond.ok());
        QCOMPARE(beyond.error().code, dicom::ErrorCode::FrameOutOfRange);
    }

    // BigTIFF headers are read (pages, size, orientation); OpenCV cannot decode the pixels, and
    // says so instead of failing as "damaged".
    void bigTiffIsListedAndRefusedClearly() {
        std::vector<photofiles::TiffPage> pages = {{cv::Mat(2, 4, CV_8UC3, cv::Scalar(1, 2, 3)), 6, {}},
                                                   {cv::Mat(2, 4, CV_8UC3, cv::Scalar(4, 5, 6)), 1, {}}};
        const std::string path = m_dir.filePath(QStringLiteral("big.tif")).toStdString();
        photofiles::write(path, photofiles::tiff(pages, true));
        const auto instance = scanOne(path);
        QCOMPARE(instance.frames, 2);
        QCOMPARE(instance.columns, 2);  // orientation 6 of the first page turns 4 x 2
        QCOMPARE(instance.rows, 4);
        const auto image = dicom::decodeFrame(instance, 1);
        QVERIFY(!image.ok());
        QCOMPARE(image.error().code, dicom::ErrorCode::UnsupportedSyntax);
    }

    void sixteenBitTiffKeepsDepthAndTurns() {
        cv::Mat rgb(2, 3, CV_16UC3);
        for (int y = 0; y < 2; ++y)
            for (int x = 0; x < 3; ++x) rgb.at<cv::Vec3w>(y, x) = cv::Vec3w(ushort(1000 * x + 7), ushort(30000 + y), ushort(65535 - x));
        const std::string path = m_dir.filePath(QStringLiteral("deep.tif")).toStdString();
        photofiles::write(path, photofiles::tiff({{rgb, 3, {}}}));
        const auto image = dicom::decodeFrame(scanOne(path));
        QVERIFY2(image.ok(), image.ok() ? "" : image.error().message.c_str());
        QCOMPARE(image->format, dicom::PixelFormat::Rgb16);
        // Orientation 3: displayed (0, 0) is stored (2, 1).
        QCOMPARE(int(image->rgb16[0]), 2007);
        QCOMPARE(int(image->rgb16[1]), 30001);
        QCOMPARE(int(image->rgb16[2]), 65533);
    }

    void displayReduction_data() {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("factor");
        QTest::newRow("6000 x 6000 fits") << 6000 << 6000 << 1;
        QTest::newRow("8192 x 8192: 67 MP") << 8192 << 8192 << 2;
        QTest::newRow("10000 x 5000") << 10000 << 5000 << 2;
        QTest::newRow("histology tile 20000 x 20000") << 20000 << 20000 << 4;
        QTest::newRow("strip 100000 x 10") << 100000 << 10 << 16;
    }

    void displayReduction() {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, factor);
        QCOMPARE(dicom::detail::displayReduction(std::uint64_t(width), std::uint64_t(height)), factor);
    }

    void largePictureShrunkWithFullRegions_data() {
        QTest::addColumn<QString>("format");
        QTest::newRow("png") << QStringLiteral("png");
        QTest::newRow("jpeg") << QStringLiteral("jpg");
    }

    void largePictureShrunkWithFullRegions() {
        QFETCH(QString, format);
        cv::Mat bgr(48, 9000, CV_8UC3);
        for (int x = 0; x < bgr.cols; ++x) bgr.col(x).setTo(cv::Scalar((x / 64) % 256, 128, 40));
        const std::string path = m_dir.filePath(QStringLiteral("wide.%1").arg(format)).toStdString();
        photofiles::write(path, format == QLatin1String("png") ? photofiles::png(bgr, 1) : photofiles::jpeg(bgr, 1));
        const auto instance = scanOne(path);
        QCOMPARE(instance.columns, 9000);
        const auto shown = dicom::decodeFrame(instance);
        QVERIFY2(shown.ok(), shown.ok() ? "" : shown.error().message.c_str());
        QCOMPARE(shown->reduction, 2);
        QCOMPARE(shown->width, 4500);
        QCOMPARE(shown->height, 24);
        const auto region = dicom::decodeRegion(instance, 0, {6400, 10, 200, 5});
        QVERIFY2(region.ok(), region.ok() ? "" : region.error().message.c_str());
        QCOMPARE(region->reduction, 1);
        QCOMPARE(region->width, 200);
        QCOMPARE(region->height, 5);
        const int tolerance = format == QLatin1String("png") ? 0 : 3;
        QVERIFY(std::abs(rgbAt(*region, 0, 0, 2) - 100) <= tolerance);    // x = 6400: block 100
        QVERIFY(std::abs(rgbAt(*region, 199, 4, 2) - 103) <= tolerance);  // x = 6599: block 103
        QVERIFY(!dicom::decodeRegion(instance, 0, {9500, 0, 10, 10}).ok());
    }

    // A picture 20,000 px wide (a histopathology tile's width): the scan reads only its header,
    // and the displayed frame is decoded reduced (JPEG scales while decoding), so opening it
    // takes a fraction of the full picture's time and memory.
    void histologyWidthOpensReduced() {
        cv::Mat bgr(1000, 20000, CV_8UC3);
        for (int x = 0; x < bgr.cols; ++x) bgr.col(x).setTo(cv::Scalar((x / 80) % 256, 90, 200));
        const std::string path = m_dir.filePath(QStringLiteral("tile.jpg")).toStdString();
        photofiles::write(path, photofiles::jpeg(bgr, 1));
        QElapsedTimer timer;
        timer.start();
        const auto instance = scanOne(path);
        QCOMPARE(instance.columns, 20000);
        QCOMPARE(instance.rows, 1000);
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        timer.restart();
        const auto shown = dicom::decodeFrame(instance);
        QVERIFY2(shown.ok(), shown.ok() ? "" : shown.error().message.c_str());
        QCOMPARE(shown->reduction, 4);
        QCOMPARE(shown->width, 5000);
        QCOMPARE(shown->height, 250);
        QVERIFY(std::abs(rgbAt(*shown, 2500, 100, 2) - (10000 / 80) % 256) <= 3);  // blue: column block
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_APPLESS_MAIN(PhotoMetadataTest)
#include "test_photo_metadata.moc"
