#pragma once
// De-identification of a report for export, with the profile dicom/deidentify.h applies to
// images by default (DICOM PS3.15 Annex E: Basic Application Confidentiality Profile with the
// Retain Longitudinal Temporal Information with Full Dates and the Clean Descriptors options):
//   Patient Name, Patient ID      -> one pseudonym, "ANON-" + 10 hex digits
//   Birth Date, Sex, Study ID, Accession Number, Referring Physician -> removed
//   Study Date and Time           -> kept (full dates option)
//   Study Description             -> kept, cleaned of the identifiers below
//   Study, Series, SOP Instance UIDs -> replaced exactly as dicom::Deidentifier replaces them
//                                    under the same secret ("2.25." + 128 bits of
//                                    SHA-256(len(secret) ":" secret uid)), so a report and its
//                                    images de-identified with one secret still match
//   source file paths             -> removed; weight files keep their names only
//   free text (report, versions, drafts' output and prompt): the patient's name parts (as
//   capitalised or upper-case words), ID, accession number and birth date are replaced by the
//   pseudonym or "[removed]".
// The pseudonym is HMAC-SHA-256 of the patient ID under the secret: the same patient gets the
// same pseudonym in every export (SR, PDF, FHIR, text) and report.
// Thread-safety: pure functions, except installationKey() (QSettings, GUI thread).

#include <QByteArray>
#include <QString>

#include "ui/report/report_document.h"

namespace ui {

// The workstation's secret: 64 random hex digits created on first use and kept in the
// settings; pass it as dicom::DeidOptions::uidSecret too, so images and reports match.
QByteArray installationKey();

QString pseudonymFor(const QString& patientId, const QByteArray& key);
QString mappedUid(const QString& uid, const QByteArray& key);  // "" stays ""
// Replaces the identifying strings of `study` in free text.
QString scrubText(const QString& text, const PatientStudyLink& study, const QString& pseudonym);

ReportDocument deidentifyReport(const ReportDocument& doc, const QByteArray& key);

}  // namespace ui
