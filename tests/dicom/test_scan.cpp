// scanPaths and mergeCollections: grouping into patient -> study -> series, slice order along
// the normal, photographs, files without meta header, DICOMDIR, progress and cancel.

#include <cmath>
#include <fstream>

#include <dcmtk/dcmdata/dcdicdir.h>

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include "dicom/loader.h"
#include "dicom/slice_order.h"
#include "synthetic_dicom.h"

using Orientation = std::array<double, 6>;
using Position = std::array<double, 3>;

namespace {

synthetic::PixelSpec smallGrey() {
    synthetic::PixelSpec s;
    s.rows = 4;
    s.columns = 4;
    return s;
}

std::string writeDicom(const QString& path, const synthetic::Identity& id, bool withMeta = true) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    const auto spec = smallGrey();
    DcmFileFormat file;
    synthetic::putIdentity(*file.getDataset(), id);
    synthetic::putPixels(*file.getDataset(), spec, synthetic::packSamples(spec, synthetic::patternSamples(spec)));
    const auto xfer = withMeta ? EXS_LittleEndianExplicit : EXS_LittleEndianImplicit;
    return synthetic::save(file, path.toStdString(), xfer, withMeta) ? path.toStdString() : std::string();
}

void writeBytes(const QString& path, const std::string& bytes) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    std::ofstream(path.toStdString(), std::ios::binary) << bytes;
}

synthetic::Identity identity(const std::string& patient, const std::string& study, const std::string& series,
                             int instance) {
    synthetic::Identity id;
    id.patientName = patient;
    id.patientId = patient + "-ID";
    id.studyUid = synthetic::uid(study);
    id.seriesUid = synthetic::uid(series);
    id.sopUid = synthetic::uid(series + "." + std::to_string(instance));
    id.instanceNumber = instance;
    return id;
}

dicom::InstanceInfo slice(int instanceNumber, std::optional<Position> position, std::optional<Orientation> orientation,
                          const std::string& path = {}) {
    dicom::InstanceInfo i;
    i.instanceNumber = instanceNumber;
    i.imagePosition = position;
    i.imageOrientation = orientation;
    i.path = path.empty() ? "slice" + std::to_string(instanceNumber) : path;
    return i;
}

std::vector<int> instanceNumbers(const std::vector<dicom::InstanceInfo>& instances) {
    std::vector<int> out;
    for (const auto& i : instances) out.push_back(i.instanceNumber);
    return out;
}

const Orientation kAxial = {1, 0, 0, 0, 1, 0};

}  // namespace

Q_DECLARE_METATYPE(dicom::InstanceInfo)

namespace {

}  // namespace

class ScanTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void groupsPatientsStudiesSeries() {
        QTemporaryDir dir;
        writeDicom(dir.filePath(QStringLiteral("a/s1/x1.dcm")), identity("PHANTOM^A", "10", "10.1", 1));
        writeDicom(dir.filePath(QStringLiteral("a/s1/x2.dcm")), identity("PHANTOM^A", "10", "10.1", 2));
        writeDicom(dir.filePath(QStringLiteral("a/s2/y1.dcm")), identity("PHANTOM^A", "10", "10.2", 1));
        writeDicom(dir.filePath(QStringLiteral("a/t/z1.dcm")), identity("PHANTOM^A", "11", "11.1", 1));
        writeDicom(dir.filePath(QStringLiteral("b/w1.dcm")), identity("PHANTOM^B", "12", "12.1", 1));
        const auto c = dicom::scanPaths({dir.path().toStdString()});
        QVERIFY(c.errors.empty());
        QCOMPARE(c.instanceCount(), std::size_t(5));
        QCOMPARE(c.patients.size(), std::size_t(2));
        QCOMPARE(c.patients[0].name, std::string("PHANTOM^A"));
        QCOMPARE(c.patients[0].studies.size(), std::size_t(2));
        QCOMPARE(c.patients[0].studies[0].series.size(), std::size_t(2));
        QCOMPARE(c.patients[0].studies[0].series[0].instances.size(), std::size_t(2));
        QCOMPARE(c.patients[1].studies[0].studyInstanceUid, synthetic::uid("12"));
    }

    void samePatientIdDifferentNameStaysApart() {
        QTemporaryDir dir;
        auto a = identity("PHANTOM^A", "20", "20.1", 1);
        auto b = identity("PHANTOM^OTHER", "21", "21.1", 1);
        b.patientId = a.patientId;
        writeDicom(dir.filePath(QStringLiteral("a.dcm")), a);
        writeDicom(dir.filePath(QStringLiteral("b.dcm")), b);
        QCOMPARE(dicom::scanPaths({dir.path().toStdString()}).patients.size(), std::size_t(2));
    }

    void sliceOrder_data() {
        QTest::addColumn<std::vector<dicom::InstanceInfo>>("instances");
        QTest::addColumn<std::vector<int>>("expected");  // instance numbers in the sorted order
        QTest::newRow("axial, instance numbers run head to feet")
            << std::vector<dicom::InstanceInfo>{slice(1, Position{0, 0, 10}, kAxial), slice(2, Position{0, 0, 5}, kAxial),
                                                slice(3, Position{0, 0, 0}, kAxial), slice(4, Position{0, 0, -5}, kAxial)}
            << std::vector<int>{4, 3, 2, 1};
        // Rotated 30 degrees about x: normal (0, -sin, cos); positions step 3 mm along it
        // while sliding in-plane, which must not matter.
        const double s = 0.5, co = std::sqrt(3.0) / 2;
        const Orientation oblique = {1, 0, 0, 0, co, s};
        auto along = [&](double t, double slide) { return Position{slide, -s * t + co * slide, co * t + s * slide}; };
        QTest::newRow("oblique, shuffled")
            << std::vector<dicom::InstanceInfo>{slice(7, along(6, 2), oblique), slice(5, along(0, -4), oblique),
                                                slice(9, along(-3, 1), oblique), slice(6, along(3, 0), oblique)}
            << std::vector<int>{9, 5, 6, 7};
        const Orientation sagittal = {0, 1, 0, 0, 0, -1};  // normal -x
        QTest::newRow("sagittal")
            << std::vector<dicom::InstanceInfo>{slice(1, Position{-10, 0, 0}, sagittal), slice(2, Position{10, 0, 0}, sagittal),
                                                slice(3, Position{0, 0, 0}, sagittal)}
            << std::vector<int>{2, 3, 1};
        QTest::newRow("same position: instance number decides")
            << std::vector<dicom::InstanceInfo>{slice(3, Position{0, 0, 5}, kAxial), slice(2, Position{0, 0, 5.00000001}, kAxial),
                                                slice(1, Position{0, 0, 0}, kAxial)}
            << std::vector<int>{1, 2, 3};
        QTest::newRow("one slice without position: instance numbers for all")
            << std::vector<dicom::InstanceInfo>{slice(2, Position{0, 0, -5}, kAxial), slice(3, std::nullopt, kAxial),
                                                slice(1, Position{0, 0, 5}, kAxial)}
            << std::vector<int>{1, 2, 3};
        QTest::newRow("no orientation: instance number, then path")
            << std::vector<dicom::InstanceInfo>{slice(2, Position{0, 0, -5}, std::nullopt, "b"),
                                                slice(1, Position{0, 0, 5}, std::nullopt, "z"),
                                                slice(2, Position{0, 0, 9}, std::nullopt, "a")}
            << std::vector<int>{1, 2, 2};
    }

    void sliceOrder() {
        QFETCH(std::vector<dicom::InstanceInfo>, instances);
        QFETCH(std::vector<int>, expected);
        dicom::sortSeriesInstances(instances);
        QCOMPARE(instanceNumbers(instances), expected);
    }

    void scanSortsSeriesAlongNormal() {
        QTemporaryDir dir;
        const double z[] = {7.5, -2.5, 2.5, -7.5};
        for (int k = 0; k < 4; ++k) {
            auto id = identity("PHANTOM^CT", "30", "30.1", k + 1);
            id.position = Position{-100, -100, z[k]};
            id.orientation = kAxial;
            writeDicom(dir.filePath(QStringLiteral("slice%1.dcm").arg(k)), id);
        }
        const auto c = dicom::scanPaths({dir.path().toStdString()});
        const auto& instances = c.patients.at(0).studies.at(0).series.at(0).instances;
        QCOMPARE(instanceNumbers(instances), (std::vector<int>{4, 2, 3, 1}));
        QCOMPARE((*instances[0].imagePosition)[2], -7.5);
    }

    void photographsGroupPerFolder() {
        QTemporaryDir dir;
        const std::string png = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x28\0\0\0\x1e\x08\x02", 26);
        writeBytes(dir.filePath(QStringLiteral("left/b.png")), png);
        writeBytes(dir.filePath(QStringLiteral("left/a.png")), png);
        writeBytes(dir.filePath(QStringLiteral("right/c.png")), png);
        writeDicom(dir.filePath(QStringLiteral("ct.dcm")), identity("PHANTOM^A", "40", "40.1", 1));
        const auto c = dicom::scanPaths({dir.path().toStdString()});
        QVERIFY(c.errors.empty());
        QCOMPARE(c.patients.size(), std::size_t(2));
        const bool photosFirst = c.patients[0].kind == dicom::SourceKind::Photograph;
        const auto& photos = photosFirst ? c.patients[0] : c.patients[1];
        QCOMPARE(photos.kind, dicom::SourceKind::Photograph);
        QVERIFY(photos.name.empty() && photos.patientId.empty());
        QCOMPARE((photosFirst ? c.patients[1] : c.patients[0]).kind, dicom::SourceKind::Dicom);
        QCOMPARE(photos.studies.size(), std::size_t(2));
        const auto& series = photos.studies[0].series.at(0);
        QCOMPARE(series.modality, std::string("XC"));
        QCOMPARE(series.instances.size(), std::size_t(2));
        QVERIFY(series.instances[0].path < series.instances[1].path);
        const auto& first = series.instances[0];
        QCOMPARE(first.kind, dicom::SourceKind::Photograph);
        QCOMPARE(first.columns, 40);
        QCOMPARE(first.rows, 30);
        QVERIFY(first.transferSyntax.empty());
        QVERIFY(photos.studies[0].studyInstanceUid.find("left") != std::string::npos);
    }

    void datasetWithoutMetaHeader() {
        QTemporaryDir dir;
        const auto path = writeDicom(dir.filePath(QStringLiteral("bare")), identity("PHANTOM^A", "50", "50.1", 1), false);
        std::ifstream in(path, std::ios::binary);
        char head[132] = {};
        in.read(head, sizeof head);
        QVERIFY(std::string(head + 128, 4) != "DICM");
        const auto c = dicom::scanPaths({path});
        QVERIFY(c.errors.empty());
        QCOMPARE(c.instanceCount(), std::size_t(1));
        QVERIFY(dicom::decodeFrame(c.patients[0].studies[0].series[0].instances[0]).ok());
    }

    // An index without records: in a folder the walk still finds the files; named alone it is
    // reported, since it leads to nothing.
    void emptyDicomdirInFolderIgnoredNamedReported() {
        QTemporaryDir dir;
        writeDicom(dir.filePath(QStringLiteral("IMG001")), identity("PHANTOM^A", "60", "60.1", 1));
        const std::string dicomdir = dir.filePath(QStringLiteral("DICOMDIR")).toStdString();
        DcmDicomDir index(dicomdir.c_str(), "SAMPLE");
        QVERIFY(index.write().good());
        auto c = dicom::scanPaths({dir.path().toStdString()});
        QVERIFY(c.errors.empty());
        QCOMPARE(c.instanceCount(), std::size_t(1));
        c = dicom::scanPaths({dicomdir});
        QCOMPARE(c.errors.size(), std::size_t(1));
        QVERIFY(c.errors[0].message.find("DICOMDIR") != std::string::npos);
    }

    void hiddenFilesSkippedOtherFilesReported() {
        QTemporaryDir dir;
        writeDicom(dir.filePath(QStringLiteral("img.dcm")), identity("PHANTOM^A", "70", "70.1", 1));
        writeBytes(dir.filePath(QStringLiteral(".DS_Store")), "Bud1 not an image");
        writeBytes(dir.filePath(QStringLiteral("._img.dcm")), "resource fork");
        writeBytes(dir.filePath(QStringLiteral("notes.txt")), "free text");
        const auto c = dicom::scanPaths({dir.path().toStdString(), dir.filePath(QStringLiteral("missing.dcm")).toStdString()});
        QCOMPARE(c.instanceCount(), std::size_t(1));
        QCOMPARE(c.errors.size(), std::size_t(2));
        QVERIFY(c.errors[0].path.find("missing.dcm") != std::string::npos);
        QCOMPARE(c.errors[0].code, dicom::ErrorCode::FileNotFound);
        QVERIFY(c.errors[1].path.find("notes.txt") != std::string::npos);
        QCOMPARE(c.errors[1].code, dicom::ErrorCode::NotDicom);
    }

    void progressAndCancel() {
        QTemporaryDir dir;
        for (int i = 0; i < 20; ++i)
            writeDicom(dir.filePath(QStringLiteral("f%1.dcm").arg(i, 2, 10, QLatin1Char('0'))),
                       identity("PHANTOM^A", "80", "80.1", i + 1));
        std::vector<dicom::ScanProgress> reports;
        auto c = dicom::scanPaths({dir.path().toStdString()}, [&](const dicom::ScanProgress& p) { reports.push_back(p); });
        QVERIFY(!c.cancelled);
        QCOMPARE(c.instanceCount(), std::size_t(20));
        QCOMPARE(reports.back().filesDone, std::size_t(20));
        QCOMPARE(reports.back().filesTotal, std::size_t(20));
        for (std::size_t i = 1; i < reports.size(); ++i) QVERIFY(reports[i].filesDone >= reports[i - 1].filesDone);

        std::atomic<bool> cancel{false};
        c = dicom::scanPaths({dir.path().toStdString()},
                             [&](const dicom::ScanProgress& p) { if (p.filesDone == 5) cancel = true; }, &cancel);
        QVERIFY(c.cancelled);
        QCOMPARE(c.instanceCount(), std::size_t(5));
    }

    void mergeAddsAndDeduplicates() {
        QTemporaryDir dir;
        for (int k = 0; k < 3; ++k) {
            auto id = identity("PHANTOM^A", "90", "90.1", k + 1);
            id.position = Position{0, 0, double(-k)};
            id.orientation = kAxial;
            writeDicom(dir.filePath(QStringLiteral("one/%1.dcm").arg(k)), id);
        }
        auto extra = identity("PHANTOM^A", "90", "90.1", 9);
        extra.position = Position{0, 0, -0.5};
        extra.orientation = kAxial;
        writeDicom(dir.filePath(QStringLiteral("two/extra.dcm")), extra);
        writeBytes(dir.filePath(QStringLiteral("two/bad.dcm")), "not dicom");

        auto into = dicom::scanPaths({dir.filePath(QStringLiteral("one")).toStdString()});
        dicom::mergeCollections(into, dicom::scanPaths({dir.filePath(QStringLiteral("one")).toStdString()}));
        QCOMPARE(into.instanceCount(), std::size_t(3));
        dicom::mergeCollections(into, dicom::scanPaths({dir.filePath(QStringLiteral("two")).toStdString()}));
        QCOMPARE(into.instanceCount(), std::size_t(4));
        QCOMPARE(into.errors.size(), std::size_t(1));
        QCOMPARE(into.patients.size(), std::size_t(1));
        QCOMPARE(instanceNumbers(into.patients[0].studies[0].series[0].instances), (std::vector<int>{3, 2, 9, 1}));
    }
};


QTEST_APPLESS_MAIN(ScanTest)
#include "test_scan.moc"
