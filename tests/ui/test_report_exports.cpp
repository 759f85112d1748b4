// Every export format of the report: plain text and Markdown, FHIR R4 (checked against the R4
// structure), PDF (its text read back with poppler's pdftotext), DICOM SR (read back with
// dsrdump); de-identified exports that name no one and map UIDs as dicom::Deidentifier does;
// and the audit lines of exports and inferences.
#include <QtTest>

#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include "dicom/deidentify.h"
#include "dicom/loader.h"
#include "dicom/sample_study.h"
#include "fhir_r4_check.h"
#include "report_fixture.h"
#include "ui/report/audit_log.h"
#include "ui/report/report_deid.h"
#include "ui/report/report_export.h"
#include "ui/report/report_fhir.h"
#include "ui/report/report_provenance.h"
#include "ui/report/report_text.h"

using namespace ui;

Q_DECLARE_METATYPE(ui::ExportFormat)

namespace {

const QByteArray kKey = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

QString runTool(const QString& name, const QStringList& args) {
    const QString program = QStandardPaths::findExecutable(name);
    if (program.isEmpty()) {
        return QStringLiteral("(%1 is not installed)").arg(name);
    }
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAll());
}

// What a reader of the exported file sees, as text.
QString readBack(ExportFormat format, const QString& path) {
    switch (format) {
        case ExportFormat::Pdf:
            return runTool(QStringLiteral("pdftotext"),
                           {QStringLiteral("-layout"), path, QStringLiteral("-")});
        case ExportFormat::DicomSr:  // the content tree and every attribute
            return runTool(QStringLiteral("dsrdump"),
                           {QStringLiteral("+Pl"), QStringLiteral("+Pu"), path}) +
                   runTool(QStringLiteral("dcmdump"), {QStringLiteral("+U8"), path});
        default:
            break;
    }
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    return QString::fromUtf8(file.readAll());
}

QJsonObject entryOf(const QJsonObject& bundle, const QString& type) {
    for (const QJsonValue& e : bundle.value(QStringLiteral("entry")).toArray()) {
        const QJsonObject r = e.toObject().value(QStringLiteral("resource")).toObject();
        if (r.value(QStringLiteral("resourceType")).toString() == type) {
            return r;
        }
    }
    return {};
}

}  // namespace

class TestReportExports : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void textAndMarkdown();
    void fhirBundleIsValidR4();
    void fhirCheckFindsProblems();
    void pdfShowsTheReport();
    void deidentifiedExportsNameNoOne_data();
    void deidentifiedExportsNameNoOne();
    void uidMappingMatchesDicomDeidentifier();
    void auditLinesForExports();
    void auditLineForInference();

private:
    QTemporaryDir m_dir;
};

void TestReportExports::textAndMarkdown() {
    const ReportDocument doc = testutil::sampleReport();
    const QString text = plainTextReport(doc);
    for (const QString& expected :
         {QStringLiteral("CT ABDOMEN REPORT (Edited)"), QStringLiteral("Patient: TESTER, JANE Q"),
          QStringLiteral("Accession: ACC-777"), QStringLiteral("\nFINDINGS\nThe liver has a 20 mm"),
          QStringLiteral("\nIMPRESSION\nHepatic lesion; MRI advised."),
          QStringLiteral("AI generated, requires review"), QStringLiteral("Research use only"),
          QStringLiteral("Model: MedGemma 4B (instruction-tuned) "
                         "(google/medgemma-4b-it@0123456789ab), bfloat16 on CPU"),
          QStringLiteral("SHA-256 a3f1c0de"), QStringLiteral("not yet computed"),
          QStringLiteral("Prompt template: ct-report v2 (edited)"),
          QStringLiteral("seed 18446744073709551557"),
          QStringLiteral("SOP Instance UID 2.25.111, frame 1, region x 10 y 20 100×80 px"),
          QStringLiteral("<start_of_turn>user\nYou are a radiologist.")}) {
        QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral("\n---\n") + text));
    }
    const QString markdown = markdownReport(doc);
    for (const QString& expected :
         {QStringLiteral("# CT abdomen report (Edited)"),
          QStringLiteral("| Patient | TESTER, JANE Q |"), QStringLiteral("## Findings"),
          QStringLiteral("## Impression"), QStringLiteral("## Provenance"),
          QStringLiteral("- Prompt template: ct-report v2 (edited)"), QStringLiteral("````text")}) {
        QVERIFY2(markdown.contains(expected),
                 qPrintable(expected + QStringLiteral("\n---\n") + markdown));
    }
}

