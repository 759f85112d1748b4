// Measurements without widgets: distances and angles in physical units (square and non-square
// pixels), region statistics over modality values, the editing rules (draw, angle's third
// click, move, delete) and the JSON sidecar round trip.
#include <QtTest>

#include <QJsonArray>
#include <QTemporaryDir>

#include <cmath>

#include "ui/measure/annotation.h"
#include "ui/measure/annotation_editor.h"
#include "ui/measure/annotation_store.h"
#include "ui/measure/measurement.h"
#include "ui/measure/measurement_label.h"

using namespace ui;

namespace {

dicom::PixelSpacing spacing(double row, double column,
                            dicom::SpacingSource source = dicom::SpacingSource::PixelSpacing) {
    dicom::PixelSpacing s;
    s.row = row;
    s.column = column;
    s.source = source;
    return s;
}

// A 20 x 10 grey image: value = column (0..19) in every row.
dicom::Image ramp() {
    dicom::Image image;
    image.width = 20;
    image.height = 10;
    for (int y = 0; y < image.height; ++y) {
        for (int x = 0; x < image.width; ++x) {
            image.grey.push_back(float(x));
        }
    }
    return image;
}

}  // namespace

class TestMeasurement : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void distanceUsesRowAndColumnSpacing_data();
    void distanceUsesRowAndColumnSpacing();
    void angleOfKnownGeometry_data();
    void angleOfKnownGeometry();
    void rectangleStatisticsOverModalityValues();
    void ellipseStatisticsAndArea();
    void colourFrameHasAreaOnly();
    void labelsNameTheSpacingSource();
    void editorDrawsLengthAndDropsClicks();
    void editorAngleTakesThirdClick();
    void editorMovesPointAndWholeAndDeletes();
    void annotationJsonRoundTrip();
    void storeSavesAndReloads();
    void storeIgnoresMalformedFile();
};

void TestMeasurement::distanceUsesRowAndColumnSpacing_data() {
    QTest::addColumn<QPointF>("a");
    QTest::addColumn<QPointF>("b");
    QTest::addColumn<double>("rowSpacing");
    QTest::addColumn<double>("columnSpacing");
    QTest::addColumn<double>("expected");
    QTest::newRow("horizontal, 0.8 mm")
        << QPointF(64.5, 140.5) << QPointF(89.5, 140.5) << 0.8 << 0.8 << 20.0;
    QTest::newRow("3-4-5 triangle") << QPointF(0, 0) << QPointF(3, 4) << 1.0 << 1.0 << 5.0;
    QTest::newRow("non-square, vertical") << QPointF(0, 0) << QPointF(0, 10) << 0.5 << 0.25 << 5.0;
    QTest::newRow("non-square, horizontal")
        << QPointF(0, 0) << QPointF(10, 0) << 0.5 << 0.25 << 2.5;
    QTest::newRow("no spacing: pixels") << QPointF(0, 0) << QPointF(6, 8) << 0.0 << 0.0 << 10.0;
}

void TestMeasurement::distanceUsesRowAndColumnSpacing() {
    QFETCH(QPointF, a);
    QFETCH(QPointF, b);
    QFETCH(double, rowSpacing);
    QFETCH(double, columnSpacing);
    QFETCH(double, expected);
    const auto s = rowSpacing > 0 ? spacing(rowSpacing, columnSpacing) : dicom::PixelSpacing{};
    QCOMPARE(distance(a, b, s), expected);
}

void TestMeasurement::angleOfKnownGeometry_data() {
    QTest::addColumn<QPointF>("a");
    QTest::addColumn<QPointF>("vertex");
    QTest::addColumn<QPointF>("c");
    QTest::addColumn<double>("rowSpacing");
    QTest::addColumn<double>("degrees");
    QTest::newRow("right angle") << QPointF(10, 0) << QPointF(0, 0) << QPointF(0, 10) << 1.0
                                 << 90.0;
    QTest::newRow("45 degrees") << QPointF(10, 0) << QPointF(0, 0) << QPointF(10, 10) << 1.0
                                << 45.0;
    QTest::newRow("straight") << QPointF(-5, 0) << QPointF(0, 0) << QPointF(5, 0) << 1.0 << 180.0;
    // Rows twice as far apart as columns: the pixel diagonal is 63.43 degrees from horizontal.
    QTest::newRow("non-square pixels")
        << QPointF(10, 0) << QPointF(0, 0) << QPointF(10, 10) << 2.0 << 63.434948822922;
}

