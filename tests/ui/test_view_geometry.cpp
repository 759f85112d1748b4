// ViewGeometry: fit, zoom about an anchor, pan, rotation and flips map image points correctly.
#include <QtTest>

#include "ui/viewer/view_geometry.h"

using ui::ViewGeometry;

class TestViewGeometry : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fitCentresAndScales_data();
    void fitCentresAndScales();
    void zoomKeepsAnchorStill();
    void panMovesImage();
    void rotationSwapsFittedExtent();
    void flipMirrorsAboutCentre();
    void nonSquarePixelsStretchVertically();
    void resetRestoresFit();
    void roundTripMapping();
};

void TestViewGeometry::fitCentresAndScales_data() {
    QTest::addColumn<QSizeF>("image");
    QTest::addColumn<QSizeF>("viewport");
    QTest::addColumn<double>("zoom");
    QTest::newRow("wide viewport") << QSizeF(512, 512) << QSizeF(1024, 512) << 1.0;
    QTest::newRow("tall viewport") << QSizeF(256, 128) << QSizeF(512, 1000) << 2.0;
    QTest::newRow("shrink") << QSizeF(3000, 2000) << QSizeF(600, 600) << 0.2;
}

void TestViewGeometry::fitCentresAndScales() {
    QFETCH(QSizeF, image);
    QFETCH(QSizeF, viewport);
    QFETCH(double, zoom);
    ViewGeometry g;
    g.setViewportSize(viewport);
    g.setImageSize(image, 1.0);
    QCOMPARE(g.zoom(), zoom);
    const QPointF centre = g.mapToWidget(QPointF(image.width() / 2, image.height() / 2));
    QCOMPARE(centre, QPointF(viewport.width() / 2, viewport.height() / 2));
}

void TestViewGeometry::zoomKeepsAnchorStill() {
    ViewGeometry g;
    g.setViewportSize(QSizeF(800, 600));
    g.setImageSize(QSizeF(400, 300), 1.0);
    const QPointF anchor(600, 150);
    const QPointF imagePoint = g.mapToImage(anchor);
    g.zoomBy(2.5, anchor);
    QVERIFY(!g.isFitted());
    const QPointF after = g.mapToWidget(imagePoint);
    QVERIFY(qAbs(after.x() - anchor.x()) < 1e-6 && qAbs(after.y() - anchor.y()) < 1e-6);
}

void TestViewGeometry::panMovesImage() {
    ViewGeometry g;
    g.setViewportSize(QSizeF(500, 500));
    g.setImageSize(QSizeF(100, 100), 1.0);
    const QPointF before = g.mapToWidget(QPointF(10, 10));
    g.panBy(QPointF(30, -20));
    QCOMPARE(g.mapToWidget(QPointF(10, 10)), before + QPointF(30, -20));
}

void TestViewGeometry::rotationSwapsFittedExtent() {
    ViewGeometry g;
    g.setViewportSize(QSizeF(1000, 500));
    g.setImageSize(QSizeF(1000, 250), 1.0);
    QCOMPARE(g.zoom(), 1.0);
    g.rotateClockwise();
    QCOMPARE(g.rotationDegrees(), 90);
    QCOMPARE(g.zoom(), 0.5);  // 1000 px tall now must fit 500
    // The top-left image corner goes to the top-right after a clockwise quarter turn.
    const QPointF topLeft = g.mapToWidget(QPointF(0, 0));
    const QPointF bottomLeft = g.mapToWidget(QPointF(0, 250));
    QVERIFY(topLeft.x() > bottomLeft.x());
    QVERIFY(qAbs(topLeft.y() - 0) < 1e-6);
}

void TestViewGeometry::flipMirrorsAboutCentre() {
    ViewGeometry g;
    g.setViewportSize(QSizeF(200, 200));
    g.setImageSize(QSizeF(200, 200), 1.0);
    g.flipHorizontal();
    QCOMPARE(g.mapToWidget(QPointF(0, 50)), QPointF(200, 50));
    g.flipVertical();
    QCOMPARE(g.mapToWidget(QPointF(0, 0)), QPointF(200, 200));
}

void TestViewGeometry::nonSquarePixelsStretchVertically() {
    ViewGeometry g;
    g.setViewportSize(QSizeF(1000, 1000));
    g.setImageSize(QSizeF(100, 100), 2.0);  // rows twice as far apart as columns
    const QPointF a = g.mapToWidget(QPointF(0, 0));
    const QPointF b = g.mapToWidget(QPointF(100, 100));
    QCOMPARE((b.y() - a.y()) / (b.x() - a.x()), 2.0);
}

void TestViewGeometry::resetRestoresFit() {
    ViewGeometry g;
    g.setViewportSize(QSizeF(300, 300));
    g.setImageSize(QSizeF(100, 100), 1.0);
    g.zoomBy(4, QPointF(10, 10));
    g.rotateClockwise();
    g.flipHorizontal();
    g.reset();
    QVERIFY(g.isFitted());
    QCOMPARE(g.zoom(), 3.0);
    QCOMPARE(g.rotationDegrees(), 0);
    QVERIFY(!g.flippedHorizontally());
}

void TestViewGeometry::roundTripMapping() {
    ViewGeometry g;
    g.setViewportSize(QSizeF(640, 480));
    g.setImageSize(QSizeF(512, 400), 1.25);
    g.rotateCounterClockwise();
    g.flipVertical();
    g.zoomBy(1.7, QPointF(100, 80));
    g.panBy(QPointF(-12, 33));
    for (const QPointF p : {QPointF(0, 0), QPointF(511, 399), QPointF(123.5, 77.25)}) {
        const QPointF back = g.mapToImage(g.mapToWidget(p));
        QVERIFY(qAbs(back.x() - p.x()) < 1e-6 && qAbs(back.y() - p.y()) < 1e-6);
    }
}

QTEST_APPLESS_MAIN(TestViewGeometry)
#include "test_view_geometry.moc"
