// The report as a DICOM Basic Text SR: DCMTK's dsrdump reads it without error or warning,
// dicom3tools' dciodvfy finds no error in the IOD, the source study, series and instances are
// referenced, the patient and study come from the source file (or the de-identified values,
// with Patient Identity Removed), and the text, review statement and provenance are in it.

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmsr/dsrdoc.h>

#include "dicom/loader.h"
#include "dicom/sample_study.h"
#include "dicom/sr_report.h"

namespace {

struct ToolRun {
    int exitCode = -1;
    QString output;  // stdout and stderr
};

ToolRun runTool(const QString& name, const QStringList& args) {
    ToolRun run;
    const QString program = QStandardPaths::findExecutable(name);
    if (program.isEmpty()) {
        run.output = name + QStringLiteral(" is not installed");
        return run;
    }
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit) {
        run.exitCode = p.exitCode();
    }
    run.output = QString::fromUtf8(p.readAll());
    return run;
}

QStringList linesMatching(const QString& text, const QString& pattern) {
    return text.split(QLatin1Char('\n')).filter(QRegularExpression(pattern));
}

QStringList withoutMatching(const QStringList& lines, const QString& pattern) {
    QStringList kept;
    const QRegularExpression expression(pattern);
    for (const QString& line : lines) {
        if (!expression.match(line).hasMatch()) {
            kept << line;
        }
    }
    return kept;
}

std::string stringOf(DcmItem& item, const DcmTagKey& tag) {
    OFString value;
    item.findAndGetOFStringArray(tag, value);
    return value.c_str();
}

}  // namespace

class SrReportTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void validates_data();
    void validates();
    void copiesSourcePatientAndStudy();
    void deidentifiedReplacesIdentity();
    void uidsAreDistinct2dot25();

private:
    dicom::SrReport makeReport() const;
    QString write(const dicom::SrReport& report, const QString& name);

    QTemporaryDir m_dir;
    const dicom::SeriesInfo* m_ct = nullptr;
    std::string m_studyUid;
    dicom::Collection m_collection;
};

void SrReportTest::initTestCase() {
    QVERIFY(m_dir.isValid());
    QVERIFY(dicom::writeSampleStudy(m_dir.filePath(QStringLiteral("study")).toStdString()).ok());
    m_collection = dicom::scanPaths({m_dir.filePath(QStringLiteral("study/CT")).toStdString()});
    QCOMPARE(m_collection.patients.size(), std::size_t(1));
    const auto& study = m_collection.patients[0].studies.at(0);
    m_studyUid = study.studyInstanceUid;
    m_ct = &study.series.at(0);
}

dicom::SrReport SrReportTest::makeReport() const {
    dicom::SrReport report;
    report.sourceFile = m_ct->instances[0].path;
    report.sections = {
        {dicom::SrSectionKind::Findings, "Findings",
         "A 20 mm hypodense lesion in the right hepatic lobe.\nNo free fluid."},
        {dicom::SrSectionKind::Impression, "Impression",
         "Hepatic lesion; further imaging advised."},
        {dicom::SrSectionKind::Other, "Recommendation", "Contrast-enhanced MRI. Café, 肝脏."}};
    for (int i : {0, 5}) {
        const auto& instance = m_ct->instances[std::size_t(i)];
        report.evidence.push_back({m_studyUid, m_ct->seriesInstanceUid, instance.sopClassUid,
                                   instance.sopInstanceUid, 0});
    }
    report.device = {"", "MedGemma 4B (instruction-tuned)", "Google", "medgemma-4b-it"};
    report.reviewStatement = "AI generated, requires review by a qualified clinician.";
    report.provenance.algorithmName = "MedGemma 4B (instruction-tuned)";
    report.provenance.algorithmVersion = "medgemma-4b-it; weights sha256 0123abcd";
    report.provenance.algorithmParameters = "greedy, max 1024 new tokens, seed 0";
    report.provenance.details = {{"Prompt template", "ct-report v2"},
                                 {"Prompt", "<bos><start_of_turn>user\nDescribe.<end_of_turn>\n"}};
    report.manufacturer = "MedGemma Workstation";
    report.softwareVersion = "0.1.0";
    report.contentDateTime = "20240102030405";
    return report;
}

QString SrReportTest::write(const dicom::SrReport& report, const QString& name) {
    const QString path = m_dir.filePath(name);
    const dicom::Status written = dicom::writeSrReport(report, path.toStdString());
    return written.ok() ? path : QString::fromStdString(written.error().message);
}

void SrReportTest::validates_data() {
    QTest::addColumn<bool>("deidentified");
    QTest::addColumn<bool>("complete");
    QTest::addColumn<bool>("multiFrame");
    QTest::newRow("from source, partial") << false << false << false;
    QTest::newRow("de-identified, complete") << true << true << false;
    QTest::newRow("multi-frame reference") << false << false << true;
}

