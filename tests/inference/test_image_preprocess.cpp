// Image preprocessing: the Pillow-exact bilinear resize against the fixtures' pixel_values
// (produced by transformers' Gemma3ImageProcessor through PIL), conversions, and pan-and-scan.

#include <QtTest>

#include <ATen/ATen.h>

#include "forward_test_support.h"
#include "inference/image_preprocess.h"
#include "inference/image_resize.h"

using namespace inference;

class ImagePreprocessTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pixelsMatchGolden_data();
    void pixelsMatchGolden();
    void sameSizeIsIdentity();
    void constantImageStaysConstant();
    void greyAndRgbaConvertLikePil();
    void rowStrideIsHonoured();
    void rejectsBadImages();
    void panAndScanCrops_data();
    void panAndScanCrops();
    void panAndScanTiles();
    void panAndScanPromptText();
};

void ImagePreprocessTest::pixelsMatchGolden_data() {
    QTest::addColumn<QString>("checkpoint");
    QTest::addColumn<QString>("caseName");
    for (const QString& checkpoint : fwdtest::checkpointNames()) {
        for (const QString& name : {QStringLiteral("one_image"), QStringLiteral("two_images")}) {
            QTest::newRow(qPrintable(checkpoint + QLatin1Char('/') + name)) << checkpoint << name;
        }
    }
}

// The golden pixel values come from PIL; an exact port of Pillow's resample gives the same
// 8-bit levels, so the only differences left are float32 rounding of the normalisation.
void ImagePreprocessTest::pixelsMatchGolden() {
    QFETCH(QString, checkpoint);
    QFETCH(QString, caseName);
    const fwdtest::GoldenCase c = fwdtest::goldenCase(checkpoint, caseName);
    const at::Tensor golden = fwdtest::goldenTensors(checkpoint, caseName).at("pixel_values");
    const at::Tensor ours = fwdtest::promptWithOwnPixels(checkpoint, c).pixelValues;
    QCOMPARE(ours.sizes(), golden.sizes());
    const double maxDiff = fwdtest::maxAbsDiff(ours, golden);
    const at::Tensor levelsOurs = at::round((ours.to(at::kDouble) + 1.0) * 127.5);
    const at::Tensor levelsGolden = at::round((golden.to(at::kDouble) + 1.0) * 127.5);
    const std::int64_t differing = levelsOurs.ne(levelsGolden).sum().item<std::int64_t>();
    qInfo("%s: max |diff| %.3g, %lld of %lld values at another 8-bit level", qPrintable(caseName),
          maxDiff, static_cast<long long>(differing), static_cast<long long>(ours.numel()));
    QVERIFY(maxDiff <= 2.0 / 255.0);  // the fixtures' tolerance: one 8-bit level
    QCOMPARE(differing, std::int64_t{0});
    QVERIFY(maxDiff <= 1e-6);
}

void ImagePreprocessTest::sameSizeIsIdentity() {
    std::vector<std::uint8_t> rgb(5 * 4 * 3);
    for (std::size_t i = 0; i < rgb.size(); ++i) {
        rgb[i] = static_cast<std::uint8_t>(i * 37 % 251);
    }
    const Image8View view{rgb.data(), 5, 4, 3, 15};
    QCOMPARE(resizeBilinearPil(view, 5, 4), rgb);
}

void ImagePreprocessTest::constantImageStaysConstant() {
    const std::vector<std::uint8_t> rgb(37 * 23 * 3, 201);
    const Image8View view{rgb.data(), 37, 23, 3, 37 * 3};
    for (const auto& size : {std::pair{224, 224}, std::pair{9, 5}, std::pair{80, 11}}) {
        const std::vector<std::uint8_t> out = resizeBilinearPil(view, size.first, size.second);
        QCOMPARE(out.size(), static_cast<std::size_t>(size.first * size.second * 3));
        QVERIFY(std::all_of(out.begin(), out.end(), [](std::uint8_t v) { return v == 201; }));
    }
}

void ImagePreprocessTest::greyAndRgbaConvertLikePil() {
    PreprocessorConfig config;
    config.height = 7;
    config.width = 9;
    std::vector<std::uint8_t> grey(13 * 11), rgb(13 * 11 * 3), rgba(13 * 11 * 4);
    for (std::size_t i = 0; i < grey.size(); ++i) {
        grey[i] = static_cast<std::uint8_t>(i * 11 % 256);
        for (int c = 0; c < 3; ++c) {
            rgb[i * 3 + c] = grey[i];
            rgba[i * 4 + c] = grey[i];
        }
        rgba[i * 4 + 3] = static_cast<std::uint8_t>(i % 7);  // alpha is dropped, not blended
    }
    const auto fromGrey = preprocessImage({grey.data(), 13, 11, 1, 13}, config);
    const auto fromRgb = preprocessImage({rgb.data(), 13, 11, 3, 39}, config);
    const auto fromRgba = preprocessImage({rgba.data(), 13, 11, 4, 52}, config);
    QVERIFY(fromGrey.ok() && fromRgb.ok() && fromRgba.ok());
    QCOMPARE(fromGrey->chw, fromRgb->chw);
    QCOMPARE(fromRgba->chw, fromRgb->chw);
    QCOMPARE(fromRgb->chw.size(), std::size_t{3 * 7 * 9});
    // Level 0 -> -1, level 255 -> +1 with the default rescale and normalisation.
    const std::vector<std::uint8_t> extremes{0, 0, 0, 255, 255, 255};
    config.doResize = false;
    const auto normalised = preprocessImage({extremes.data(), 2, 1, 3, 6}, config);
    QCOMPARE(normalised->chw[0], -1.0f);
    QCOMPARE(normalised->chw[1], 1.0f);
}