void TestMeasurement::angleOfKnownGeometry() {
    QFETCH(QPointF, a);
    QFETCH(QPointF, vertex);
    QFETCH(QPointF, c);
    QFETCH(double, rowSpacing);
    QFETCH(double, degrees);
    QVERIFY(qAbs(angleDegrees(a, vertex, c, spacing(rowSpacing, 1.0)) - degrees) < 1e-9);
}

void TestMeasurement::rectangleStatisticsOverModalityValues() {
    // Columns 2..5 of rows 1..3: values 2, 3, 4, 5 in each row.
    const RegionStats s =
        regionStats(ramp(), RegionShape::Rectangle, QRectF(2, 1, 4, 3), spacing(0.5, 0.5));
    QCOMPARE(s.pixels, 12);
    QVERIFY(s.hasValues);
    QCOMPARE(s.mean, 3.5);
    QCOMPARE(s.min, 2.0);
    QCOMPARE(s.max, 5.0);
    QVERIFY(qAbs(s.sd - std::sqrt(1.25)) < 1e-12);  // population SD of 2, 3, 4, 5
    QCOMPARE(s.area, 3.0);                          // 4 x 3 pixels of 0.25 mm²
}

void TestMeasurement::ellipseStatisticsAndArea() {
    dicom::Image flat;
    flat.width = flat.height = 100;
    flat.grey.assign(100 * 100, 60.0f);
    const RegionStats s =
        regionStats(flat, RegionShape::Ellipse, QRectF(20, 30, 40, 20), spacing(0.8, 0.8));
    QCOMPARE(s.mean, 60.0);
    QCOMPARE(s.sd, 0.0);
    QCOMPARE(s.min, 60.0);
    QCOMPARE(s.max, 60.0);
    const double expectedArea = M_PI * 20 * 10 * 0.64;
    QVERIFY(qAbs(s.area - expectedArea) < 1e-9);
    // The pixels counted approximate the ellipse's area in pixels.
    QVERIFY(qAbs(s.pixels - M_PI * 20 * 10) < 0.03 * M_PI * 20 * 10);
}

void TestMeasurement::colourFrameHasAreaOnly() {
    dicom::Image rgb;
    rgb.width = rgb.height = 10;
    rgb.format = dicom::PixelFormat::Rgb8;
    rgb.rgb8.assign(300, 128);
    const RegionStats s = regionStats(rgb, RegionShape::Rectangle, QRectF(0, 0, 5, 4), {});
    QVERIFY(!s.hasValues);
    QCOMPARE(s.area, 20.0);
}

void TestMeasurement::labelsNameTheSpacingSource() {
    QLocale::setDefault(QLocale::c());
    QCOMPARE(lengthText(20.0, spacing(0.8, 0.8)), QStringLiteral("20.0 mm"));
    QCOMPARE(lengthText(20.0, spacing(0.4, 0.4, dicom::SpacingSource::ImagerPixelSpacing)),
             QStringLiteral("20.0 mm (at detector)"));
    QCOMPARE(lengthText(25.0, {}), QStringLiteral("25.0 px"));
    Annotation roi;
    roi.kind = AnnotationKind::Rectangle;
    roi.points = {QPointF(2, 1), QPointF(6, 4)};
    MeasureContext context{spacing(0.5, 0.5), QStringLiteral("HU"),
                           std::make_shared<const dicom::Image>(ramp())};
    const QString label = measurementLabel(roi, context);
    QVERIFY2(label.contains(QStringLiteral("Mean 3.5 HU")), qPrintable(label));
    QVERIFY2(label.contains(QStringLiteral("Min 2.0  Max 5.0")), qPrintable(label));
    QVERIFY2(label.contains(QStringLiteral("Area 3.0 mm²")), qPrintable(label));
}

void TestMeasurement::editorDrawsLengthAndDropsClicks() {
    AnnotationEditor editor;
    auto out = editor.press(QPointF(1, 1), 2, MeasureTool::Length);
    QVERIFY(out.consumed);
    editor.move(QPointF(5, 5));
    out = editor.release(QPointF(11, 1), 1.0);
    QVERIFY(out.finished);
    QCOMPARE(out.finished->points, (QList<QPointF>{QPointF(1, 1), QPointF(11, 1)}));
    QCOMPARE(editor.annotations().size(), 1);
    QCOMPARE(editor.selected(), out.finished->id);
    // A click (no drag) far from it draws nothing and deselects.
    out = editor.press(QPointF(50, 50), 2, MeasureTool::Length);
    out = editor.release(QPointF(50.2, 50), 1.0);
    QVERIFY(!out.finished);
    QCOMPARE(editor.annotations().size(), 1);
    QVERIFY(editor.selected().isNull());
    // With the window/level tool an empty press is not the annotations' business.
    QVERIFY(!editor.press(QPointF(50, 50), 2, MeasureTool::WindowLevel).consumed);
}

