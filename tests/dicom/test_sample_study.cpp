// The bundled sample study: valid DICOM (dicom3tools' dciodvfy reports no error), the same
// bytes on every run, and the ground truth it promises: HU at known points, a 20 mm lesion,
// a 12-bit radiograph, a photograph with a millimetre ruler.

#include <cmath>
#include <fstream>

#include <QDirIterator>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "dicom/loader.h"
#include "dicom/sample_study.h"

namespace s = dicom::sample;

namespace {

QByteArray fileBytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList filesUnder(const QString& dir) {
    QStringList files;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) files << it.next();
    files.sort();
    return files;
}

const dicom::SeriesInfo* findSeries(const dicom::Collection& c, const std::string& modality) {
    for (const auto& p : c.patients)
        for (const auto& st : p.studies)
            for (const auto& r : st.series)
                if (r.modality == modality) return &r;
    return nullptr;
}

float hu(const dicom::Image& image, const int point[2]) {
    return image.grey[std::size_t(point[1] * image.width + point[0])];
}

}  // namespace

class SampleStudyTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const dicom::Status written = dicom::writeSampleStudy(m_dir.path().toStdString());
        QVERIFY2(written.ok(), written.error().message.c_str());
        m_collection = dicom::scanPaths({m_dir.path().toStdString()});
        QVERIFY(m_collection.errors.empty());
    }

    void writesTheDocumentedFiles() {
        const QStringList files = filesUnder(m_dir.path());
        QCOMPARE(files.size(), s::kCtSlices + 2);
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("CT/CT001.dcm"))));
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("DX/DX001.dcm"))));
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("photographs/skin-lesion-ruler.png"))));
    }

    void dciodvfyFindsNoError() {
        const QString dciodvfy = QStandardPaths::findExecutable(QStringLiteral("dciodvfy"));
        QVERIFY2(!dciodvfy.isEmpty(), "dciodvfy (dicom3tools) is needed to validate the sample study");
        for (const QString& file : filesUnder(m_dir.path())) {
            if (!file.endsWith(QLatin1String(".dcm"))) continue;
            QProcess p;
            p.setProcessChannelMode(QProcess::MergedChannels);
            p.start(dciodvfy, {file});
            QVERIFY(p.waitForFinished(60000));
            const QString report = QString::fromUtf8(p.readAll());
            const auto errors = report.split(QLatin1Char('\n')).filter(QRegularExpression(QStringLiteral("^Error")));
            QVERIFY2(errors.isEmpty(), qPrintable(file + QLatin1Char('\n') + errors.join(QLatin1Char('\n'))));
            QVERIFY2(report.contains(QLatin1String("CTImage")) || report.contains(QLatin1String("DXImageForPresentation")),
                     qPrintable(report));
        }
    }

    void sameBytesEveryRun() {
        QTemporaryDir again;
        QVERIFY(dicom::writeSampleStudy(again.path().toStdString()).ok());
        const QStringList first = filesUnder(m_dir.path()), second = filesUnder(again.path());
        QCOMPARE(first.size(), second.size());
        for (int i = 0; i < first.size(); ++i) QVERIFY2(fileBytes(first[i]) == fileBytes(second[i]), qPrintable(first[i]));
    }

    void grouping() {
        QCOMPARE(m_collection.patients.size(), std::size_t(2));
        const auto& patient = m_collection.patients[0];
        QCOMPARE(patient.name, std::string(s::kPatientName));
        QCOMPARE(patient.patientId, std::string(s::kPatientId));
        QCOMPARE(patient.studies.size(), std::size_t(2));
        QCOMPARE(patient.kind, dicom::SourceKind::Dicom);
        QCOMPARE(m_collection.patients[1].kind, dicom::SourceKind::Photograph);
        QVERIFY(m_collection.patients[1].name.empty());
    }

    void ctSeriesOrderAndHeader() {
        const auto* ct = findSeries(m_collection, "CT");
        QVERIFY(ct);
        QCOMPARE(int(ct->instances.size()), s::kCtSlices);
        for (int k = 0; k < s::kCtSlices; ++k) {
            const auto& i = ct->instances[std::size_t(k)];
            QCOMPARE(i.instanceNumber, s::kCtSlices - k);  // ascending z, instance 1 on top
            QCOMPARE((*i.imagePosition)[2], s::kCtFirstSliceZ + k * s::kCtSliceThickness);
        }
        const auto& first = ct->instances[0];
        QCOMPARE(first.rows, s::kCtSize);
        QVERIFY(first.pixelSigned);
        QCOMPARE(first.rescaleIntercept, -1024.0);
        QCOMPARE(first.rescaleType, std::string("HU"));
        QCOMPARE(first.spacing.source, dicom::SpacingSource::PixelSpacing);
        QCOMPARE(first.spacing.row, s::kCtPixelSpacing);
        QCOMPARE(first.windows.size(), std::size_t(3));
        QCOMPARE(first.windows[0].center, 40.0);
        QCOMPARE(first.windows[0].width, 400.0);
        QCOMPARE(first.windows[0].explanation, std::string("ABDOMEN"));
        QCOMPARE(first.windows[1].center, -600.0);
        QCOMPARE(first.windows[1].explanation, std::string("LUNG"));
    }

    void ctHounsfieldUnitsAtKnownPoints() {
        const auto* ct = findSeries(m_collection, "CT");
        QVERIFY(ct);
        const auto& lesionSlice = ct->instances[std::size_t(s::kCtSlices - s::kLesionInstanceNumber)];
        QCOMPARE(lesionSlice.instanceNumber, s::kLesionInstanceNumber);
        const auto image = dicom::decodeFrame(lesionSlice);
        QVERIFY2(image.ok(), image.error().message.c_str());
        QCOMPARE(hu(*image, s::kAirPoint), float(s::kAirHu));
        QCOMPARE(hu(*image, s::kSoftTissuePoint), float(s::kSoftTissueHu));
        QCOMPARE(hu(*image, s::kFatPoint), float(s::kFatHu));
        QCOMPARE(hu(*image, s::kLiverPoint), float(s::kLiverHu));
        QCOMPARE(hu(*image, s::kCorticalBonePoint), float(s::kCorticalBoneHu));
        const int lesion[2] = {s::kLesionColumn, s::kLesionRow};
        QCOMPARE(hu(*image, lesion), float(s::kLesionHu));
        const int corner[2] = {0, 0};  // outside the 200 mm field: padding, stored -2000
        QCOMPARE(hu(*image, corner), float(s::kCtPaddingStored - 1024));
        const auto top = dicom::decodeFrame(ct->instances.back());
        QVERIFY(top.ok());
        QCOMPARE(hu(*top, s::kLungPointUpperSlice), float(s::kLungHu));
    }

    // The measurement ground truth: across the lesion's row, the pixels below the midpoint
    // between lesion and liver span the documented diameter; neighbouring slices are smaller.
    void lesionDiameter() {
        const auto* ct = findSeries(m_collection, "CT");
        QVERIFY(ct);
        const auto diameterOn = [&](int instanceNumber) {
            const auto image = dicom::decodeFrame(ct->instances[std::size_t(s::kCtSlices - instanceNumber)]);
            int pixels = 0;
            for (int x = 0; x < image->width; ++x) {
                const float v = image->grey[std::size_t(s::kLesionRow * image->width + x)];
                if (std::abs(x - s::kLesionColumn) < 20 && v < (s::kLesionHu + s::kLiverHu) / 2) ++pixels;
            }
            return pixels * s::kCtPixelSpacing;
        };
        QCOMPARE(diameterOn(s::kLesionInstanceNumber), s::kLesionDiameter);
        QVERIFY(diameterOn(s::kLesionInstanceNumber + 1) < s::kLesionDiameter);
        QVERIFY(diameterOn(s::kLesionInstanceNumber - 1) < s::kLesionDiameter);
        QCOMPARE(diameterOn(s::kLesionInstanceNumber + 2), 0.0);
    }

    void radiograph() {
        const auto* dx = findSeries(m_collection, "DX");
        QVERIFY(dx);
        const auto& i = dx->instances.at(0);
        QCOMPARE(i.photometric, std::string("MONOCHROME2"));
        QCOMPARE(i.bitsStored, 12);
        QCOMPARE(i.bitsAllocated, 16);
        QCOMPARE(i.rows, s::kDxRows);
        QCOMPARE(i.columns, s::kDxColumns);
        QCOMPARE(i.spacing.source, dicom::SpacingSource::ImagerPixelSpacing);
        QCOMPARE(i.spacing.column, s::kDxImagerPixelSpacing);
        QVERIFY(!i.windows.empty());
        const auto image = dicom::decodeFrame(i);
        QVERIFY(image.ok());
        const auto [lo, hi] = std::minmax_element(image->grey.begin(), image->grey.end());
        QVERIFY(*lo >= 0 && *hi <= 4095);
        const auto at = [&](double xMm, double yMm) {
            const int col = int(xMm / s::kDxImagerPixelSpacing + s::kDxColumns / 2.0);
            return image->grey[std::size_t(int(yMm / s::kDxImagerPixelSpacing) * image->width + col)];
        };
        QVERIFY2(at(-80, 200) < at(0, 200), "lung field darker than the mediastinum");
        QVERIFY2(at(-170, 380) < 400, "outside the body is dark");
    }

    void photograph() {
        const auto* xc = findSeries(m_collection, "XC");
        QVERIFY(xc);
        const auto image = dicom::decodeFrame(xc->instances.at(0));
        QVERIFY(image.ok());
        QCOMPARE(image->format, dicom::PixelFormat::Rgb8);
        QCOMPARE(image->width, s::kPhotoWidth);
        QCOMPARE(image->height, s::kPhotoHeight);
        const auto red = [&](int x, int y) { return int(image->rgb8[std::size_t((y * image->width + x) * 3)]); };
        QVERIFY2(red(300, 200) < 120, "pigmented lesion centre");
        QVERIFY2(red(100, 100) > 170, "skin");
        // Centimetre ticks every 10 mm x 10 pixels/mm from x = 50, dark on the light ruler.
        for (int cm = 0; cm <= 5; ++cm) QVERIFY(red(50 + int(cm * 10 * s::kPhotoPixelsPerMm), 405) < 90);
        QVERIFY(red(55, 405) > 200);
    }

private:
    QTemporaryDir m_dir;
    dicom::Collection m_collection;
};

QTEST_APPLESS_MAIN(SampleStudyTest)
#include "test_sample_study.moc"
