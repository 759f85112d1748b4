#pragma once
// The report as a DICOM Basic Text SR (layout in dicom/sr_report.h): the sections, the review
// statement, the model as device observer and its provenance as text items, and the images
// the drafts read as evidence. The patient and study come from the first linked source file
// (DCMTK copies its modules) unless the document is de-identified (or has no source file);
// then from the document's own study link.
// Thread-safety: pure functions, except that writeReportSr writes a file.

#include <QString>

#include "dicom/sr_report.h"
#include "ui/report/report_document.h"

namespace ui {

dicom::SrReport toSrReport(const ReportDocument& doc, bool deidentified);
bool writeReportSr(const ReportDocument& doc, bool deidentified, const QString& path,
                   QString* error);

}  // namespace ui