void TestMeasurement::editorAngleTakesThirdClick() {
    AnnotationEditor editor;
    editor.press(QPointF(10, 0), 1, MeasureTool::Angle);
    auto out = editor.release(QPointF(0, 0), 1.0);
    QVERIFY(!out.finished);
    QVERIFY(editor.wantsHover());
    editor.move(QPointF(0, 7));
    out = editor.press(QPointF(0, 10), 1, MeasureTool::Angle);
    QVERIFY(out.finished);
    QCOMPARE(out.finished->points.size(), 3);
    QCOMPARE(angleDegrees(out.finished->points[0], out.finished->points[1], out.finished->points[2],
                          spacing(1, 1)),
             90.0);
    QVERIFY(!editor.wantsHover());
}

void TestMeasurement::editorMovesPointAndWholeAndDeletes() {
    Annotation a;
    a.id = QUuid::createUuid();
    a.kind = AnnotationKind::Length;
    a.points = {QPointF(0, 0), QPointF(10, 0)};
    AnnotationEditor editor;
    editor.setAnnotations({a});
    // Press on an end point moves that point, even with the window/level tool.
    QVERIFY(editor.press(QPointF(10.5, 0.5), 1, MeasureTool::WindowLevel).consumed);
    editor.move(QPointF(20, 0));
    auto out = editor.release(QPointF(20, 0), 1);
    QVERIFY(out.changed);
    QCOMPARE(out.changed->points[1], QPointF(20, 0));
    // Press on the line moves all of it.
    QVERIFY(editor.press(QPointF(5, 0.5), 1, MeasureTool::Length).consumed);
    editor.move(QPointF(5, 10.5));
    out = editor.release(QPointF(5, 10.5), 1);
    QCOMPARE(out.changed->points, (QList<QPointF>{QPointF(0, 10), QPointF(20, 10)}));
    QCOMPARE(editor.removeSelected(), std::optional<QUuid>(a.id));
    QVERIFY(editor.annotations().isEmpty());
}

void TestMeasurement::annotationJsonRoundTrip() {
    Annotation a;
    a.id = QUuid::createUuid();
    a.kind = AnnotationKind::Text;
    a.points = {QPointF(12.25, 40.5)};
    a.text = QStringLiteral("Cyst? Compare with the prior — 2 cm");
    QCOMPARE(annotationFromJson(toJson(a)), std::optional<Annotation>(a));
    QJsonObject broken = toJson(a);
    broken.insert(QStringLiteral("kind"), QStringLiteral("spline"));
    QVERIFY(!annotationFromJson(broken));
    broken = toJson(a);
    broken.insert(QStringLiteral("points"), QJsonArray{});
    QVERIFY(!annotationFromJson(broken));
}

void TestMeasurement::storeSavesAndReloads() {
    QTemporaryDir dir;
    const ImageKey key{QStringLiteral("1.2.3.4"), QStringLiteral("1.2.3.4.5"), 2};
    Annotation a;
    a.id = QUuid::createUuid();
    a.kind = AnnotationKind::Ellipse;
    a.points = {QPointF(1, 2), QPointF(30, 40)};
    {
        AnnotationStore store(dir.path());
        QSignalSpy changed(&store, &AnnotationStore::changed);
        store.add(key, a);
        QCOMPARE(changed.count(), 1);
        QVERIFY(store.saveNow());
        QVERIFY(QFileInfo::exists(store.fileFor(key.studyUid)));
    }
    AnnotationStore reopened(dir.path());
    QCOMPARE(reopened.annotations(key), QList<Annotation>{a});
    // Another frame of the same instance has its own list.
    QVERIFY(reopened.annotations({key.studyUid, key.sopInstanceUid, 0}).isEmpty());
    reopened.remove(key, a.id);
    reopened.saveNow();
    QVERIFY(AnnotationStore(dir.path()).annotations(key).isEmpty());
}

void TestMeasurement::storeIgnoresMalformedFile() {
    QTemporaryDir dir;
    AnnotationStore store(dir.path());
    QFile file(store.fileFor(QStringLiteral("9.9")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{ not json");
    file.close();
    QSignalSpy failed(&store, &AnnotationStore::loadFailed);
    QVERIFY(store.annotations({QStringLiteral("9.9"), QStringLiteral("9.9.1"), 0}).isEmpty());
    QCOMPARE(failed.count(), 1);
}

QTEST_GUILESS_MAIN(TestMeasurement)
#include "test_measurement.moc"
