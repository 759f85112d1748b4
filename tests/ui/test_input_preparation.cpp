// The worker side of "what the model sees", on synthetic frames: MR is normalised with the
// acquisition's min/max when given (else the frame's own), CT takes the three windows, a region
// is cropped before the centred black padding, and the provenance names the crop.
#include <QtTest>

#include "ui/assistant/input_preparation.h"

using namespace ui;

namespace {

dicom::Image greyFrame(int width, int height, std::vector<float> values) {
    dicom::Image image;
    image.width = width;
    image.height = height;
    image.format = dicom::PixelFormat::Grey32F;
    image.grey = std::move(values);
    return image;
}

InputJob job(const char* modality) {
    InputJob j;
    j.modality = modality;
    j.source.instance.sopInstanceUid = "1.2.3";
    j.label = QStringLiteral("test");
    return j;
}

}  // namespace

class TestInputPreparation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void mrUsesTheAcquisitionRange();
    void ctTakesThreeWindows();
    void regionIsCroppedThenPadded();
};

void TestInputPreparation::mrUsesTheAcquisitionRange() {
    const dicom::Image frame = greyFrame(2, 1, {250.f, 750.f});
    const ValueRange acquisition{0.f, 1000.f};
    const DraftImage withRange = prepareOne(frame, job("MR"), &acquisition);
    QCOMPARE(withRange.rgb.size(), QSize(2, 2));                      // padded to a square
    QCOMPARE(withRange.rgb.pixelColor(0, 0), QColor(64, 64, 64));     // round(63.75)
    QCOMPARE(withRange.rgb.pixelColor(1, 0), QColor(191, 191, 191));  // round(191.25)
    QCOMPARE(withRange.rgb.pixelColor(0, 1), QColor(Qt::black));      // padding below
    QVERIFY(withRange.recipe.startsWith(QStringLiteral("mr-volume-minmax")));
    const DraftImage alone = prepareOne(frame, job("MR"), nullptr);
    QCOMPARE(alone.rgb.pixelColor(0, 0), QColor(0, 0, 0));
    QCOMPARE(alone.rgb.pixelColor(1, 0), QColor(255, 255, 255));
}

void TestInputPreparation::ctTakesThreeWindows() {
    const dicom::Image frame = greyFrame(2, 2, {-1000.f, 40.f, 60.f, 1000.f});
    const DraftImage image = prepareOne(frame, job("CT"), nullptr);
    QCOMPARE(image.rgb.pixelColor(0, 1), QColor(135, 142, 191));  // liver, 60 HU
    QCOMPARE(image.rgb.pixelColor(1, 0),
             QColor(132, 128, 128));  // soft tissue, 40 HU: 127.5 rounds to even
    QCOMPARE(image.rgb.pixelColor(0, 0), QColor(3, 0, 0));        // air
    QCOMPARE(image.rgb.pixelColor(1, 1), QColor(252, 255, 255));  // cortical bone
}

void TestInputPreparation::regionIsCroppedThenPadded() {
    std::vector<float> values(8 * 4);
    for (int i = 0; i < int(values.size()); ++i) {
        values[std::size_t(i)] = float(i);
    }
    const dicom::Image frame = greyFrame(8, 4, values);
    InputJob j = job("CR");
    j.source.instance.bitsStored = 12;  // no window in the file: min/max stretched
    j.region = QRect(2, 1, 4, 1);       // one row of four pixels
    const DraftImage image = prepareOne(frame, j, nullptr);
    QCOMPARE(image.rgb.size(), QSize(4, 4));
    // d = 3 rows of padding: 1 above, 2 below (the reference server's split).
    QCOMPARE(image.rgb.pixelColor(0, 0), QColor(Qt::black));
    QCOMPARE(image.rgb.pixelColor(0, 2), QColor(Qt::black));
    // The crop keeps the frame's own stretch (min/max of the whole frame): value 10 -> 82.
    QCOMPARE(image.rgb.pixelColor(0, 1), QColor(82, 82, 82));
    QVERIFY(image.recipe.contains(QStringLiteral("cropped to x 2, y 1, 4 x 1 px before padding")));
    dicom::Image8 rgb{3, 2, 3, std::vector<std::uint8_t>(18)};
    for (std::size_t i = 0; i < rgb.pixels.size(); ++i) {
        rgb.pixels[i] = std::uint8_t(i);
    }
    const dicom::Image8 crop = cropImage(rgb, QRect(1, 1, 5, 5));  // clipped to the image
    QCOMPARE(crop.width, 2);
    QCOMPARE(crop.height, 1);
    QCOMPARE(int(crop.pixels[0]), 12);
}

QTEST_APPLESS_MAIN(TestInputPreparation)
#include "test_input_preparation.moc"
