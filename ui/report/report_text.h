#pragma once
// The report as plain text and as Markdown (export, clipboard), and the wording every export
// shares: the title block's fields, the review statement and the research notice.
//
// Plain text:
//   IMAGING REPORT (AI draft)
//   Patient: DOE, JANE  ID: 12345  Born: 1970-01-02  Sex: F
//   Study: CT ABDOMEN  Date: 2024-01-02 10:11  Accession: A1
//   Study Instance UID: 1.2.3
//   AI generated, requires review by a qualified clinician. Research use only ...
//
//   FINDINGS
//   ...
//   IMPRESSION
//   ...
//
//   Provenance
//   Model: ...   (report_provenance.h lines, one per line)
//
//   Prompt as the model read it (...):
//   <bos><start_of_turn>user ...
// Markdown has the same content with "#"/"##" headings, a field table, a bullet list and the
// prompt in a fenced block.
// Thread-safety: pure functions.

#include <QList>
#include <QPair>
#include <QString>

#include "ui/report/report_document.h"

namespace ui {

QString reviewStatement(const ReportDocument& doc);  // "AI generated, requires review ..."
QString researchNotice();                            // "Research use only — not for diagnosis."
QString statusText(ReportStatus status);             // "AI draft", "Edited", "Final"
QString promptHeading();  // "Prompt as the model read it (each <start_of_image> is one image):"
QString formatDicomDate(const QString& yyyymmdd);  // "2024-01-02"; input as is otherwise
QString formatPersonName(const QString& pn);       // "DOE^JANE" -> "DOE, JANE"

// (label, value) pairs of the title block; empty values left out.
QList<QPair<QString, QString>> patientFields(const PatientStudyLink& study);
QList<QPair<QString, QString>> studyFields(const PatientStudyLink& study);  // without the UID
QString studyUidLine(const PatientStudyLink& study);  // "Study Instance UID: 1.2.3"

QString plainTextReport(const ReportDocument& doc);
QString markdownReport(const ReportDocument& doc);

}  // namespace ui
