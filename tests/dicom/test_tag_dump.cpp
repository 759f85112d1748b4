// The metadata panel's tag tree (sequences with items, truncated text, summarised binary and
// pixel data, private attributes, the meta header) and the geometry read from headers: pixel
// spacing with its source (PS3.3 10.7.1), enhanced functional groups, orientation labels.

#include <cmath>
#include <fstream>
#include <functional>

#include <dcmtk/dcmdata/dcdeftag.h>

#include <QTemporaryDir>
#include <QtTest>

#include "dicom/geometry.h"
#include "dicom/loader.h"
#include "dicom/tag_dump.h"
#include "synthetic_dicom.h"

namespace {

using Edit = std::function<void(DcmDataset&)>;

std::string writeFile(const QTemporaryDir& dir, const Edit& edit, int size = 4) {
    synthetic::PixelSpec spec;
    spec.rows = spec.columns = size;
    DcmFileFormat file;
    DcmDataset& ds = *file.getDataset();
    synthetic::putIdentity(ds, synthetic::Identity{});
    synthetic::putPixels(ds, spec, synthetic::packSamples(spec, synthetic::patternSamples(spec)));
    edit(ds);
    const std::string path = dir.filePath(QStringLiteral("tags.dcm")).toStdString();
    return synthetic::save(file, path, EXS_LittleEndianExplicit) ? path : std::string();
}

const dicom::TagNode* node(const std::vector<dicom::TagNode>& nodes, std::uint16_t g, std::uint16_t e) {
    for (const auto& n : nodes)
        if (n.group == g && n.element == e) return &n;
    return nullptr;
}

dicom::InstanceInfo scanOne(const std::string& path) {
    const auto c = dicom::scanPaths({path});
    return c.instanceCount() == 1 ? c.patients[0].studies[0].series[0].instances[0] : dicom::InstanceInfo{};
}

void addItem(DcmDataset& ds, const DcmTagKey& sequence, const std::function<void(DcmItem&)>& fill) {
    DcmItem* item = nullptr;
    if (ds.findOrCreateSequenceItem(sequence, item, -2).good() && item) fill(*item);
}

}  // namespace

Q_DECLARE_METATYPE(Edit)

class TagDumpTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void treeWithSequencesAndSummaries() {
        QTemporaryDir dir;
        const std::string longText(1000, 'x');
        const auto path = writeFile(dir, [&](DcmDataset& ds) {
            ds.putAndInsertString(DCM_ImageComments, longText.c_str());
            ds.putAndInsertString(DCM_ImageType, "ORIGINAL\\PRIMARY\\AXIAL");
            for (int k = 0; k < 2; ++k)
                addItem(ds, DCM_ReferencedImageSequence, [&](DcmItem& item) {
                    item.putAndInsertString(DCM_ReferencedSOPClassUID, "1.2.840.10008.5.1.4.1.1.2");
                    item.putAndInsertString(DCM_ReferencedSOPInstanceUID, synthetic::uid("5." + std::to_string(k)).c_str());
                });
            ds.putAndInsertString(DcmTag(0x0029, 0x0010, EVR_LO), "SYNTHETIC PRIVATE");
            ds.putAndInsertString(DcmTag(0x0029, 0x1001, EVR_LO), "private value");
            std::vector<Uint16> lut(40, 7);
            ds.putAndInsertUint16Array(DCM_RedPaletteColorLookupTableData, lut.data(), lut.size());
            std::vector<Float32> points(40, 1.5f);
            ds.putAndInsertFloat32Array(DCM_GraphicData, points.data(), points.size());
        }, 64);
        const auto dump = dicom::dumpTags(path);
        QVERIFY(dump.ok());
        QVERIFY(!dump->fileMeta.empty());
        QCOMPARE(dump->fileMeta.front().group, std::uint16_t(0x0002));
        const auto* name = node(dump->dataset, 0x0010, 0x0010);
        QVERIFY(name);
        QCOMPARE(name->keyword, std::string("PatientName"));
        QCOMPARE(name->vr, std::string("PN"));
        QCOMPARE(name->value, std::string("SYNTHETIC^TEST"));
        QCOMPARE(name->tagText(), std::string("(0010,0010)"));
        QCOMPARE(node(dump->dataset, 0x0008, 0x0008)->value, std::string("ORIGINAL\\PRIMARY\\AXIAL"));
        const auto* comments = node(dump->dataset, 0x0020, 0x4000);
        QVERIFY(comments->truncated);
        QVERIFY(comments->value.size() < 300);
        QCOMPARE(comments->length, std::uint64_t(1000));
        const auto* sequence = node(dump->dataset, 0x0008, 0x1140);
        QCOMPARE(sequence->vr, std::string("SQ"));
        QCOMPARE(sequence->value, std::string("2 items"));
        QCOMPARE(sequence->children.size(), std::size_t(2));
        QCOMPARE(sequence->children[1].keyword, std::string("Item"));
        QCOMPARE(node(sequence->children[1].children, 0x0008, 0x1155)->value, synthetic::uid("5.1"));
        QCOMPARE(node(dump->dataset, 0x0028, 0x1201)->value, std::string("(binary, 80 bytes)"));
        const auto* points = node(dump->dataset, 0x0070, 0x0022);
        QVERIFY(points->truncated);
        QVERIFY(points->value.rfind("1.5\\1.5\\", 0) == 0);
        QVERIFY(points->value.find("(40 values)") != std::string::npos);
        QCOMPARE(node(dump->dataset, 0x0029, 0x1001)->value, std::string("private value"));
        const auto* pixels = node(dump->dataset, 0x7FE0, 0x0010);
        QCOMPARE(pixels->value, std::string("(pixel data, 8192 bytes)"));
    }

    void nodeLimitCutsTheTree() {
        QTemporaryDir dir;
        const auto path = writeFile(dir, [](DcmDataset&) {});
        dicom::TagDumpOptions options;
        options.maxNodes = 5;
        const auto dump = dicom::dumpTags(path, options);
        QVERIFY(dump.ok());
        QVERIFY(dump->limited);
        QCOMPARE(dump->fileMeta.size() + dump->dataset.size(), std::size_t(5));
    }

    void notDicomIsAnError() {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("x.txt")).toStdString();
        std::ofstream(path) << "plain text, long enough to not be mistaken for anything";
        const auto dump = dicom::dumpTags(path);
        QVERIFY(!dump.ok());
        QCOMPARE(dump.error().code, dicom::ErrorCode::NotDicom);
    }

    void spacingSource_data() {
        QTest::addColumn<Edit>("edit");
        QTest::addColumn<int>("source");
        QTest::addColumn<double>("row");
        QTest::addColumn<QString>("words");
        QTest::newRow("Pixel Spacing alone (cross-sectional)")
            << Edit([](DcmDataset& ds) { ds.putAndInsertString(DCM_PixelSpacing, "0.7\\0.8"); })
            << int(dicom::SpacingSource::PixelSpacing) << 0.7 << QStringLiteral("0.7 x 0.8 mm, Pixel Spacing");
        QTest::newRow("Imager Pixel Spacing alone: at the detector")
            << Edit([](DcmDataset& ds) { ds.putAndInsertString(DCM_ImagerPixelSpacing, "0.143\\0.143"); })
            << int(dicom::SpacingSource::ImagerPixelSpacing) << 0.143 << QStringLiteral("at the detector, not calibrated");
        QTest::newRow("Pixel Spacing equal to Imager: still at the detector")
            << Edit([](DcmDataset& ds) {
                   ds.putAndInsertString(DCM_PixelSpacing, "0.15\\0.15");
                   ds.putAndInsertString(DCM_ImagerPixelSpacing, "0.15\\0.15");
               })
            << int(dicom::SpacingSource::ImagerPixelSpacing) << 0.15 << QStringLiteral("at the detector");
        QTest::newRow("Pixel Spacing differing from Imager: corrected by the modality")
            << Edit([](DcmDataset& ds) {
                   ds.putAndInsertString(DCM_PixelSpacing, "0.125\\0.125");
                   ds.putAndInsertString(DCM_ImagerPixelSpacing, "0.15\\0.15");
               })
            << int(dicom::SpacingSource::PixelSpacing) << 0.125 << QStringLiteral("Pixel Spacing");
        QTest::newRow("calibration type")
            << Edit([](DcmDataset& ds) {
                   ds.putAndInsertString(DCM_PixelSpacing, "0.1\\0.1");
                   ds.putAndInsertString(DCM_ImagerPixelSpacing, "0.15\\0.15");
                   ds.putAndInsertString(DCM_PixelSpacingCalibrationType, "FIDUCIAL");
                   ds.putAndInsertString(DCM_PixelSpacingCalibrationDescription, "25 mm ball");
               })
            << int(dicom::SpacingSource::Calibrated) << 0.1 << QStringLiteral("calibrated Pixel Spacing (FIDUCIAL): 25 mm ball");
        QTest::newRow("ERMF gives an estimate beside the detector spacing")
            << Edit([](DcmDataset& ds) {
                   ds.putAndInsertString(DCM_ImagerPixelSpacing, "0.15\\0.15");
                   ds.putAndInsertString(DCM_EstimatedRadiographicMagnificationFactor, "1.2");
               })
            << int(dicom::SpacingSource::ImagerPixelSpacing) << 0.15
            << QStringLiteral("about 0.125 x 0.125 mm in the patient by the Estimated Radiographic Magnification Factor 1.2");
        QTest::newRow("Nominal Scanned Pixel Spacing (secondary capture)")
            << Edit([](DcmDataset& ds) { ds.putAndInsertString(DCM_NominalScannedPixelSpacing, "0.2\\0.2"); })
            << int(dicom::SpacingSource::NominalScannedPixelSpacing) << 0.2 << QStringLiteral("of the scanned film");
        QTest::newRow("enhanced: Pixel Measures in the shared functional groups")
            << Edit([](DcmDataset& ds) {
                   addItem(ds, DCM_SharedFunctionalGroupsSequence, [](DcmItem& shared) {
                       DcmItem* measures = nullptr;
                       shared.findOrCreateSequenceItem(DCM_PixelMeasuresSequence, measures, -2);
                       measures->putAndInsertString(DCM_PixelSpacing, "0.45\\0.45");
                   });
               })
            << int(dicom::SpacingSource::PixelSpacing) << 0.45 << QStringLiteral("Pixel Spacing");
        QTest::newRow("none") << Edit([](DcmDataset&) {}) << int(dicom::SpacingSource::None) << 0.0
                              << QStringLiteral("no pixel spacing");
    }

    void spacingSource() {
        QFETCH(Edit, edit);
        QFETCH(int, source);
        QFETCH(double, row);
        QFETCH(QString, words);
        QTemporaryDir dir;
        const auto instance = scanOne(writeFile(dir, edit));
        QCOMPARE(int(instance.spacing.source), source);
        QVERIFY(std::fabs(instance.spacing.row - row) < 1e-9);
        const std::string text = dicom::describeSpacing(instance.spacing);
        QVERIFY2(text.find(words.toStdString()) != std::string::npos, text.c_str());
    }

    void edgeLabels_data() {
        QTest::addColumn<Edit>("edit");
        QTest::addColumn<QString>("labels");  // left right top bottom
        QTest::newRow("axial") << Edit([](DcmDataset& ds) { ds.putAndInsertString(DCM_ImageOrientationPatient, "1\\0\\0\\0\\1\\0"); })
                               << QStringLiteral("R L A P");
        QTest::newRow("coronal") << Edit([](DcmDataset& ds) { ds.putAndInsertString(DCM_ImageOrientationPatient, "1\\0\\0\\0\\0\\-1"); })
                                 << QStringLiteral("R L H F");
        QTest::newRow("sagittal") << Edit([](DcmDataset& ds) { ds.putAndInsertString(DCM_ImageOrientationPatient, "0\\1\\0\\0\\0\\-1"); })
                                  << QStringLiteral("A P H F");
        QTest::newRow("oblique 30 degrees") << Edit([](DcmDataset& ds) {
            ds.putAndInsertString(DCM_ImageOrientationPatient, "0.866025\\0.5\\0\\0\\0\\-1");
        }) << QStringLiteral("RA LP H F");
        QTest::newRow("enhanced: plane orientation in shared groups") << Edit([](DcmDataset& ds) {
            addItem(ds, DCM_SharedFunctionalGroupsSequence, [](DcmItem& shared) {
                DcmItem* plane = nullptr;
                shared.findOrCreateSequenceItem(DCM_PlaneOrientationSequence, plane, -2);
                plane->putAndInsertString(DCM_ImageOrientationPatient, "1\\0\\0\\0\\1\\0");
            });
        }) << QStringLiteral("R L A P");
        QTest::newRow("projection: Patient Orientation A\\F") << Edit([](DcmDataset& ds) {
            ds.putAndInsertString(DCM_PatientOrientation, "A\\F");
        }) << QStringLiteral("P A H F");
    }

    void edgeLabels() {
        QFETCH(Edit, edit);
        QFETCH(QString, labels);
        QTemporaryDir dir;
        const auto l = dicom::edgeLabels(scanOne(writeFile(dir, edit)));
        QVERIFY(l.has_value());
        QCOMPARE(QString::fromStdString(l->left + " " + l->right + " " + l->top + " " + l->bottom), labels);
    }
};

QTEST_APPLESS_MAIN(TagDumpTest)
#include "test_tag_dump.moc"
