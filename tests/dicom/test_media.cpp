// Opening media and archives: a DICOMDIR (built with DCMTK's DicomDirInterface) drives the
// load and the grouping, ZIP archives (built with libzip) open as members "archive.zip!member"
// that decode like files, and hostile archives are refused.

#include <filesystem>
#include <fstream>
#include <set>

#include <dcmtk/dcmdata/dcddirif.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/oflog/oflog.h>
#include <zip.h>

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include "dicom/loader.h"
#include "synthetic_dicom.h"

namespace fs = std::filesystem;

namespace {

synthetic::PixelSpec spec4() {
    synthetic::PixelSpec s;
    s.rows = s.columns = 4;
    return s;
}

synthetic::Identity identity(const std::string& series, int instance) {
    synthetic::Identity id;
    id.patientName = "MEDIA^PHANTOM";
    id.patientId = "MEDIA-1";
    id.studyUid = synthetic::uid("90");
    id.seriesUid = synthetic::uid("90." + series);
    id.sopUid = synthetic::uid("90." + series + "." + std::to_string(instance));
    id.instanceNumber = instance;
    return id;
}

// A file the General Purpose profile accepts (the dates and IDs a DICOMDIR record needs).
bool writeMediaFile(const std::string& path, const synthetic::Identity& id, int value = 7,
                    const std::string& charset = {}) {
    fs::create_directories(fs::path(path).parent_path());
    DcmFileFormat file;
    DcmDataset& ds = *file.getDataset();
    synthetic::putIdentity(ds, id);
    if (!charset.empty()) ds.putAndInsertString(DCM_SpecificCharacterSet, charset.c_str());
    ds.putAndInsertString(DCM_StudyDate, "20240102");
    ds.putAndInsertString(DCM_StudyTime, "101500");
    ds.putAndInsertString(DCM_StudyID, "S1");
    ds.putAndInsertString(DCM_AccessionNumber, "A1");
    ds.putAndInsertString(DCM_SeriesNumber, id.seriesUid.substr(id.seriesUid.size() - 1).c_str());
    ds.putAndInsertString(DCM_ConversionType, "WSD");
    const auto spec = spec4();
    synthetic::putPixels(ds, spec, synthetic::packSamples(spec, std::vector<std::int64_t>(16, value), false));
    return synthetic::save(file, path, EXS_LittleEndianExplicit);
}

bool buildDicomDir(const std::string& folder, const std::vector<std::string>& files) {
    DicomDirInterface dir;
    dir.enableInventMode(OFTrue);
    if (dir.createNewDicomDir(DicomDirInterface::AP_GeneralPurpose, (folder + "/DICOMDIR").c_str(), "SYNTHETIC").bad())
        return false;
    for (const auto& f : files)
        if (dir.addDicomFile(f.c_str(), folder.c_str()).bad()) return false;
    return dir.writeDicomDir().good();
}

std::string readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// Members are given as name -> bytes; stored with libzip's default (deflate) compression.
bool writeZip(const std::string& path, const std::vector<std::pair<std::string, std::string>>& members) {
    int error = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!z) return false;
    std::vector<std::string> keep;  // libzip reads the buffers at zip_close
    keep.reserve(members.size());
    for (const auto& [name, bytes] : members) {
        keep.push_back(bytes);
        zip_source_t* src = zip_source_buffer(z, keep.back().data(), keep.back().size(), 0);
        if (!src || zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE) < 0) {
            zip_discard(z);
            return false;
        }
    }
    return zip_close(z) == 0;
}

const dicom::InstanceInfo* findInstance(const dicom::Collection& c, const std::string& suffix) {
    for (const auto& p : c.patients)
        for (const auto& s : p.studies)
            for (const auto& r : s.series)
                for (const auto& i : r.instances)
                    if (i.path.size() >= suffix.size() && i.path.compare(i.path.size() - suffix.size(), suffix.size(), suffix) == 0)
                        return &i;
    return nullptr;
}

std::size_t seriesCount(const dicom::Collection& c) {
    std::size_t n = 0;
    for (const auto& p : c.patients)
        for (const auto& s : p.studies) n += s.series.size();
    return n;
}

}  // namespace

class MediaTest : public QObject {
    Q_OBJECT

private:
    // IMAGES/IM000001..4 in two series, a DICOMDIR over them, and EXTRA/IM000009 it omits.
    std::string makeMedia(const QTemporaryDir& dir) {
        const std::string root = dir.path().toStdString();
        for (int k = 1; k <= 4; ++k)
            writeMediaFile(root + "/IMAGES/IM00000" + std::to_string(k), identity(k <= 2 ? "1" : "2", k));
        buildDicomDir(root, {"IMAGES/IM000001", "IMAGES/IM000002", "IMAGES/IM000003", "IMAGES/IM000004"});
        writeMediaFile(root + "/EXTRA/IM000009", identity("3", 9));
        return root;
    }

private Q_SLOTS:
    void initTestCase() { OFLog::configure(OFLogger::WARN_LOG_LEVEL); }  // DicomDirInterface's progress

