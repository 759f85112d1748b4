#pragma once
// Health-record text for the text assistant: a .txt file as it is, or a FHIR R4 JSON file (a
// Bundle or a single resource) summarised into short readable lines grouped by resource type:
// patient, conditions, medications, allergies, observations with values and units, procedures,
// encounters, reports, immunisations. MedGemma reads such lines far more cheaply than raw JSON
// (a FHIR Bundle is mostly syntax). JSON that is not FHIR is passed as compact JSON text.
// Thread-safety: pure functions; loading reads the file on the calling thread (records are
// small; callers off the GUI thread for large files).

#include <QJsonObject>
#include <QString>

namespace ui {

struct HealthRecord {
    QString title;      // file name
    QString text;       // what goes into the prompt
    int resources = 0;  // FHIR resources summarised; 0 for plain text
    bool fhir = false;
    QString error;  // non-empty: the file could not be used
};

HealthRecord loadHealthRecord(const QString& path);
HealthRecord healthRecordFromText(const QString& title, const QByteArray& bytes, bool json);

// The summary of a FHIR Bundle or resource; empty when `root` is not FHIR.
QString summariseFhir(const QJsonObject& root, int* resourceCount = nullptr);

// Keeps the first `maxChars` characters, cut at a line end, and says what was left out.
QString trimToChars(const QString& text, int maxChars);

}  // namespace ui