void TestReportExports::fhirBundleIsValidR4() {
    ReportDocument doc = testutil::sampleReport();
    QJsonObject bundle = fhirBundle(doc);
    QStringList problems = testutil::FhirR4Check().check(bundle);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    const QJsonObject report = entryOf(bundle, QStringLiteral("DiagnosticReport"));
    QCOMPARE(report.value(QStringLiteral("status")).toString(), QStringLiteral("preliminary"));
    QCOMPARE(report.value(QStringLiteral("conclusion")).toString(),
             QStringLiteral("Hepatic lesion; MRI advised."));
    QCOMPARE(report.value(QStringLiteral("imagingStudy"))
                 .toArray()[0]
                 .toObject()
                 .value(QStringLiteral("identifier"))
                 .toObject()
                 .value(QStringLiteral("value"))
                 .toString(),
             QStringLiteral("urn:oid:2.25.100"));
    const QByteArray form = QByteArray::fromBase64(report.value(QStringLiteral("presentedForm"))
                                                       .toArray()[0]
                                                       .toObject()
                                                       .value(QStringLiteral("data"))
                                                       .toString()
                                                       .toLatin1());
    QCOMPARE(QString::fromUtf8(form), plainTextReport(doc));
    const QJsonObject provenance = entryOf(bundle, QStringLiteral("Provenance"));
    QCOMPARE(provenance.value(QStringLiteral("recorded")).toString(),
             QStringLiteral("2025-01-31T09:13:40.004Z"));
    QVERIFY(QJsonDocument(provenance).toJson().contains("urn:oid:2.25.111"));
    const QJsonObject device = entryOf(bundle, QStringLiteral("Device"));
    QVERIFY(QJsonDocument(device).toJson().contains("a3f1c0de"));
    QVERIFY(QJsonDocument(device).toJson().contains("MedGemma 4B (instruction-tuned)"));

    doc.status = ReportStatus::Final;
    bundle = fhirBundle(doc);
    problems = testutil::FhirR4Check().check(bundle);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QCOMPARE(entryOf(bundle, QStringLiteral("DiagnosticReport"))
                 .value(QStringLiteral("status"))
                 .toString(),
             QStringLiteral("final"));
}

void TestReportExports::fhirCheckFindsProblems() {
    QJsonObject bundle = fhirBundle(testutil::sampleReport());
    QJsonArray entries = bundle.value(QStringLiteral("entry")).toArray();
    QJsonObject first = entries[0].toObject();
    QJsonObject report = first.value(QStringLiteral("resource")).toObject();
    report.insert(QStringLiteral("status"), QStringLiteral("draft"));
    report.insert(QStringLiteral("conclusion"), QString());
    first.insert(QStringLiteral("resource"), report);
    entries[0] = first;
    QJsonObject last = entries[2].toObject();
    QJsonObject provenance = last.value(QStringLiteral("resource")).toObject();
    provenance.remove(QStringLiteral("recorded"));
    provenance.insert(
        QStringLiteral("target"),
        QJsonArray{QJsonObject{{QStringLiteral("reference"), QStringLiteral("urn:uuid:nowhere")}}});
    last.insert(QStringLiteral("resource"), provenance);
    entries[2] = last;
    bundle.insert(QStringLiteral("entry"), entries);
    const QStringList problems = testutil::FhirR4Check().check(bundle);
    QCOMPARE(problems.size(), 4);
}

void TestReportExports::pdfShowsTheReport() {
    const QString path = m_dir.filePath(QStringLiteral("report.pdf"));
    const ExportResult result = exportReport(testutil::sampleReport(), ExportFormat::Pdf, path, {});
    QVERIFY2(result.ok, qPrintable(result.error));
    const QString text = readBack(ExportFormat::Pdf, path).simplified();
    for (const QString& expected :
         {QStringLiteral("CT abdomen report"), QStringLiteral("TESTER, JANE Q"),
          QStringLiteral("PID-4242"), QStringLiteral("Findings"),
          QStringLiteral("20 mm hypodense lesion"), QStringLiteral("Impression"),
          QStringLiteral("Key images"), QStringLiteral("CT 2 / slice 5 of 12"),
          QStringLiteral("Research use only"), QStringLiteral("AI generated, requires review"),
          QStringLiteral("How this draft was made"), QStringLiteral("a3f1c0de"),
          QStringLiteral("AI draft by MedGemma 4B (instruction-tuned)"),
          QStringLiteral("page 1 of")}) {
        QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral("\n---\n") + text));
    }
}

