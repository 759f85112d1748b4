#pragma once
// One entry point for every export format, used by the File menu and the command line alike:
// de-identifies when asked (report_deid.h, with the workstation's key), writes the file, and
// appends the export's audit line.
//   DicomSr   report.dcm        Basic Text SR (report_sr.h)
//   Pdf       report.pdf        (report_pdf.h; needs a QGuiApplication)
//   Fhir      report.fhir.json  Bundle: DiagnosticReport + Device + Provenance (report_fhir.h)
//   Text      report.txt        UTF-8 (report_text.h)
//   Markdown  report.md         UTF-8 (report_text.h)
// Thread-safety: any single thread; see the formats' own notes.

#include <QByteArray>
#include <QList>
#include <QString>

#include "ui/report/report_document.h"

namespace ui {

class AuditLog;

enum class ExportFormat { DicomSr, Pdf, Fhir, Text, Markdown };

QList<ExportFormat> allExportFormats();
QString formatKey(ExportFormat format);  // "dicom-sr", "pdf", "fhir", "text", "markdown"
bool formatFromKey(const QString& key, ExportFormat* format);  // also "sr", "txt", "md"
QString defaultFileName(ExportFormat format);                  // "report.dcm", "report.pdf", ...

struct ExportOptions {
    bool deidentify = false;
    QByteArray key;             // de-identification key; empty: installationKey()
    AuditLog* audit = nullptr;  // where the export's line goes; null: not audited
};

struct ExportResult {
    bool ok = false;
    QString error;
};

// The document as it leaves the workstation (de-identified when asked).
ReportDocument exportedDocument(const ReportDocument& doc, const ExportOptions& options);

ExportResult exportReport(const ReportDocument& doc, ExportFormat format, const QString& path,
                          const ExportOptions& options);

}  // namespace ui