void SrReportTest::validates() {
    QFETCH(bool, deidentified);
    QFETCH(bool, complete);
    QFETCH(bool, multiFrame);
    dicom::SrReport report = makeReport();
    report.deidentified = deidentified;
    report.patientStudy = {"ANON^7F3A", "ANON-7F3A", "", "", "2.25.1234", "", "", "", "", "", ""};
    report.complete = complete;
    if (deidentified) {
        for (auto& ref : report.evidence) {
            ref.studyUid = report.patientStudy.studyUid;
        }
    }
    if (multiFrame) {
        report.evidence[1].sopClassUid = "1.2.840.10008.5.1.4.1.1.2.1";  // Enhanced CT: multi-frame
        report.evidence[1].frame = 3;
    }
    const QString tag = QString::fromUtf8(QTest::currentDataTag()).remove(QLatin1Char(' '));
    const QString path = write(report, QStringLiteral("validate-%1.dcm").arg(tag));
    QVERIFY2(QFile::exists(path), qPrintable(path));

    const ToolRun dump = runTool(QStringLiteral("dsrdump"), {QStringLiteral("+Pl"), path});
    QVERIFY2(dump.exitCode == 0, qPrintable(dump.output));
    // DCMTK 3.6.7's VR checker cannot check UTF-8 strings and says so; nothing else may appear.
    const QStringList complaints =
        withoutMatching(linesMatching(dump.output, QStringLiteral("^(E|W|F):")),
                        QStringLiteral("VR checker does not support this Specific Character Set"));
    QVERIFY2(complaints.isEmpty(), qPrintable(dump.output));
    for (const char* expected :
         {"Basic Text SR Document", "Procedure Findings", "20 mm hypodense", "Impressions",
          "AI generated, requires review", "Algorithm Name", "ct-report v2", "Café, 肝脏"}) {
        QVERIFY2(dump.output.contains(QString::fromUtf8(expected)), expected);
    }

    const ToolRun iod = runTool(QStringLiteral("dciodvfy"), {path});
    QVERIFY2(iod.exitCode >= 0, qPrintable(iod.output));
    const QStringList errors = linesMatching(iod.output, QStringLiteral("^Error"));
    QVERIFY2(errors.isEmpty(), qPrintable(iod.output));
    // Expected warnings only: dciodvfy does not know the local coding scheme, and a
    // de-identified study has no date or ID for a DICOMDIR.
    const QStringList warnings =
        withoutMatching(linesMatching(iod.output, QStringLiteral("^Warning")),
                        QStringLiteral("<99MGW>|needed to build DICOMDIR - Study (Date|Time|ID)"));
    QVERIFY2(warnings.isEmpty(), qPrintable(iod.output));
    QVERIFY2(iod.output.contains(QStringLiteral("BasicTextSR")), qPrintable(iod.output));
}

void SrReportTest::copiesSourcePatientAndStudy() {
    const QString path = write(makeReport(), QStringLiteral("source.dcm"));
    DcmFileFormat file;
    QVERIFY(file.loadFile(path.toStdString().c_str()).good());
    DcmDataset& ds = *file.getDataset();
    QCOMPARE(stringOf(ds, DCM_PatientName), std::string(dicom::sample::kPatientName));
    QCOMPARE(stringOf(ds, DCM_PatientID), std::string(dicom::sample::kPatientId));
    QCOMPARE(stringOf(ds, DCM_StudyInstanceUID), m_studyUid);
    QCOMPARE(stringOf(ds, DCM_Modality), std::string("SR"));
    QCOMPARE(stringOf(ds, DCM_CompletionFlag), std::string("PARTIAL"));
    QCOMPARE(stringOf(ds, DCM_VerificationFlag), std::string("UNVERIFIED"));
    QCOMPARE(stringOf(ds, DCM_SpecificCharacterSet), std::string("ISO_IR 192"));

    DSRDocument doc;
    QVERIFY(doc.read(ds).good());
    DSRSOPInstanceReferenceList& evidence = doc.getCurrentRequestedProcedureEvidence();
    QVERIFY(evidence
                .gotoItem(m_ct->instances[0].sopClassUid.c_str(),
                          m_ct->instances[0].sopInstanceUid.c_str())
                .good());
    QVERIFY(evidence
                .gotoItem(m_ct->instances[5].sopClassUid.c_str(),
                          m_ct->instances[5].sopInstanceUid.c_str())
                .good());
    QVERIFY(stringOf(ds, DCM_SeriesInstanceUID) != m_ct->seriesInstanceUid);
}

void SrReportTest::deidentifiedReplacesIdentity() {
    dicom::SrReport report = makeReport();
    report.deidentified = true;
    report.patientStudy = {"ANON^7F3A", "ANON-7F3A", "", "", "2.25.987654321", "", "",
                           "",          "",          "", ""};
    const QString path = write(report, QStringLiteral("deid.dcm"));
    DcmFileFormat file;
    QVERIFY(file.loadFile(path.toStdString().c_str()).good());
    DcmDataset& ds = *file.getDataset();
    QCOMPARE(stringOf(ds, DCM_PatientName), std::string("ANON^7F3A"));
    QCOMPARE(stringOf(ds, DCM_PatientID), std::string("ANON-7F3A"));
    QCOMPARE(stringOf(ds, DCM_StudyInstanceUID), std::string("2.25.987654321"));
    QCOMPARE(stringOf(ds, DCM_PatientIdentityRemoved), std::string("YES"));
    QVERIFY(!stringOf(ds, DCM_DeidentificationMethod).empty());
    QVERIFY(stringOf(ds, DCM_PatientBirthDate).empty());
}

void SrReportTest::uidsAreDistinct2dot25() {
    const std::string a = dicom::generateUid();
    const std::string b = dicom::generateUid();
    QVERIFY(a != b);
    QVERIFY(a.rfind("2.25.", 0) == 0);
    QVERIFY(a.size() <= 64);
    QVERIFY(QRegularExpression(QStringLiteral("^2\\.25\\.[1-9][0-9]*$"))
                .match(QString::fromStdString(a))
                .hasMatch());
}

QTEST_APPLESS_MAIN(SrReportTest)
#include "test_sr_report.moc"