    void folderWithDicomDirReadsEachFileOnce() {
        QTemporaryDir dir;
        const std::string root = makeMedia(dir);
        QVERIFY(fs::exists(root + "/DICOMDIR"));
        std::multiset<std::string> seen;
        const auto c = dicom::scanPaths({root}, [&](const dicom::ScanProgress& p) {
            if (!p.currentPath.empty()) seen.insert(p.currentPath);
        });
        QVERIFY2(c.errors.empty(), c.errors.empty() ? "" : c.errors[0].message.c_str());
        QCOMPARE(c.instanceCount(), std::size_t(5));  // the file the index omits is read too
        QCOMPARE(seriesCount(c), std::size_t(3));
        QCOMPARE(seen.size(), std::size_t(5));
        for (const auto& path : seen) QCOMPARE(seen.count(path), std::size_t(1));
    }

    void namedDicomDirLoadsWhatItLists() {
        QTemporaryDir dir;
        const std::string root = makeMedia(dir);
        const auto c = dicom::scanPaths({root + "/DICOMDIR"});
        QVERIFY(c.errors.empty());
        QCOMPARE(c.instanceCount(), std::size_t(4));
        const auto* first = findInstance(c, "IM000001");
        QVERIFY(first);
        QVERIFY(dicom::decodeFrame(*first).ok());
    }

    // A file rewritten after the index was made still goes where its record says.
    void recordsDecideTheGrouping() {
        QTemporaryDir dir;
        const std::string root = makeMedia(dir);
        writeMediaFile(root + "/IMAGES/IM000004", identity("7", 4));  // now claims series 90.7
        const auto c = dicom::scanPaths({root + "/DICOMDIR"});
        QCOMPARE(seriesCount(c), std::size_t(2));
        const auto& series = c.patients.at(0).studies.at(0).series;
        const auto& second = series[0].seriesInstanceUid == synthetic::uid("90.2") ? series[0] : series[1];
        QCOMPARE(second.seriesInstanceUid, synthetic::uid("90.2"));
        QCOMPARE(second.instances.size(), std::size_t(2));
    }

    // The records carry their own character set: their names become UTF-8 like the files' do.
    void recordNamesAreDecoded() {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        const std::string japanese = "Yamada^Tarou=\x1B$B;3ED\x1B(B^\x1B$BB@O:\x1B(B";
        auto id = identity("1", 1);
        id.patientName = japanese;
        writeMediaFile(root + "/IMAGES/IM000001", id, 7, "\\ISO 2022 IR 87");
        QVERIFY(buildDicomDir(root, {"IMAGES/IM000001"}));
        writeMediaFile(root + "/IMAGES/IM000001", identity("1", 1));  // the file now says MEDIA^PHANTOM
        const auto c = dicom::scanPaths({root + "/DICOMDIR"});
        QCOMPARE(c.instanceCount(), std::size_t(1));
        QCOMPARE(QString::fromStdString(c.patients[0].name), QStringLiteral("Yamada^Tarou=\u5C71\u7530^\u592A\u90CE"));
    }

    void lowerCaseCopiesOfMediaResolve() {
        QTemporaryDir dir;
        const std::string root = makeMedia(dir);
        fs::rename(root + "/IMAGES/IM000002", root + "/IMAGES/im000002");
        fs::rename(root + "/IMAGES", root + "/images");
        const auto c = dicom::scanPaths({root + "/DICOMDIR"});
        QVERIFY2(c.errors.empty(), c.errors.empty() ? "" : c.errors[0].message.c_str());
        QCOMPARE(c.instanceCount(), std::size_t(4));
        QVERIFY(findInstance(c, "images/im000002"));
    }

    void missingReferencedFileIsReported() {
        QTemporaryDir dir;
        const std::string root = makeMedia(dir);
        fs::remove(root + "/IMAGES/IM000003");
        const auto c = dicom::scanPaths({root + "/DICOMDIR"});
        QCOMPARE(c.instanceCount(), std::size_t(3));
        QCOMPARE(c.errors.size(), std::size_t(1));
        QCOMPARE(c.errors[0].code, dicom::ErrorCode::FileNotFound);
        QVERIFY(c.errors[0].message.find("DICOMDIR") != std::string::npos);
        QVERIFY(c.errors[0].path.find("IM000003") != std::string::npos);
    }