void TestReportExports::deidentifiedExportsNameNoOne_data() {
    QTest::addColumn<ExportFormat>("format");
    for (ExportFormat format : allExportFormats()) {
        QTest::newRow(qPrintable(formatKey(format))) << format;
    }
}

void TestReportExports::deidentifiedExportsNameNoOne() {
    QFETCH(ExportFormat, format);
    ExportOptions options;
    options.deidentify = true;
    options.key = kKey;
    const QString path = m_dir.filePath(QStringLiteral("deid-") + defaultFileName(format));
    const ExportResult result = exportReport(testutil::sampleReport(), format, path, options);
    QVERIFY2(result.ok, qPrintable(result.error));
    const QString text = readBack(format, path);
    const QString pseudonym = pseudonymFor(QStringLiteral("PID-4242"), kKey);
    QVERIFY2(text.contains(pseudonym), qPrintable(text));
    for (const QString& identifier :
         {QStringLiteral("TESTER"), QStringLiteral("Tester"), QStringLiteral("JANE"),
          QStringLiteral("PID-4242"), QStringLiteral("ACC-777"), QStringLiteral("19700102"),
          QStringLiteral("1970-01-02"), QStringLiteral("REFERRER"), QStringLiteral("/models/m/")}) {
        QVERIFY2(!text.contains(identifier),
                 qPrintable(identifier + QStringLiteral(" in\n") + text));
    }
    for (const QString& uid :
         {QStringLiteral("2.25.100"), QStringLiteral("2.25.101"), QStringLiteral("2.25.111")}) {
        const QRegularExpression original(QRegularExpression::escape(uid) +
                                          QStringLiteral("(?![0-9])"));
        QVERIFY2(!original.match(text).hasMatch(),
                 qPrintable(uid + QStringLiteral(" in\n") + text));
    }
    if (format != ExportFormat::Pdf && format != ExportFormat::Text &&
        format != ExportFormat::Markdown) {
        QVERIFY2(text.contains(mappedUid(QStringLiteral("2.25.100"), kKey)), qPrintable(text));
    }
}

void TestReportExports::uidMappingMatchesDicomDeidentifier() {
    const QString study = m_dir.filePath(QStringLiteral("study"));
    QVERIFY(dicom::writeSampleStudy(study.toStdString()).ok());
    const QString source = study + QStringLiteral("/CT/CT001.dcm");
    const QString output = m_dir.filePath(QStringLiteral("deid-ct/CT001.dcm"));
    dicom::DeidOptions options;
    options.uidSecret = kKey.toStdString();
    options.pseudonym =
        pseudonymFor(QString::fromLatin1(dicom::sample::kPatientId), kKey).toStdString();
    QVERIFY(dicom::deidentifyFile(source.toStdString(), output.toStdString(), options).ok());
    const dicom::Collection before = dicom::scanPaths({source.toStdString()});
    const dicom::Collection after = dicom::scanPaths({output.toStdString()});
    const auto& originalStudy = before.patients.at(0).studies.at(0);
    const auto& mappedStudy = after.patients.at(0).studies.at(0);
    QCOMPARE(QString::fromStdString(mappedStudy.studyInstanceUid),
             mappedUid(QString::fromStdString(originalStudy.studyInstanceUid), kKey));
    QCOMPARE(
        QString::fromStdString(mappedStudy.series.at(0).instances.at(0).sopInstanceUid),
        mappedUid(QString::fromStdString(originalStudy.series.at(0).instances.at(0).sopInstanceUid),
                  kKey));
    QCOMPARE(QString::fromStdString(after.patients.at(0).patientId),
             QString::fromStdString(options.pseudonym));
}

