#pragma once
// The report as FHIR R4 JSON: a Bundle of type "collection" holding
//   DiagnosticReport  status "preliminary" ("final" once the clinician marked it final),
//                     category RAD, code LOINC 18748-4, subject by the patient identifier,
//                     effectiveDateTime the study date, issued, imagingStudy by the Study
//                     Instance UID (identifier urn:dicom:uid / urn:oid:...), conclusion (the
//                     impression), presentedForm (the plain-text report, base64), and a meta tag
//                     AIAST ("artificial intelligence asserted") while an AI draft is in it;
//   Device            the model: names, manufacturer, model number, version entries for the
//                     application and each weight file's SHA-256;
//   Provenance        target the report, recorded (when the draft finished), occurredPeriod,
//                     activity CREATE, agent author = the Device (and verifier = the user once
//                     final), entity source = each input image by SOP Instance UID; no signature.
// Entries are linked by "urn:uuid:" full URLs. No element is empty (FHIR JSON forbids it).
// Thread-safety: pure functions.

#include <QJsonObject>

#include "ui/report/report_document.h"

namespace ui {

QJsonObject fhirBundle(const ReportDocument& doc);

// "urn:oid:1.2.3" for a DICOM UID (FHIR's form of an OID identifier value).
QString urnOid(const QString& uid);

}  // namespace ui
