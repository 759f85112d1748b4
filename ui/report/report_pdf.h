#pragma once
// The report as a PDF (A4, text as text so it can be searched and copied):
//   a title block (report title and status, patient and study), a notice band (the review
//   statement and research notice), the sections, the key images (the pictures the model
//   read, with their source and recipe), the clinician's changes to the AI draft (word-level
//   diff, when there are any), the provenance (model, weights, template, sampling,
//   inputs, times, the full prompt), and on every page a footer with the model, the first
//   digits of the weights' SHA-256, the notice and the page number.
// Needs a QGuiApplication (fonts); the "offscreen" platform is enough, so it runs headless.
// Thread-safety: any single thread (QTextDocument and QPdfWriter are not shared).

#include <QString>

#include "ui/report/report_document.h"

namespace ui {

// The report body as HTML (also the rich-text flavour of "Copy report"). Key images refer to
// "keyimage:<n>" resources, which reportPdf adds; elsewhere they are left out.
QString reportHtml(const ReportDocument& doc, bool withImages);

// False with a message when the file cannot be written.
bool writeReportPdf(const ReportDocument& doc, const QString& path, QString* error);

}  // namespace ui
