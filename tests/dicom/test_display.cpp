// The display pipeline: VOI functions of PS3.3 C.11.2.1.2 as tables of known values, the
// rendering of grey and colour frames, inversion, default windows, and rendering speed.

#include <algorithm>
#include <cmath>
#include <random>

#include <QElapsedTimer>
#include <QtTest>

#include "dicom/display.h"

using dicom::VoiFunction;

Q_DECLARE_METATYPE(VoiFunction)

namespace {

dicom::Image greyImage(int width, int height, const std::vector<float>& values) {
    dicom::Image image;
    image.width = width;
    image.height = height;
    image.grey = values;
    return image;
}

dicom::WindowPreset window(double centre, double width, VoiFunction f = VoiFunction::Linear) {
    dicom::WindowPreset w;
    w.center = centre;
    w.width = width;
    w.function = f;
    return w;
}

// A CT-like slice: integer HU from -1024 to 3071 with smooth structure.
dicom::Image ctSlice(int size) {
    std::vector<float> values(std::size_t(size) * std::size_t(size));
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x)
            values[std::size_t(y * size + x)] = float(std::lround(1000 * std::sin(x * 0.05) * std::cos(y * 0.03) + 500));
    return greyImage(size, size, values);
}

double medianMs(const std::function<void()>& work, int runs) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

}  // namespace

class DisplayTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void voiFunctions_data() {
        QTest::addColumn<VoiFunction>("function");
        QTest::addColumn<double>("centre");
        QTest::addColumn<double>("width");
        QTest::addColumn<double>("input");
        QTest::addColumn<double>("expected");
        const auto L = VoiFunction::Linear, E = VoiFunction::LinearExact, S = VoiFunction::Sigmoid;
        // LINEAR: 0 at and below c - 0.5 - (w-1)/2, 255 above c - 0.5 + (w-1)/2.
        QTest::newRow("linear 40/400 lower edge") << L << 40.0 << 400.0 << -160.0 << 0.0;
        QTest::newRow("linear 40/400 just above lower edge") << L << 40.0 << 400.0 << -159.0 << 0.6390977443609023;
        QTest::newRow("linear 40/400 centre") << L << 40.0 << 400.0 << 40.0 << 127.81954887218045;
        QTest::newRow("linear 40/400 below upper edge") << L << 40.0 << 400.0 << 238.0 << 254.3609022556391;
        QTest::newRow("linear 40/400 upper edge") << L << 40.0 << 400.0 << 239.0 << 255.0;
        QTest::newRow("linear lung -600/1500 centre") << L << -600.0 << 1500.0 << -600.0 << 127.58505670446965;
        QTest::newRow("linear 12-bit full range, 0") << L << 2048.0 << 4096.0 << 0.0 << 0.0;
        QTest::newRow("linear 12-bit full range, 4095") << L << 2048.0 << 4096.0 << 4095.0 << 255.0;
        // Width 1 is a threshold at c - 0.5; widths below 1 are taken as 1.
        QTest::newRow("linear width 1, at threshold") << L << 100.0 << 1.0 << 99.5 << 0.0;
        QTest::newRow("linear width 1, above threshold") << L << 100.0 << 1.0 << 99.51 << 255.0;
        QTest::newRow("linear width 1, centre") << L << 100.0 << 1.0 << 100.0 << 255.0;
        QTest::newRow("linear width 0.5 as 1") << L << 100.0 << 0.5 << 99.0 << 0.0;
        // LINEAR_EXACT: 0 at and below c - w/2, 255 above c + w/2, exact in between.
        QTest::newRow("exact 0/10 lower edge") << E << 0.0 << 10.0 << -5.0 << 0.0;
        QTest::newRow("exact 0/10 inside") << E << 0.0 << 10.0 << -4.9 << 2.55;
        QTest::newRow("exact 0/10 centre") << E << 0.0 << 10.0 << 0.0 << 127.5;
        QTest::newRow("exact 0/10 upper edge") << E << 0.0 << 10.0 << 5.0 << 255.0;
        QTest::newRow("exact 0/10 above") << E << 0.0 << 10.0 << 5.1 << 255.0;
        QTest::newRow("exact width 0.5, centre") << E << 0.0 << 0.5 << 0.0 << 127.5;
        QTest::newRow("exact width 0.5, lower edge") << E << 0.0 << 0.5 << -0.25 << 0.0;
        QTest::newRow("exact width 0.5, upper edge") << E << 0.0 << 0.5 << 0.25 << 255.0;
        // SIGMOID: 255 / (1 + exp(-4 (x - c) / w)).
        QTest::newRow("sigmoid centre") << S << 0.0 << 100.0 << 0.0 << 127.5;
        QTest::newRow("sigmoid quarter width above") << S << 0.0 << 100.0 << 25.0 << 186.41993755065124;
        QTest::newRow("sigmoid quarter width below") << S << 0.0 << 100.0 << -25.0 << 68.58006244934876;
        QTest::newRow("sigmoid 40/400 at 50") << S << 40.0 << 400.0 << 50.0 << 133.8696928071297;
        QTest::newRow("sigmoid far above") << S << 0.0 << 100.0 << 1000.0 << 255.0;
    }

    void voiFunctions() {
        QFETCH(VoiFunction, function);
        QFETCH(double, centre);
        QFETCH(double, width);
        QFETCH(double, input);
        QFETCH(double, expected);
        QVERIFY2(std::fabs(dicom::applyVoi(input, window(centre, width, function)) - expected) < 1e-9,
                 qPrintable(QString::number(dicom::applyVoi(input, window(centre, width, function)), 'g', 17)));
    }

    // Both rendering paths (table for integer data, direct for fractional data) give
    // round(applyVoi) for every pixel, for every function.
    void renderMatchesVoi_data() {
        QTest::addColumn<VoiFunction>("function");
        QTest::addColumn<bool>("integral");
        for (auto f : {VoiFunction::Linear, VoiFunction::LinearExact, VoiFunction::Sigmoid}) {
            QTest::addRow("function %d integral", int(f)) << f << true;
            QTest::addRow("function %d fractional", int(f)) << f << false;
        }
    }

    void renderMatchesVoi() {
        QFETCH(VoiFunction, function);
        QFETCH(bool, integral);
        std::mt19937 random(42);
        std::uniform_real_distribution<float> value(-1100.f, 1500.f);
        std::vector<float> values(64 * 48);
        for (auto& v : values) v = integral ? std::round(value(random)) : value(random);
        const auto image = greyImage(64, 48, values);
        dicom::DisplayParams params;
        params.window = window(40, 400, function);
        const auto out = dicom::renderForDisplay(image, params);
        QCOMPARE(out.channels, 1);
        for (std::size_t i = 0; i < values.size(); ++i)
            QCOMPARE(int(out.pixels[i]), int(std::lround(dicom::applyVoi(values[i], *params.window))));
    }

    void inversion_data() {
        QTest::addColumn<bool>("monochrome1");
        QTest::addColumn<bool>("userInvert");
        QTest::addColumn<int>("darkest");  // output for the lowest value
        QTest::newRow("MONOCHROME2") << false << false << 0;
        QTest::newRow("MONOCHROME1") << true << false << 255;
        QTest::newRow("MONOCHROME2, user inverts") << false << true << 255;
        QTest::newRow("MONOCHROME1, user inverts back") << true << true << 0;
    }

    void inversion() {
        QFETCH(bool, monochrome1);
        QFETCH(bool, userInvert);
        QFETCH(int, darkest);
        auto image = greyImage(3, 1, {0.f, 50.f, 100.f});
        image.monochrome1 = monochrome1;
        dicom::DisplayParams params;
        params.invert = userInvert;
        const auto out = dicom::renderForDisplay(image, params);  // min/max window
        QCOMPARE(int(out.pixels[0]), darkest);
        QCOMPARE(int(out.pixels[2]), 255 - darkest);
    }

    void defaultWindow() {
        dicom::InstanceInfo instance;
        const auto image = greyImage(2, 2, {-1000.f, 0.f, 400.f, 3000.f});
        auto w = dicom::defaultWindow(instance, image);
        QCOMPARE(w.center, 1000.0);
        QCOMPARE(w.width, 4000.0);
        instance.windows = {window(40, 400), window(-600, 1500)};
        instance.windows[0].explanation = "ABDOMEN";
        w = dicom::defaultWindow(instance, image);
        QCOMPARE(w.center, 40.0);
        QCOMPARE(w.explanation, std::string("ABDOMEN"));
        // A flat frame still gets a usable window of width 1.
        instance.windows.clear();
        w = dicom::defaultWindow(instance, greyImage(2, 1, {7.f, 7.f}));
        QCOMPARE(w.width, 1.0);
        const auto range = dicom::valueRange(image);
        QCOMPARE(range.first, -1000.f);
        QCOMPARE(range.second, 3000.f);
    }

    void minMaxWindowSpansFullOutput() {
        const auto out = dicom::renderForDisplay(greyImage(4, 1, {-3024.f, -1000.f, 40.f, 1200.f}), {});
        QCOMPARE(int(out.pixels[0]), 0);
        QCOMPARE(int(out.pixels[3]), 255);
        QVERIFY(out.pixels[1] < out.pixels[2]);
    }

    void colour() {
        dicom::Image rgb8;
        rgb8.width = 2;
        rgb8.height = 1;
        rgb8.format = dicom::PixelFormat::Rgb8;
        rgb8.rgb8 = {0, 10, 255, 1, 2, 3};
        auto out = dicom::renderForDisplay(rgb8, {});
        QCOMPARE(out.channels, 3);
        QCOMPARE(out.pixels, rgb8.rgb8);
        dicom::DisplayParams inverted;
        inverted.invert = true;
        QCOMPARE(int(dicom::renderForDisplay(rgb8, inverted).pixels[1]), 245);

        dicom::Image rgb16 = rgb8;
        rgb16.format = dicom::PixelFormat::Rgb16;
        rgb16.rgb16 = {0, 65535, 257 * 100, 128, 129, 32768};
        out = dicom::renderForDisplay(rgb16, {});
        const std::vector<std::uint8_t> expected = {0, 255, 100, 0, 1, 128};  // round(v / 257)
        QCOMPARE(out.pixels, expected);
    }

    void emptyImage() { QVERIFY(dicom::renderForDisplay(dicom::Image{}, {}).pixels.empty()); }

    void renderIsFast() {
        const auto slice = ctSlice(512);
        dicom::DisplayParams params;
        params.window = window(40, 400);
        const double linear = medianMs([&] { dicom::renderForDisplay(slice, params); }, 31);
        params.window->function = VoiFunction::Sigmoid;
        const double sigmoid = medianMs([&] { dicom::renderForDisplay(slice, params); }, 31);
        qInfo("512 x 512 render: LINEAR %.2f ms, SIGMOID %.2f ms (median of 31)", linear, sigmoid);
        QVERIFY2(linear < 5.0, qPrintable(QString::number(linear)));
        QVERIFY2(sigmoid < 5.0, qPrintable(QString::number(sigmoid)));
    }
};

QTEST_APPLESS_MAIN(DisplayTest)
#include "test_display.moc"
