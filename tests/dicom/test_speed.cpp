// Speed of the paths a viewer waits on: scanning a folder of a thousand instances (headers
// only) and decoding plus windowing one 512 x 512 16-bit CT slice. Prints the figures; the
// bounds are generous so that a loaded build machine does not fail them.

#include <algorithm>
#include <functional>

#include <dcmtk/dcmdata/dcdeftag.h>

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include "dicom/display.h"
#include "dicom/loader.h"
#include "synthetic_dicom.h"

namespace {

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

bool writeCtSlice(const std::string& path, int size, int index) {
    synthetic::PixelSpec spec;
    spec.rows = size;
    spec.columns = size;
    spec.isSigned = true;
    synthetic::Identity id;
    id.modality = "CT";
    id.sopUid = synthetic::uid("7.1." + std::to_string(index));
    id.instanceNumber = index;
    id.position = std::array<double, 3>{-250, -250, -0.5 * index};
    id.orientation = std::array<double, 6>{1, 0, 0, 0, 1, 0};
    DcmFileFormat file;
    synthetic::putIdentity(*file.getDataset(), id);
    synthetic::putPixels(*file.getDataset(), spec, synthetic::packSamples(spec, synthetic::patternSamples(spec), false));
    file.getDataset()->putAndInsertString(DCM_RescaleIntercept, "-1024");
    file.getDataset()->putAndInsertString(DCM_RescaleSlope, "1");
    file.getDataset()->putAndInsertString(DCM_WindowCenter, "40");
    file.getDataset()->putAndInsertString(DCM_WindowWidth, "400");
    return synthetic::save(file, path, EXS_LittleEndianExplicit);
}

}  // namespace

class SpeedTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void scanThousandInstances() {
        QTemporaryDir dir;
        for (int i = 0; i < 1000; ++i)
            QVERIFY(writeCtSlice(dir.filePath(QStringLiteral("IM%1").arg(i, 4, 10, QLatin1Char('0'))).toStdString(), 64, i));
        QElapsedTimer timer;
        timer.start();
        const auto c = dicom::scanPaths({dir.path().toStdString()});
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        QCOMPARE(c.instanceCount(), std::size_t(1000));
        QCOMPARE(c.patients[0].studies[0].series[0].instances.front().instanceNumber, 999);
        qInfo("scan of 1000 instances: %.0f ms (%.3f ms per file)", ms, ms / 1000);
        QVERIFY2(ms < 10000, qPrintable(QString::number(ms)));
    }

    void decodeAndWindow512() {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("ct512.dcm")).toStdString();
        QVERIFY(writeCtSlice(path, 512, 1));
        const auto instance = dicom::scanPaths({path}).patients.at(0).studies.at(0).series.at(0).instances.at(0);
        dicom::Result<dicom::Image> image = dicom::Error{};
        const double decode = medianMs([&] { image = dicom::decodeFrame(instance); }, 31);
        QVERIFY(image.ok());
        dicom::DisplayParams params;
        params.window = dicom::defaultWindow(instance, *image);
        const double render = medianMs([&] { dicom::renderForDisplay(*image, params); }, 31);
        const double both = medianMs([&] { dicom::renderForDisplay(*dicom::decodeFrame(instance), params); }, 31);
        qInfo("512 x 512 16-bit slice: decode %.2f ms, window %.2f ms, both %.2f ms (medians of 31)", decode, render,
              both);
        QVERIFY2(both < 25.0, qPrintable(QString::number(both)));
    }
};

QTEST_APPLESS_MAIN(SpeedTest)
#include "test_speed.moc"
