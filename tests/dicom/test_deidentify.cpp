// De-identification (PS3.15 E.1, Basic Profile with the Full Dates and Clean Descriptors
// options): one row per attribute of Table E.1-1 plants an identifying value and checks what
// comes out (removed, emptied, dummy, kept, cleaned, UID replaced, and that the planted bytes
// are gone from the file); then UID consistency across files, the recorded method, warnings,
// folders, and dciodvfy on a complete CT image before and after.

#include <filesystem>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <QTemporaryDir>
#include <QtTest>

#include "deid_fixture.h"
#include "dicom/deidentify.h"
#include "dicom/detail/deid_apply.h"
#include "dicom/detail/deid_table.h"
#include "dicom/sample_study.h"

namespace fs = std::filesystem;
using namespace deidfixture;

namespace {

constexpr unsigned kBothOptions = dicom::detail::kClean | dicom::detail::kFullDates;

struct Outcome {
    std::unique_ptr<DcmFileFormat> file;
    std::string bytes;
};

Outcome deidentified(const QTemporaryDir& dir, const std::function<void(DcmDataset&)>& edit,
                     const dicom::DeidOptions& options = {}) {
    const std::string in = dir.filePath(QStringLiteral("in.dcm")).toStdString();
    const std::string out = dir.filePath(QStringLiteral("out/out.dcm")).toStdString();
    if (!writeImage(in, edit)) return {};
    if (!dicom::deidentifyFile(in, out, options)) return {};
    return {load(out), readBytes(out)};
}

bool present(DcmItem& item, const DcmTagKey& tag) { return item.tagExists(tag); }

}  // namespace

class DeidentifyTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyTableRow_data() {
        QTest::addColumn<int>("group");
        QTest::addColumn<int>("element");
        QTest::addColumn<QString>("action");
        for (const auto& rule : dicom::detail::deidRules()) {
            if (rule.groupMask != 0xFFFF || rule.group <= 0x0002) continue;  // repeating groups, command, meta
            const std::string action = dicom::detail::resolveAction(rule.basic, rule.options, kBothOptions, true);
            QTest::addRow("(%04X,%04X) %s: %s -> %s", rule.group, rule.element, rule.name, rule.basic, action.c_str())
                << int(rule.group) << int(rule.element) << QString::fromStdString(action);
        }
    }

    void everyTableRow() {
        QFETCH(int, group);
        QFETCH(int, element);
        QFETCH(QString, action);
        const DcmTagKey tag{Uint16(group), Uint16(element)};
        QTemporaryDir dir;
        std::optional<std::string> planted;
        auto out = deidentified(dir, [&](DcmDataset& ds) { planted = plant(ds, tag); });
        if (!planted) QSKIP("the attribute's VR is unknown to this DCMTK dictionary");
        QVERIFY(out.file);
        DcmDataset& ds = *out.file->getDataset();
        const std::string value = text(ds, tag);
        const std::string a = action.toStdString();
        const DcmEVR vr = DcmTag(tag).getEVR();
        const bool binary = vr == EVR_OB || vr == EVR_OW || vr == EVR_UN;
        if (a == "X") {
            QVERIFY(!present(ds, tag));
        } else if (a == "Z") {
            QVERIFY(present(ds, tag));
            QVERIFY2(value.empty(), value.c_str());
        } else if (a == "D") {
            QVERIFY(present(ds, tag));
            QVERIFY(value != *planted);
        } else if (a == "K") {
            QVERIFY(present(ds, tag));
            if (!binary) QCOMPARE(value, *planted);
        } else if (a == "U") {
            QVERIFY2(value.rfind("2.25.", 0) == 0, value.c_str());
        } else if (a == "U*") {
            DcmItem* item = nullptr;
            QVERIFY(ds.findAndGetSequenceItem(tag, item, 0).good() && item);
            QVERIFY(text(*item, DCM_ReferencedSOPInstanceUID).rfind("2.25.", 0) == 0);
        } else if (a == "C") {
            QVERIFY(value.find("Zqxname") == std::string::npos && value.find("Zqxgiven") == std::string::npos);
        }
        // Whatever the action (other than keeping), the planted identifier is gone from the file
        // (numbers are left out of the search: replacement UIDs are long runs of digits).
        const bool searchable = std::any_of(planted->begin(), planted->end(), ::isalpha);
        if (a != "K" && a != "C" && searchable) QVERIFY2(out.bytes.find(*planted) == std::string::npos, planted->c_str());
        QVERIFY(out.bytes.find(kPatientName) == std::string::npos);
        QVERIFY(out.bytes.find(kPatientId) == std::string::npos);
    }

    // The action table read by a person: these rows are what the options promise.
    void resolvedActions_data() {
        QTest::addColumn<int>("group");
        QTest::addColumn<int>("element");
        QTest::addColumn<QString>("expected");
        QTest::newRow("Patient's Name Z") << 0x0010 << 0x0010 << "Z";
        QTest::newRow("Patient ID Z/D, non-empty -> dummy") << 0x0010 << 0x0020 << "D";
        QTest::newRow("Patient's Birth Date Z (not a longitudinal date)") << 0x0010 << 0x0030 << "Z";
        QTest::newRow("Study Date K with full dates") << 0x0008 << 0x0020 << "K";
        QTest::newRow("Acquisition DateTime K with full dates") << 0x0008 << 0x002A << "K";
        QTest::newRow("Study Description C with clean descriptors") << 0x0008 << 0x1030 << "C";
        QTest::newRow("Accession Number Z") << 0x0008 << 0x0050 << "Z";
        QTest::newRow("Institution Name X/Z/D -> dummy") << 0x0008 << 0x0080 << "D";
        QTest::newRow("Patient's Age X") << 0x0010 << 0x1010 << "X";
        QTest::newRow("SOP Instance UID U") << 0x0008 << 0x0018 << "U";
        QTest::newRow("Referenced Image Sequence X/Z/U*") << 0x0008 << 0x1140 << "U*";
    }

    void resolvedActions() {
        QFETCH(int, group);
        QFETCH(int, element);
        QFETCH(QString, expected);
        const auto* rule = dicom::detail::findDeidRule(Uint16(group), Uint16(element));
        QVERIFY(rule);
        QCOMPARE(QString::fromStdString(dicom::detail::resolveAction(rule->basic, rule->options, kBothOptions, true)),
                 expected);
    }

    void privateOverlayAndCurveGroupsGo() {
        QTemporaryDir dir;
        auto out = deidentified(dir, [](DcmDataset& ds) {
            ds.putAndInsertString(DcmTag(0x0029, 0x0010, EVR_LO), "ZQX PRIVATE CREATOR");
            ds.putAndInsertString(DcmTag(0x0029, 0x1001, EVR_LO), "ZQX private secret");
            ds.putAndInsertUint16(DcmTag(0x6002, 0x0010, EVR_US), 4);
            ds.putAndInsertString(DcmTag(0x6002, 0x4000, EVR_LT), "ZQX overlay comment");
            ds.putAndInsertString(DcmTag(0x5000, 0x0022, EVR_LO), "ZQX curve");
        });
        QVERIFY(out.file);
        QVERIFY(out.bytes.find("ZQX") == std::string::npos);
        QVERIFY(!out.file->getDataset()->tagExists(DcmTagKey(0x6002, 0x0010)));
    }

    void methodIsRecorded() {
        QTemporaryDir dir;
        auto out = deidentified(dir, {});
        DcmDataset& ds = *out.file->getDataset();
        QCOMPARE(text(ds, DCM_PatientIdentityRemoved), std::string("YES"));
        QCOMPARE(text(ds, DCM_LongitudinalTemporalInformationModified), std::string("UNMODIFIED"));
        QVERIFY(text(ds, DCM_DeidentificationMethod).find("Basic Application Confidentiality Profile") != std::string::npos);
        std::vector<std::string> codes;
        DcmItem* item = nullptr;
        for (unsigned long i = 0; ds.findAndGetSequenceItem(DCM_DeidentificationMethodCodeSequence, item, int(i)).good(); ++i) {
            codes.push_back(text(*item, DCM_CodeValue));
            QCOMPARE(text(*item, DCM_CodingSchemeDesignator), std::string("DCM"));
        }
        QCOMPARE(codes, (std::vector<std::string>{"113100", "113106", "113105"}));
        // The new meta header names the new instance, not the old one.
        OFString meta;
        out.file->getMetaInfo()->findAndGetOFString(DCM_MediaStorageSOPInstanceUID, meta);
        QCOMPARE(std::string(meta.c_str()), text(ds, DCM_SOPInstanceUID));
    }

    void withoutOptionsDatesGoAndDescriptionsGo() {
        QTemporaryDir dir;
        dicom::DeidOptions options;
        options.retainLongitudinalFullDates = false;
        options.cleanDescriptors = false;
        auto out = deidentified(dir, [](DcmDataset& ds) {
            ds.putAndInsertString(DCM_StudyDate, "20240102");
            ds.putAndInsertString(DCM_StudyDescription, "Chest");
        }, options);
        DcmDataset& ds = *out.file->getDataset();
        QCOMPARE(text(ds, DCM_StudyDate), std::string());
        QVERIFY(!ds.tagExists(DCM_StudyDescription));
        QVERIFY(!ds.tagExists(DCM_LongitudinalTemporalInformationModified));
    }

    void cleanDescriptorsMaskIdentifiers() {
        QTemporaryDir dir;
        auto out = deidentified(dir, [](DcmDataset& ds) {
            ds.putAndInsertString(DCM_StudyDescription, "CT abdomen zqxname ZQXGIVEN 03.02.1971 id ZQX-4711");
            ds.putAndInsertString(DCM_SeriesDescription, "Zqxnamely axial");  // not a whole word: kept
        });
        DcmDataset& ds = *out.file->getDataset();
        QCOMPARE(text(ds, DCM_StudyDescription), std::string("CT abdomen ******* ******** ********** id ********"));
        QCOMPARE(text(ds, DCM_SeriesDescription), std::string("Zqxnamely axial"));
    }

    void uidsStayConsistentAcrossFiles() {
        QTemporaryDir dir;
        const std::string a = dir.filePath(QStringLiteral("a.dcm")).toStdString();
        const std::string b = dir.filePath(QStringLiteral("b.dcm")).toStdString();
        const std::string firstSop = "1.2.826.0.1.3680043.10.1234.1";
        writeImage(a, [&](DcmDataset& ds) { ds.putAndInsertString(DCM_SOPInstanceUID, firstSop.c_str()); });
        writeImage(b, [&](DcmDataset& ds) {
            ds.putAndInsertString(DCM_SOPInstanceUID, "1.2.826.0.1.3680043.10.1234.2");
            DcmItem* item = nullptr;
            ds.findOrCreateSequenceItem(DCM_ReferencedImageSequence, item, -2);
            item->putAndInsertString(DCM_ReferencedSOPClassUID, UID_SecondaryCaptureImageStorage);
            item->putAndInsertString(DCM_ReferencedSOPInstanceUID, firstSop.c_str());
        });
        dicom::DeidOptions options;
        options.uidSecret = "test secret";
        const dicom::Deidentifier run(options);
        QVERIFY(run.file(a, a + ".out"));
        QVERIFY(run.file(b, b + ".out"));
        auto outA = load(a + ".out"), outB = load(b + ".out");
        const std::string newSop = text(*outA->getDataset(), DCM_SOPInstanceUID);
        QVERIFY(newSop != firstSop && newSop.rfind("2.25.", 0) == 0 && newSop.size() <= 64);
        DcmItem* item = nullptr;
        QVERIFY(outB->getDataset()->findAndGetSequenceItem(DCM_ReferencedImageSequence, item, 0).good());
        QCOMPARE(text(*item, DCM_ReferencedSOPInstanceUID), newSop);
        QCOMPARE(text(*outA->getDataset(), DCM_StudyInstanceUID), text(*outB->getDataset(), DCM_StudyInstanceUID));
        // The same secret maps alike in another run; another secret does not.
        QVERIFY(dicom::Deidentifier(options).file(a, a + ".again"));
        QCOMPARE(text(*load(a + ".again")->getDataset(), DCM_SOPInstanceUID), newSop);
        QVERIFY(dicom::deidentifyFile(a, a + ".other"));
        QVERIFY(text(*load(a + ".other")->getDataset(), DCM_SOPInstanceUID) != newSop);
    }

    void burnedInAnnotationWarns() {
        QTemporaryDir dir;
        const std::string in = dir.filePath(QStringLiteral("in.dcm")).toStdString();
        writeImage(in, [](DcmDataset& ds) { ds.putAndInsertString(DCM_BurnedInAnnotation, "YES"); });
        const auto report = dicom::deidentifyFile(in, in + ".out");
        QVERIFY(report.ok());
        QVERIFY(report->burnedInAnnotation);
        QVERIFY(!report->warnings.empty());
        QVERIFY(report->warnings[0].find("Burned In Annotation") != std::string::npos);
    }

    void pseudonymReplacesNameAndId() {
        QTemporaryDir dir;
        dicom::DeidOptions options;
        options.pseudonym = "CASE-0042";
        auto out = deidentified(dir, {}, options);
        QCOMPARE(text(*out.file->getDataset(), DCM_PatientName), std::string("CASE-0042"));
        QCOMPARE(text(*out.file->getDataset(), DCM_PatientID), std::string("CASE-0042"));
    }

    void japaneseNamesAreConvertedThenRemoved() {
        QTemporaryDir dir;
        auto out = deidentified(dir, [](DcmDataset& ds) {
            ds.putAndInsertString(DCM_SpecificCharacterSet, "\\ISO 2022 IR 87");
            ds.putAndInsertString(DCM_PatientName, "Yamada^Tarou=\x1B$B;3ED\x1B(B^\x1B$BB@O:\x1B(B");
            ds.putAndInsertString(DCM_StudyDescription, "\x1B$B;3ED\x1B(B CT");
        });
        DcmDataset& ds = *out.file->getDataset();
        QCOMPARE(text(ds, DCM_SpecificCharacterSet), std::string("ISO_IR 192"));
        QCOMPARE(text(ds, DCM_PatientName), std::string());
        QCOMPARE(text(ds, DCM_StudyDescription), std::string("****** CT"));  // 山田 is 6 bytes of UTF-8
    }

    void folderGetsNeutralNamesAndSkipsTheRest() {
        QTemporaryDir dir;
        const std::string in = dir.filePath(QStringLiteral("Zqxname patient")).toStdString();
        fs::create_directories(in + "/series 1");
        writeImage(in + "/series 1/Zqxname_1.dcm");
        writeImage(in + "/series 1/Zqxname_2.dcm");
        std::ofstream(in + "/notes.txt") << "free text";
        std::ofstream(in + "/photo.png", std::ios::binary) << std::string("\x89PNG\r\n\x1a\n", 8);
        const std::string out = dir.filePath(QStringLiteral("out")).toStdString();
        std::size_t calls = 0;
        const auto report = dicom::Deidentifier().folder(in, out, [&](std::size_t, std::size_t, const std::string&) { ++calls; });
        QCOMPARE(report.files.size(), std::size_t(2));
        QVERIFY(report.errors.empty());
        QCOMPARE(report.skipped.size(), std::size_t(2));
        QVERIFY(fs::exists(out + "/IM000001.dcm"));
        QVERIFY(fs::exists(out + "/IM000002.dcm"));
        QVERIFY(calls >= 4);
        auto first = load(out + "/IM000001.dcm"), second = load(out + "/IM000002.dcm");
        QCOMPARE(text(*first->getDataset(), DCM_StudyInstanceUID), text(*second->getDataset(), DCM_StudyInstanceUID));
    }

    // A complete CT image (the sample study's, dciodvfy-clean) stays as valid as it was.
    void outputStaysValidForDciodvfy() {
        QTemporaryDir dir;
        QVERIFY(dicom::writeSampleStudy(dir.path().toStdString()).ok());
        for (const char* name : {"/CT/CT001.dcm", "/DX/DX001.dcm"}) {
            const std::string in = dir.path().toStdString() + name;
            const std::string out = in + ".anon.dcm";
            const auto report = dicom::deidentifyFile(in, out);
            QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
            const auto before = dciodvfyErrors(in), after = dciodvfyErrors(out);
            if (!before || !after) QSKIP("dciodvfy (dicom3tools) is not installed");
            for (const auto& error : *after)
                QVERIFY2(std::find(before->begin(), before->end(), error) != before->end(), error.c_str());
            QVERIFY(readBytes(out).find(dicom::sample::kPatientName) == std::string::npos);
            QVERIFY(readBytes(out).find(dicom::sample::kPatientId) == std::string::npos);
        }
    }
};

QTEST_APPLESS_MAIN(DeidentifyTest)
#include "test_deidentify.moc"
