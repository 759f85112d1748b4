#include "ui/report/report_export.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

#include "ui/report/audit_log.h"
#include "ui/report/report_deid.h"
#include "ui/report/report_fhir.h"
#include "ui/report/report_pdf.h"
#include "ui/report/report_sr.h"
#include "ui/report/report_text.h"

namespace ui {
namespace {

class Text {
    Q_DECLARE_TR_FUNCTIONS(ui::ReportExport)
};

bool writeBytes(const QString& path, const QByteArray& bytes, QString* error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = Text::tr("%1 cannot be written: %2")
                     .arg(QFileInfo(path).absoluteFilePath(), file.errorString());
        return false;
    }
    return true;
}

bool writeFormat(const ReportDocument& doc, ExportFormat format, bool deidentified,
                 const QString& path, QString* error) {
    switch (format) {
        case ExportFormat::DicomSr:
            return writeReportSr(doc, deidentified, path, error);
        case ExportFormat::Pdf:
            return writeReportPdf(doc, path, error);
        case ExportFormat::Fhir:
            return writeBytes(path, QJsonDocument(fhirBundle(doc)).toJson(QJsonDocument::Indented),
                              error);
        case ExportFormat::Text:
            return writeBytes(path, plainTextReport(doc).toUtf8(), error);
        case ExportFormat::Markdown:
            break;
    }
    return writeBytes(path, markdownReport(doc).toUtf8(), error);
}

}  // namespace

QList<ExportFormat> allExportFormats() {
    return {ExportFormat::DicomSr, ExportFormat::Pdf, ExportFormat::Fhir, ExportFormat::Text,
            ExportFormat::Markdown};
}

QString formatKey(ExportFormat format) {
    switch (format) {
        case ExportFormat::DicomSr:
            return QStringLiteral("dicom-sr");
        case ExportFormat::Pdf:
            return QStringLiteral("pdf");
        case ExportFormat::Fhir:
            return QStringLiteral("fhir");
        case ExportFormat::Text:
            return QStringLiteral("text");
        case ExportFormat::Markdown:
            break;
    }
    return QStringLiteral("markdown");
}

bool formatFromKey(const QString& key, ExportFormat* format) {
    const QString k = key.trimmed().toLower();
    const QList<QPair<QString, ExportFormat>> aliases{
        {QStringLiteral("sr"), ExportFormat::DicomSr},
        {QStringLiteral("dcm"), ExportFormat::DicomSr},
        {QStringLiteral("txt"), ExportFormat::Text},
        {QStringLiteral("md"), ExportFormat::Markdown}};
    for (ExportFormat f : allExportFormats()) {
        if (formatKey(f) == k) {
            *format = f;
            return true;
        }
    }
    for (const auto& [alias, f] : aliases) {
        if (alias == k) {
            *format = f;
            return true;
        }
    }
    return false;
}

QString defaultFileName(ExportFormat format) {
    switch (format) {
        case ExportFormat::DicomSr:
            return QStringLiteral("report.dcm");
        case ExportFormat::Pdf:
            return QStringLiteral("report.pdf");
        case ExportFormat::Fhir:
            return QStringLiteral("report.fhir.json");
        case ExportFormat::Text:
            return QStringLiteral("report.txt");
        case ExportFormat::Markdown:
            break;
    }
    return QStringLiteral("report.md");
}

ReportDocument exportedDocument(const ReportDocument& doc, const ExportOptions& options) {
    if (!options.deidentify) {
        return doc;
    }
    return deidentifyReport(doc, options.key.isEmpty() ? installationKey() : options.key);
}

ExportResult exportReport(const ReportDocument& doc, ExportFormat format, const QString& path,
                          const ExportOptions& options) {
    const ReportDocument out = exportedDocument(doc, options);
    ExportResult result;
    result.ok = writeFormat(out, format, options.deidentify, path, &result.error);
    if (result.ok && options.audit) {
        options.audit->appendExport(doc, formatKey(format), QFileInfo(path).absoluteFilePath(),
                                    options.deidentify, out.text);
    }
    return result;
}

}  // namespace ui