void ImagePreprocessTest::rowStrideIsHonoured() {
    const int width = 6, height = 5, stride = 6 * 3 + 5;
    std::vector<std::uint8_t> padded(static_cast<std::size_t>(stride) * height, 99);
    std::vector<std::uint8_t> packed;
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width * 3; ++x) {
            padded[static_cast<std::size_t>(y * stride + x)] = static_cast<std::uint8_t>(x * y);
            packed.push_back(static_cast<std::uint8_t>(x * y));
        }
    }
    QCOMPARE(resizeBilinearPil({padded.data(), width, height, 3, std::size_t(stride)}, 4, 9),
             resizeBilinearPil({packed.data(), width, height, 3, std::size_t(width * 3)}, 4, 9));
}

void ImagePreprocessTest::rejectsBadImages() {
    const PreprocessorConfig config;
    const std::vector<std::uint8_t> bytes(16, 0);
    QCOMPARE(preprocessImage({nullptr, 2, 2, 3, 6}, config).error().code,
             ErrorCode::InvalidRequest);
    QCOMPARE(preprocessImage({bytes.data(), 0, 2, 3, 6}, config).error().code,
             ErrorCode::InvalidRequest);
    QCOMPARE(preprocessImage({bytes.data(), 2, 2, 2, 4}, config).error().code,
             ErrorCode::InvalidRequest);
    QCOMPARE(preprocessImage({bytes.data(), 2, 2, 3, 5}, config).error().code,
             ErrorCode::InvalidRequest);
}

void ImagePreprocessTest::panAndScanCrops_data() {
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<QString>("expected");  // "x,y,w,h;..." row-major
    QTest::newRow("square: off") << 500 << 500 << QString();
    QTest::newRow("wide 2.5:1 -> 3 crops, last one clipped")
        << 1000 << 400 << QStringLiteral("0,0,334,400;334,0,334,400;668,0,332,400");
    QTest::newRow("tall 1:3 -> 3 crops")
        << 300 << 900 << QStringLiteral("0,0,300,300;0,300,300,300;0,600,300,300");
    QTest::newRow("1.5:1 -> 2 crops") << 600 << 400 << QStringLiteral("0,0,300,400;300,0,300,400");
    QTest::newRow("crops below the minimum size") << 400 << 300 << QString();
    QTest::newRow("below the activation ratio") << 590 << 500 << QString();
    QTest::newRow("very wide: capped at 4")
        << 4000 << 300
        << QStringLiteral("0,0,1000,300;1000,0,1000,300;2000,0,1000,300;3000,0,1000,300");
}

void ImagePreprocessTest::panAndScanCrops() {
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(QString, expected);
    QStringList parts;
    for (const CropRect& crop : inference::panAndScanCrops(width, height, PreprocessorConfig{})) {
        parts << QStringLiteral("%1,%2,%3,%4")
                     .arg(crop.x)
                     .arg(crop.y)
                     .arg(crop.width)
                     .arg(crop.height);
    }
    QCOMPARE(parts.join(QLatin1Char(';')), expected);
}

void ImagePreprocessTest::panAndScanTiles() {
    std::vector<std::uint8_t> rgb(600 * 400 * 3);
    for (std::size_t i = 0; i < rgb.size(); ++i) {
        rgb[i] = static_cast<std::uint8_t>(i % 253);
    }
    const Image8View view{rgb.data(), 600, 400, 3, 600 * 3};
    PreprocessorConfig config;
    config.height = config.width = 28;
    QCOMPARE(preprocessImageWithCrops(view, config)->numCrops(), 0);  // off by default
    config.doPanAndScan = true;
    const auto tiles = preprocessImageWithCrops(view, config);
    QCOMPARE(tiles->numCrops(), 2);
    QCOMPARE(tiles->tiles[0].chw, preprocessImage(view, config)->chw);
    // The second crop is the right half of the image, resized on its own.
    const Image8View right{rgb.data() + 300 * 3, 300, 400, 3, 600 * 3};
    QCOMPARE(tiles->tiles[2].chw, preprocessImage(right, config)->chw);
}

void ImagePreprocessTest::panAndScanPromptText() {
    const std::string boi = "<start_of_image>";
    QCOMPARE(inference::panAndScanPromptText(0, boi), boi);
    QCOMPARE(inference::panAndScanPromptText(2, boi),
             std::string("Here is the original image <start_of_image> and here are some crops "
                         "to help you see better <start_of_image> <start_of_image>"));
}

QTEST_APPLESS_MAIN(ImagePreprocessTest)
#include "test_image_preprocess.moc"
