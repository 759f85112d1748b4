// The display pipeline beyond windows: VOI LUT tables (PS3.3 C.11.2.1.1), the Presentation LUT
// Shape with MONOCHROME1, Pixel Padding left out of min/max, and the default display rule
// (first window, else first VOI LUT, else min/max) — as tables, then end to end from a file.

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcsequen.h>

#include <QTemporaryDir>
#include <QtTest>

#include "dicom/display.h"
#include "dicom/loader.h"
#include "synthetic_dicom.h"

using dicom::PresentationShape;

Q_DECLARE_METATYPE(PresentationShape)
Q_DECLARE_METATYPE(std::vector<std::uint16_t>)

namespace {

dicom::Image grey(std::vector<float> values) {
    dicom::Image image;
    image.width = int(values.size());
    image.height = 1;
    image.grey = std::move(values);
    return image;
}

dicom::VoiLut lut(std::vector<std::uint16_t> entries, double first, int bits,
                  std::string explanation = {}) {
    return {std::move(entries), first, bits, std::move(explanation)};
}

// A CT-like file: signed 16-bit, rescale -1024, padding -2000 stored, two VOI LUTs with an SS
// descriptor starting at -100 HU, Presentation LUT Shape INVERSE, no window.
void writeLutFile(const std::string& path) {
    synthetic::PixelSpec s;
    s.rows = 1;
    s.columns = 6;
    s.isSigned = true;
    DcmFileFormat file;
    DcmDataset& ds = *file.getDataset();
    synthetic::putIdentity(ds, {});
    synthetic::putPixels(ds, s,
                         synthetic::packSamples(s, {-2000, 900, 1000, 1024, 1100, 1500}, false));
    ds.putAndInsertString(DCM_RescaleIntercept, "-1024");
    ds.putAndInsertString(DCM_RescaleSlope, "1");
    ds.putAndInsertSint16(DCM_PixelPaddingValue, -2000);
    ds.putAndInsertString(DCM_PresentationLUTShape, "INVERSE");
    for (int i = 0; i < 2; ++i) {
        DcmItem* item = nullptr;
        ds.findOrCreateSequenceItem(DCM_VOILUTSequence, item, -2);
        const Sint16 descriptor[3] = {201, -100, 12};
        item->putAndInsertSint16Array(DCM_LUTDescriptor, descriptor, 3);
        std::vector<Uint16> data(201);
        for (std::size_t k = 0; k < data.size(); ++k)
            data[k] = Uint16(i == 0 ? k * 20 : 4095 - k * 20);
        item->putAndInsertUint16Array(DCM_LUTData, data.data(), data.size());
        item->putAndInsertString(DCM_LUTExplanation, i == 0 ? "SOFT" : "REVERSED");
    }
    synthetic::save(file, path, EXS_LittleEndianExplicit);
}

}  // namespace

class DisplayLutTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void voiLutValues_data() {
        QTest::addColumn<std::vector<std::uint16_t>>("entries");
        QTest::addColumn<double>("first");
        QTest::addColumn<int>("bits");
        QTest::addColumn<double>("input");
        QTest::addColumn<double>("expected");
        const std::vector<std::uint16_t> ramp = {0, 1024, 2048, 3072, 4095};
        QTest::newRow("first entry") << ramp << 0.0 << 12 << 0.0 << 0.0;
        QTest::newRow("middle entry") << ramp << 0.0 << 12 << 2.0 << 2048.0 / 4095.0 * 255.0;
        QTest::newRow("last entry") << ramp << 0.0 << 12 << 4.0 << 255.0;
        QTest::newRow("below the table") << ramp << 0.0 << 12 << -50.0 << 0.0;
        QTest::newRow("beyond the table") << ramp << 0.0 << 12 << 99.0 << 255.0;
        QTest::newRow("negative first mapped")
            << ramp << -1024.0 << 12 << -1021.0 << 3072.0 / 4095.0 * 255.0;
        QTest::newRow("input rounds to nearest")
            << ramp << 0.0 << 12 << 1.6 << 2048.0 / 4095.0 * 255.0;
        QTest::newRow("8-bit entries")
            << std::vector<std::uint16_t>{0, 128, 255} << 10.0 << 8 << 11.0 << 128.0;
        QTest::newRow("16-bit entries")
            << std::vector<std::uint16_t>{0, 65535} << 0.0 << 16 << 1.0 << 255.0;
        QTest::newRow("entry above its bits clamps")
            << std::vector<std::uint16_t>{0, 5000} << 0.0 << 12 << 1.0 << 255.0;
    }

    void voiLutValues() {
        QFETCH(std::vector<std::uint16_t>, entries);
        QFETCH(double, first);
        QFETCH(int, bits);
        QFETCH(double, input);
        QFETCH(double, expected);
        QVERIFY(std::fabs(dicom::applyVoiLut(input, lut(entries, first, bits)) - expected) < 1e-9);
    }

    void inversion_data() {
        QTest::addColumn<bool>("monochrome1");
        QTest::addColumn<PresentationShape>("shape");
        QTest::addColumn<bool>("inverted");
        QTest::newRow("MONOCHROME2, no shape") << false << PresentationShape::Unspecified << false;
        QTest::newRow("MONOCHROME1, no shape") << true << PresentationShape::Unspecified << true;
        QTest::newRow("MONOCHROME1, INVERSE (once, not twice)")
            << true << PresentationShape::Inverse << true;
        QTest::newRow("MONOCHROME2, INVERSE") << false << PresentationShape::Inverse << true;
        QTest::newRow("MONOCHROME2, IDENTITY") << false << PresentationShape::Identity << false;
        QTest::newRow("MONOCHROME1, IDENTITY") << true << PresentationShape::Identity << false;
    }

    void inversion() {
        QFETCH(bool, monochrome1);
        QFETCH(PresentationShape, shape);
        QFETCH(bool, inverted);
        auto image = grey({0.f, 100.f});
        image.monochrome1 = monochrome1;
        QCOMPARE(dicom::showsInverted(image, shape), inverted);
        dicom::DisplayParams params;
        params.presentation = shape;
        QCOMPARE(int(dicom::renderForDisplay(image, params).pixels[0]), inverted ? 255 : 0);
        params.invert = true;  // the user's inversion goes on top
        QCOMPARE(int(dicom::renderForDisplay(image, params).pixels[0]), inverted ? 0 : 255);
    }

    void defaultDisplayRule() {
        dicom::InstanceInfo instance;
        auto image = grey({-3024.f, -1000.f, 0.f, 1000.f});
        image.padding = std::make_pair(-3024.f, -3024.f);
        dicom::DisplayParams params = dicom::defaultDisplay(instance, image);
        QVERIFY(params.window && !params.voiLut);
        QCOMPARE(params.window->center, 0.0);  // min/max without the padding: -1000 .. 1000
        QCOMPARE(params.window->width, 2000.0);
        instance.voiLuts = {lut({0, 4095}, 0, 12, "FIRST"), lut({4095, 0}, 0, 12, "SECOND")};
        instance.presentationShape = PresentationShape::Inverse;
        params = dicom::defaultDisplay(instance, image);
        QVERIFY(!params.window && params.voiLut);
        QCOMPARE(params.voiLut->explanation, std::string("FIRST"));
        QCOMPARE(params.presentation, PresentationShape::Inverse);
        instance.windows = {{40, 400, dicom::VoiFunction::Linear, "ABDOMEN"}};
        params = dicom::defaultDisplay(instance, image);
        QVERIFY(params.window && !params.voiLut);
        QCOMPARE(params.window->explanation, std::string("ABDOMEN"));
    }

    void paddingLeftOutOfMinMax() {
        auto image = grey({-2000.f, -2000.f, 10.f, 50.f, 90.f});
        QCOMPARE(dicom::valueRange(image).first, -2000.f);
        QCOMPARE(dicom::displayRange(image).first, -2000.f);
        image.padding = std::make_pair(-2100.f, -1900.f);
        QCOMPARE(dicom::valueRange(image).first, -2000.f);  // the data's own range is unchanged
        QCOMPARE(dicom::displayRange(image), std::make_pair(10.f, 90.f));
        const auto out = dicom::renderForDisplay(image, {});
        QCOMPARE(int(out.pixels[2]), 0);
        QCOMPARE(int(out.pixels[4]), 255);
        QCOMPARE(int(out.pixels[0]), 0);                  // padding renders below the range
        image.padding = std::make_pair(-5000.f, 5000.f);  // everything padding: the full range
        QCOMPARE(dicom::displayRange(image), std::make_pair(-2000.f, 90.f));
    }

    void fromFile() {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("voi-lut.dcm")).toStdString();
        writeLutFile(path);
        const auto c = dicom::scanPaths({path});
        QCOMPARE(c.instanceCount(), std::size_t(1));
        const auto& instance = c.patients[0].studies[0].series[0].instances[0];
        QCOMPARE(instance.voiLuts.size(), std::size_t(2));
        QCOMPARE(instance.voiLuts[0].firstMapped, -100.0);
        QCOMPARE(instance.voiLuts[0].bits, 12);
        QCOMPARE(instance.voiLuts[1].explanation, std::string("REVERSED"));
        QCOMPARE(instance.presentationShape, PresentationShape::Inverse);
        const auto image = dicom::decodeFrame(instance);
        QVERIFY2(image.ok(), image.error().message.c_str());
        QVERIFY(image->padding.has_value());
        QCOMPARE(image->padding->first, -3024.f);
        QCOMPARE(image->padding->second, -3024.f);
        // HU -3024 (padding), -124, -24, 0, 76, 476 through the first LUT, then inverted.
        const auto out = dicom::renderForDisplay(*image, dicom::defaultDisplay(instance, *image));
        const double hu[] = {-3024, -124, -24, 0, 76, 476};
        for (int i = 0; i < 6; ++i) {
            const double entry = std::clamp(hu[i] + 100, 0.0, 200.0) * 20;
            QCOMPARE(int(out.pixels[std::size_t(i)]),
                     255 - int(std::lround(entry / 4095.0 * 255.0)));
        }
    }
};

QTEST_APPLESS_MAIN(DisplayLutTest)
#include "test_display_lut.moc"