void TestReportExports::auditLinesForExports() {
    AuditLog audit(m_dir.filePath(QStringLiteral("audit/audit.jsonl")));
    ExportOptions options;
    options.audit = &audit;
    const ReportDocument doc = testutil::sampleReport();
    const QString fhir = m_dir.filePath(QStringLiteral("audited.fhir.json"));
    QVERIFY(exportReport(doc, ExportFormat::Fhir, fhir, options).ok);
    options.deidentify = true;
    options.key = kKey;
    QVERIFY(exportReport(doc, ExportFormat::Text, m_dir.filePath(QStringLiteral("audited.txt")),
                         options)
                .ok);
    QFile file(audit.path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 3);  // two lines and the final newline
    QVERIFY(lines.last().isEmpty());
    const QJsonObject first = QJsonDocument::fromJson(lines[0]).object();
    QCOMPARE(first.value(QStringLiteral("v")).toInt(), 1);
    QCOMPARE(first.value(QStringLiteral("event")).toString(), QStringLiteral("export"));
    QVERIFY(!first.value(QStringLiteral("user")).toString().isEmpty());
    QVERIFY(QDateTime::fromString(first.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs)
                .isValid());
    QCOMPARE(first.value(QStringLiteral("inputs"))
                 .toArray()[0]
                 .toObject()
                 .value(QStringLiteral("sopInstanceUid"))
                 .toString(),
             QStringLiteral("2.25.111"));
    QCOMPARE(
        first.value(QStringLiteral("model")).toObject().value(QStringLiteral("variant")).toString(),
        QStringLiteral("MedGemma 4B (instruction-tuned)"));
    QCOMPARE(first.value(QStringLiteral("parameters"))
                 .toObject()
                 .value(QStringLiteral("format"))
                 .toString(),
             QStringLiteral("fhir"));
    QCOMPARE(
        first.value(QStringLiteral("output")).toObject().value(QStringLiteral("sha256")).toString(),
        sha256Hex(doc.text));
    QFile exported(fhir);
    QVERIFY(exported.open(QIODevice::ReadOnly));
    QCOMPARE(first.value(QStringLiteral("output"))
                 .toObject()
                 .value(QStringLiteral("fileSha256"))
                 .toString(),
             QString::fromLatin1(
                 QCryptographicHash::hash(exported.readAll(), QCryptographicHash::Sha256).toHex()));
    const QJsonObject second = QJsonDocument::fromJson(lines[1]).object();
    QCOMPARE(second.value(QStringLiteral("parameters"))
                 .toObject()
                 .value(QStringLiteral("deidentified"))
                 .toBool(),
             true);
    QCOMPARE(second.value(QStringLiteral("output"))
                 .toObject()
                 .value(QStringLiteral("sha256"))
                 .toString(),
             sha256Hex(exportedDocument(doc, options).text));
}

void TestReportExports::auditLineForInference() {
    AuditLog audit(m_dir.filePath(QStringLiteral("inference.jsonl")));
    DraftStats stats;
    stats.promptTokens = 812;
    stats.generatedTokens = 23;
    const DraftProvenance p = testutil::sampleProvenance();
    QVERIFY(audit.appendInference(7, p, QStringLiteral("FINDINGS: clear."), DraftEnd::Completed,
                                  stats));
    QFile file(audit.path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject line = QJsonDocument::fromJson(file.readLine()).object();
    QCOMPARE(line.value(QStringLiteral("event")).toString(), QStringLiteral("inference"));
    QCOMPARE(line.value(QStringLiteral("requestId")).toInt(), 7);
    const QJsonObject model = line.value(QStringLiteral("model")).toObject();
    QCOMPARE(model.value(QStringLiteral("weights"))
                 .toArray()[0]
                 .toObject()
                 .value(QStringLiteral("sha256"))
                 .toString(),
             p.weights[0].sha256);
    QVERIFY(model.value(QStringLiteral("weights"))
                .toArray()[1]
                .toObject()
                .value(QStringLiteral("sha256"))
                .isNull());
    const QJsonObject parameters = line.value(QStringLiteral("parameters")).toObject();
    QCOMPARE(parameters.value(QStringLiteral("sampling"))
                 .toObject()
                 .value(QStringLiteral("seed"))
                 .toString(),
             QStringLiteral("18446744073709551557"));
    QCOMPARE(parameters.value(QStringLiteral("promptSha256")).toString(),
             sha256Hex(p.renderedPrompt));
    QCOMPARE(line.value(QStringLiteral("inputs"))
                 .toArray()[0]
                 .toObject()
                 .value(QStringLiteral("region"))
                 .toArray()
                 .size(),
             4);
    QCOMPARE(
        line.value(QStringLiteral("output")).toObject().value(QStringLiteral("sha256")).toString(),
        sha256Hex(QStringLiteral("FINDINGS: clear.")));
    QCOMPARE(
        line.value(QStringLiteral("output")).toObject().value(QStringLiteral("outcome")).toString(),
        QStringLiteral("completed"));
}

QTEST_MAIN(TestReportExports)
#include "test_report_exports.moc"
