// The MedGemma model-input recipes against values computed independently (Python float64, and
// float32 emulated by rounding after every operation) from the reference formulas of
// spec medgemma-inputs.md 3 and 8: numpy.interp's slope * (x - lo) with its exact end points,
// np.round half to even, Python's w // 2, astype truncation, uint16 / 257.

#include <QTemporaryDir>
#include <QtTest>

#include "dicom/loader.h"
#include "dicom/model_input.h"
#include "dicom/volume_input.h"
#include "synthetic_dicom.h"

namespace {

dicom::Image greyImage(const std::vector<float>& values, int width, bool monochrome1 = false) {
    dicom::Image image;
    image.width = width;
    image.height = int(values.size()) / width;
    image.grey = values;
    image.monochrome1 = monochrome1;
    return image;
}

dicom::InstanceInfo windowed(double center, double width) {
    dicom::InstanceInfo i;
    i.windows.push_back({center, width, dicom::VoiFunction::Linear, {}});
    return i;
}

std::vector<int> channel(const dicom::Image8& image, int c) {
    std::vector<int> out;
    for (std::size_t i = 0; i < image.pixels.size(); i += 3) out.push_back(image.pixels[i + std::size_t(c)]);
    return out;
}

std::vector<int> parseList(const QString& text) {
    std::vector<int> out;
    for (const auto& part : text.split(QLatin1Char(','))) out.push_back(part.toInt());
    return out;
}

// A series of `count` 4 x 4 slices whose pixels all hold `value(k)` (stored, rescale 1/0).
dicom::SeriesInfo writeSeries(const QString& folder, const std::string& modality, int count, int (*value)(int)) {
    dicom::SeriesInfo series;
    series.modality = modality;
    for (int k = 0; k < count; ++k) {
        synthetic::PixelSpec spec;
        spec.rows = spec.columns = 4;
        spec.isSigned = true;
        synthetic::Identity id;
        id.modality = modality;
        id.sopUid = synthetic::uid("80." + std::to_string(k));
        id.instanceNumber = k + 1;
        const std::string path = QStringLiteral("%1/S%2.dcm").arg(folder).arg(k, 4, 10, QLatin1Char('0')).toStdString();
        synthetic::writeImage(path, spec, std::vector<std::int64_t>(16, value(k)), EXS_LittleEndianExplicit, id);
        dicom::InstanceInfo instance;
        instance.path = path;
        instance.sopClassUid = "1.2.840.10008.5.1.4.1.1.7";
        instance.instanceNumber = k + 1;
        instance.rows = instance.columns = 4;
        series.instances.push_back(instance);
    }
    return series;
}

}  // namespace

class ModelInputTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Projection radiographs with window tags: lo = c - w//2, hi = c + w//2, numpy.interp to
    // 0..255, np.round; the old (x - lo) / (hi - lo) * 255 differs on the 127.5 rows.
    void projectionWindow_data() {
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("center");
        QTest::addColumn<double>("width");
        QTest::addColumn<int>("expected");
        QTest::newRow("below the window") << -200.0 << 40.0 << 400.0 << 0;
        QTest::newRow("at lo") << -160.0 << 40.0 << 400.0 << 0;
        QTest::newRow("centre: slope*(x-lo) = 127.49999999999999") << 40.0 << 40.0 << 400.0 << 127;
        QTest::newRow("at hi") << 240.0 << 40.0 << 400.0 << 255;
        QTest::newRow("above the window") << 300.0 << 40.0 << 400.0 << 255;
        QTest::newRow("exactly 102") << 0.0 << 40.0 << 400.0 << 102;
        QTest::newRow("tie 25.5 to even 26") << 10.0 << 50.0 << 100.0 << 26;
        QTest::newRow("tie 76.5 to even 76") << 30.0 << 50.0 << 100.0 << 76;
        QTest::newRow("229.49999999999997") << 90.0 << 50.0 << 100.0 << 229;
        QTest::newRow("odd width: 101 // 2 = 50") << 51.0 << 50.0 << 101.0 << 130;
        QTest::newRow("fractional centre") << -600.0 << -600.5 << 1500.0 << 128;
        QTest::newRow("fractional centre near lo") << -1350.0 << -600.5 << 1500.0 << 0;
        QTest::newRow("12-bit centre 2048 width 4096") << 2048.0 << 2048.0 << 4096.0 << 128;
        QTest::newRow("just below centre") << 2047.0 << 2048.0 << 4096.0 << 127;
        QTest::newRow("width 1: lo == hi maps to 255") << 7.0 << 8.0 << 1.0 << 255;
    }

    void projectionWindow() {
        QFETCH(double, value);
        QFETCH(double, center);
        QFETCH(double, width);
        QFETCH(int, expected);
        const auto instance = windowed(center, width);
        const auto out = dicom::applyRecipe(greyImage({float(value)}, 1), instance, dicom::InputRecipe::Projection);
        QCOMPARE(out.channels, 3);
        QCOMPARE(int(out.pixels[0]), expected);
        QCOMPARE(int(out.pixels[1]), expected);
        QCOMPARE(int(out.pixels[2]), expected);
        // MONOCHROME1 is inverted after the 8-bit window: 255 - x.
        const auto inverted = dicom::applyRecipe(greyImage({float(value)}, 1, true), instance, dicom::InputRecipe::Projection);
        QCOMPARE(int(inverted.pixels[0]), 255 - expected);
    }

    // Without window tags: trunc to the stored type, uint8 kept, otherwise numpy.interp over the
    // type's range, astype (floor), MONOCHROME1 as max - x at that depth, / (max / 255) rounded.
    void projectionMinMax_data() {
        QTest::addColumn<int>("bitsAllocated");
        QTest::addColumn<bool>("pixelSigned");
        QTest::addColumn<bool>("monochrome1");
        QTest::addColumn<std::vector<float>>("values");
        QTest::addColumn<std::vector<int>>("expected");
        const std::vector<float> twelve = {0, 1000, 4095, 2048, 17, 3000};
        QTest::newRow("unsigned 12-bit") << 16 << false << false << twelve << std::vector<int>{0, 62, 255, 128, 1, 187};
        QTest::newRow("unsigned 12-bit MONOCHROME1") << 16 << false << true << twelve
                                                     << std::vector<int>{255, 193, 0, 127, 254, 68};
        QTest::newRow("signed 16-bit") << 16 << true << false << std::vector<float>{-1024, -1, 0, 1, 500, 3071}
                                       << std::vector<int>{0, 64, 64, 64, 95, 255};
        QTest::newRow("fractional values truncated") << 16 << false << false
                                                     << std::vector<float>{10.5f, 11.0f, 11.9f, -0.5f, 100.25f, 7.75f}
                                                     << std::vector<int>{25, 28, 28, 0, 255, 18};
        const std::vector<float> eight = {0, 3, 77, 128, 200, 255};
        QTest::newRow("unsigned 8-bit kept") << 8 << false << false << eight << std::vector<int>{0, 3, 77, 128, 200, 255};
        QTest::newRow("unsigned 8-bit MONOCHROME1") << 8 << false << true << eight
                                                    << std::vector<int>{255, 252, 178, 127, 55, 0};
        QTest::newRow("signed 8-bit stretched") << 8 << true << false << std::vector<float>{-128, -3, 0, 5, 60, 127}
                                                << std::vector<int>{0, 125, 128, 133, 188, 255};
        QTest::newRow("constant image") << 16 << false << false << std::vector<float>(6, 500.f) << std::vector<int>(6, 255);
        QTest::newRow("constant image MONOCHROME1") << 16 << false << true << std::vector<float>(6, 500.f)
                                                    << std::vector<int>(6, 0);
    }

    void projectionMinMax() {
        QFETCH(int, bitsAllocated);
        QFETCH(bool, pixelSigned);
        QFETCH(bool, monochrome1);
        QFETCH(std::vector<float>, values);
        QFETCH(std::vector<int>, expected);
        dicom::InstanceInfo instance;
        instance.bitsAllocated = bitsAllocated;
        instance.pixelSigned = pixelSigned;
        const auto out = dicom::applyRecipe(greyImage(values, 3, monochrome1), instance, dicom::InputRecipe::Projection);
        QCOMPARE(channel(out, 0), expected);
        QCOMPARE(channel(out, 2), expected);
    }

    // CT: float32 (clip(HU) - lo) / (hi - lo) * 255, np.round half to even, R/G/B windows
    // -1024..1024, -135..215, 0..80.
    void ctWindows_data() {
        QTest::addColumn<float>("hu");
        QTest::addColumn<int>("r");
        QTest::addColumn<int>("g");
        QTest::addColumn<int>("b");
        QTest::newRow("air below range") << -2000.f << 0 << 0 << 0;
        QTest::newRow("-1023 HU") << -1023.f << 0 << 0 << 0;
        QTest::newRow("-135 HU") << -135.f << 111 << 0 << 0;
        QTest::newRow("fat -100 HU: G tie 25.5 -> 26") << -100.f << 115 << 26 << 0;
        QTest::newRow("water 0 HU: R tie 127.5 -> 128") << 0.f << 128 << 98 << 0;
        QTest::newRow("8 HU: B tie 25.5 -> 26") << 8.f << 128 << 104 << 26;
        QTest::newRow("24 HU: B tie 76.5 -> 76") << 24.f << 130 << 116 << 76;
        QTest::newRow("40 HU: G and B ties 127.5 -> 128") << 40.f << 132 << 128 << 128;
        QTest::newRow("56 HU: B tie 178.5 -> 178") << 56.f << 134 << 139 << 178;
        QTest::newRow("60 HU") << 60.f << 135 << 142 << 191;
        QTest::newRow("80 HU") << 80.f << 137 << 157 << 255;
        QTest::newRow("215 HU") << 215.f << 154 << 255 << 255;
        QTest::newRow("1000 HU") << 1000.f << 252 << 255 << 255;
        QTest::newRow("bone 3000 HU") << 3000.f << 255 << 255 << 255;
        QTest::newRow("-1000.5 HU") << -1000.5f << 3 << 0 << 0;
    }

    void ctWindows() {
        QFETCH(float, hu);
        QFETCH(int, r);
        QFETCH(int, g);
        QFETCH(int, b);
        const auto out = dicom::applyRecipe(greyImage({hu}, 1), {}, dicom::InputRecipe::CtWindows);
        QCOMPARE(int(out.pixels[0]), r);
        QCOMPARE(int(out.pixels[1]), g);
        QCOMPARE(int(out.pixels[2]), b);
    }

    void mrUsesTheVolumeRange() {
        const std::pair<float, float> range{100.f, 1100.f};
        const auto out = dicom::applyRecipe(greyImage({100, 350, 600, 1100}, 2), {}, dicom::InputRecipe::MrVolume, &range);
        // round((v - 100) / 1000 * 255): 0, 63.75 -> 64, 127.5 -> 128 (even), 255
        QCOMPARE(channel(out, 1), (std::vector<int>{0, 64, 128, 255}));
        const auto alone = dicom::applyRecipe(greyImage({350, 600}, 2), {}, dicom::InputRecipe::MrVolume);
        QCOMPARE(channel(alone, 0), (std::vector<int>{0, 255}));
        const std::pair<float, float> flat{7.f, 7.f};
        QCOMPARE(channel(dicom::applyRecipe(greyImage({7, 7}, 2), {}, dicom::InputRecipe::MrVolume, &flat), 0),
                 (std::vector<int>{255, 255}));
    }

    // Python: [int(round(i / 85 * (n - 1))) for i in range(1, 86)]
    void sliceSampling_data() {
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("expected");
        QTest::newRow("85 slices: all") << 85 << QString();
        QTest::newRow("86") << 86 << QStringLiteral("1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,76,77,78,79,80,81,82,83,84,85");
        QTest::newRow("100") << 100 << QStringLiteral("1,2,3,5,6,7,8,9,10,12,13,14,15,16,17,19,20,21,22,23,24,26,27,28,29,30,31,33,34,35,36,37,38,40,41,42,43,44,45,47,48,49,50,51,52,54,55,56,57,58,59,61,62,63,64,65,66,68,69,70,71,72,73,75,76,77,78,79,80,82,83,84,85,86,87,89,90,91,92,93,94,96,97,98,99");
        QTest::newRow("171") << 171 << QStringLiteral("2,4,6,8,10,12,14,16,18,20,22,24,26,28,30,32,34,36,38,40,42,44,46,48,50,52,54,56,58,60,62,64,66,68,70,72,74,76,78,80,82,84,86,88,90,92,94,96,98,100,102,104,106,108,110,112,114,116,118,120,122,124,126,128,130,132,134,136,138,140,142,144,146,148,150,152,154,156,158,160,162,164,166,168,170");
        QTest::newRow("500") << 500 << QStringLiteral("6,12,18,23,29,35,41,47,53,59,65,70,76,82,88,94,100,106,112,117,123,129,135,141,147,153,159,164,170,176,182,188,194,200,205,211,217,223,229,235,241,247,252,258,264,270,276,282,288,294,299,305,311,317,323,329,335,340,346,352,358,364,370,376,382,387,393,399,405,411,417,423,429,434,440,446,452,458,464,470,476,481,487,493,499");
        QTest::newRow("1000") << 1000 << QStringLiteral("12,24,35,47,59,71,82,94,106,118,129,141,153,165,176,188,200,212,223,235,247,259,270,282,294,306,317,329,341,353,364,376,388,400,411,423,435,447,458,470,482,494,505,517,529,541,552,564,576,588,599,611,623,635,646,658,670,682,693,705,717,729,740,752,764,776,787,799,811,823,834,846,858,870,881,893,905,917,928,940,952,964,975,987,999");
    }

    void sliceSampling() {
        QFETCH(int, count);
        QFETCH(QString, expected);
        const auto indices = dicom::sampleVolumeIndices(count);
        if (expected.isEmpty()) {
            QCOMPARE(int(indices.size()), count);
            QCOMPARE(indices.front(), 0);
            return;
        }
        QCOMPARE(indices, parseList(expected));
    }

    // d // 2 rows or columns of black before, the rest after.
    void padding_data() {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("left");
        QTest::addColumn<int>("top");
        QTest::newRow("wide, even difference") << 5 << 3 << 0 << 1;
        QTest::newRow("wide, odd difference") << 7 << 4 << 0 << 1;
        QTest::newRow("tall, odd difference") << 2 << 5 << 1 << 0;
        QTest::newRow("square") << 4 << 4 << 0 << 0;
    }

    void padding() {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, left);
        QFETCH(int, top);
        dicom::Image8 image{width, height, 3, std::vector<std::uint8_t>(std::size_t(width * height * 3), 200)};
        const auto padded = dicom::padToSquare(image);
        const int side = std::max(width, height);
        QCOMPARE(padded.width, side);
        QCOMPARE(padded.height, side);
        for (int y = 0; y < side; ++y)
            for (int x = 0; x < side; ++x) {
                const bool inside = x >= left && x < left + width && y >= top && y < top + height;
                QCOMPARE(int(padded.pixels[std::size_t((y * side + x) * 3)]), inside ? 200 : 0);
            }
    }

    void ctSeriesSampledInOrder() {
        QTemporaryDir dir;
        auto series = writeSeries(dir.path(), "CT", 100, [](int k) { return k * 10 - 1024; });
        std::size_t lastDone = 0, lastTotal = 0;
        const auto v = dicom::prepareVolumeInputs(series, [&](std::size_t d, std::size_t t) { lastDone = d; lastTotal = t; });
        QVERIFY2(v.ok(), v.ok() ? "" : v.error().message.c_str());
        QCOMPARE(v->recipe, dicom::InputRecipe::CtWindows);
        QCOMPARE(v->images.size(), std::size_t(85));
        QCOMPARE(v->volumeSlices, std::size_t(100));
        QCOMPARE(lastDone, std::size_t(85));
        QCOMPARE(lastTotal, std::size_t(85));
        const auto indices = dicom::sampleVolumeIndices(100);
        for (std::size_t i = 0; i < 85; ++i) QCOMPARE(int(v->slices[i].instance), indices[i]);
        // Slice 99 holds -34 HU everywhere: R round(990/2048*255) = 123, G round(101/350*255) = 74.
        QCOMPARE(int(v->images.back().pixels[0]), 123);
        QCOMPARE(int(v->images.back().pixels[1]), 74);
        QVERIFY(v->description.find("85 of 100") != std::string::npos);
    }

    void mrSeriesUsesOneRange() {
        QTemporaryDir dir;
        auto series = writeSeries(dir.path(), "MR", 3, [](int k) { return 100 + 400 * k; });  // 100, 500, 900
        const auto v = dicom::prepareVolumeInputs(series);
        QVERIFY2(v.ok(), v.ok() ? "" : v.error().message.c_str());
        QCOMPARE(v->recipe, dicom::InputRecipe::MrVolume);
        QVERIFY(v->range.has_value());
        QCOMPARE(v->range->first, 100.f);
        QCOMPARE(v->range->second, 900.f);
        QCOMPARE(int(v->images[1].pixels[0]), 128);  // round(400 / 800 * 255) = round(127.5) = 128
        QCOMPARE(int(v->images[2].pixels[0]), 255);
    }

    void cancelStopsBetweenSlices() {
        QTemporaryDir dir;
        auto series = writeSeries(dir.path(), "CT", 5, [](int k) { return k; });
        std::atomic<bool> cancel{false};
        const auto v = dicom::prepareVolumeInputs(series, [&](std::size_t, std::size_t) { cancel = true; }, &cancel);
        QVERIFY(!v.ok());
        QCOMPARE(v.error().code, dicom::ErrorCode::Cancelled);
    }
};

QTEST_APPLESS_MAIN(ModelInputTest)
#include "test_model_input.moc"