    void zipMembersOpenAndDecode() {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        writeMediaFile(root + "/src/a.dcm", identity("1", 1), 11);
        writeMediaFile(root + "/src/b.dcm", identity("1", 2), 22);
        const std::string zipPath = root + "/study.zip";
        QVERIFY(writeZip(zipPath, {{"scan/a.dcm", readAll(root + "/src/a.dcm")},
                                   {"scan/b.dcm", readAll(root + "/src/b.dcm")},
                                   {"notes.txt", "free text, not an image"}}));
        const auto c = dicom::scanPaths({zipPath});
        QCOMPARE(c.instanceCount(), std::size_t(2));
        QCOMPARE(c.errors.size(), std::size_t(1));
        QCOMPARE(c.errors[0].path, zipPath + "!notes.txt");
        const auto* b = findInstance(c, "!scan/b.dcm");
        QVERIFY(b);
        QCOMPARE(b->path, zipPath + "!scan/b.dcm");
        const auto image = dicom::decodeFrame(*b);
        QVERIFY2(image.ok(), image.ok() ? "" : image.error().message.c_str());
        QCOMPARE(image->grey.at(5), 22.f);
    }

    void rescanReadsTheArchiveAsItIsNow() {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        const std::string zipPath = root + "/changing.zip";
        for (int value : {11, 22}) {
            writeMediaFile(root + "/src.dcm", identity("1", 1), value);
            QVERIFY(writeZip(zipPath, {{"a.dcm", readAll(root + "/src.dcm")}}));
            const auto c = dicom::scanPaths({zipPath});
            QCOMPARE(c.instanceCount(), std::size_t(1));
            const auto image = dicom::decodeFrame(c.patients[0].studies[0].series[0].instances[0]);
            QVERIFY(image.ok());
            QCOMPARE(image->grey.at(0), float(value));
        }
    }

    void zipFoundInFolderAndDecodedWithoutScan() {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        writeMediaFile(root + "/loose.dcm", identity("1", 1));
        writeMediaFile(root + "/tmp/c.dcm", identity("2", 3), 33);
        fs::create_directories(root + "/inner");
        QVERIFY(writeZip(root + "/inner/archive.zip", {{"c.dcm", readAll(root + "/tmp/c.dcm")}}));
        fs::remove_all(root + "/tmp");
        QCOMPARE(dicom::scanPaths({root}).instanceCount(), std::size_t(2));
        QVERIFY(writeZip(root + "/other.zip", {{"deep/c.dcm", readAll(root + "/loose.dcm")}}));
        dicom::InstanceInfo member;
        member.path = root + "/other.zip!deep/c.dcm";
        member.sopClassUid = "1.2.840.10008.5.1.4.1.1.7";
        QVERIFY(dicom::decodeFrame(member).ok());
        member.path = root + "/other.zip!deep/missing.dcm";
        const auto missing = dicom::decodeFrame(member);
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.find("other.zip!deep/missing.dcm") != std::string::npos);
    }

    void zipWithDicomDirUsesTheRecords() {
        QTemporaryDir dir;
        const std::string root = makeMedia(dir);
        fs::create_directories(root + "/zipped");
        QVERIFY(writeZip(root + "/zipped/cd.zip", {{"CD/DICOMDIR", readAll(root + "/DICOMDIR")},
                                              {"CD/IMAGES/IM000001", readAll(root + "/IMAGES/IM000001")},
                                              {"CD/IMAGES/IM000002", readAll(root + "/IMAGES/IM000002")},
                                              {"CD/IMAGES/IM000003", readAll(root + "/IMAGES/IM000003")}}));
        const auto c = dicom::scanPaths({root + "/zipped/cd.zip"});
        QCOMPARE(c.instanceCount(), std::size_t(3));
        QCOMPARE(c.errors.size(), std::size_t(1));  // IM000004 is listed but not in the archive
        QVERIFY(c.errors[0].message.find("missing from the archive") != std::string::npos);
    }

    void hostileArchivesAreRefused_data() {
        QTest::addColumn<QString>("member");
        QTest::addColumn<int>("code");
        QTest::newRow("inflates more than 1000-fold") << QStringLiteral("bomb.dcm") << int(dicom::ErrorCode::TooLarge);
        QTest::newRow("an archive inside the archive") << QStringLiteral("inner.zip") << int(dicom::ErrorCode::NotDicom);
    }

    void hostileArchivesAreRefused() {
        QFETCH(QString, member);
        QFETCH(int, code);
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        QVERIFY(writeZip(root + "/inner.zip", {{"x.txt", "x"}}));
        const std::string bytes = member.endsWith(QLatin1String(".zip")) ? readAll(root + "/inner.zip")
                                                                        : std::string(24u << 20, '\0');
        QVERIFY(writeZip(root + "/outer.zip", {{member.toStdString(), bytes}}));
        const auto c = dicom::scanPaths({root + "/outer.zip"});
        QCOMPARE(c.instanceCount(), std::size_t(0));
        QCOMPARE(c.errors.size(), std::size_t(1));
        QCOMPARE(int(c.errors[0].code), code);
    }

    void damagedArchiveIsReported() {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("broken.zip")).toStdString();
        std::ofstream(path, std::ios::binary) << "PK\x03\x04 this is not really an archive";
        const auto c = dicom::scanPaths({path});
        QCOMPARE(c.errors.size(), std::size_t(1));
        QCOMPARE(c.errors[0].path, path);
    }
};

QTEST_APPLESS_MAIN(MediaTest)
#include "test_media.moc"
