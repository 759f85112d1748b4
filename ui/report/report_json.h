#pragma once
// The report file: JSON, UTF-8, one object (saved with QSaveFile, so a crash never leaves half
// a file). Format version 1:
//   {"format": "medgemma-workstation-report", "formatVersion": 1,
//    "id": "2f0c...", "title": "", "language": "en", "status": "ai-draft" | "edited" | "final",
//    "created": "2025-01-31T09:12:00.000Z", "modified": "...",
//    "text": "FINDINGS: ...\nIMPRESSION: ...",
//    "sections": [{"kind": "findings" | "impression" | "other", "title": "FINDINGS",
//                  "text": "..."}],                                   (derived; not read back)
//    "study": {"patientName", "patientId", "birthDate", "sex", "studyInstanceUid", "studyId",
//              "accessionNumber", "studyDate", "studyTime", "studyDescription",
//              "referringPhysician"},
//    "images": [{"studyInstanceUid", "seriesInstanceUid", "sopClassUid", "sopInstanceUid",
//                "frame": 0, "frameCount": 1, "region": [x, y, w, h] | null, "recipe",
//                "label", "modality", "sourcePath",
//                "picture": "data:image/jpeg;base64,..." (optional)}],
//    "drafts": [{"outcome": "completed" | "length-limit" | "stopped", "output": "...",
//                "outputSha256": "...", "promptTokens": 812, "generatedTokens": 143,
//                "provenance": {... report_provenance.h ...}}],
//    "versions": [{"number": 1, "status": "ai-draft", "time": "...", "note": "draft",
//                  "text": "..."}],
//    "changesFromAiDraft": {"equalWords": 40, "insertedWords": 3, "deletedWords": 2,
//                           "markup": "The lungs [-are-]{+look+} clear."}   (derived)}
// Readers reject other "format" values and newer "formatVersion"s; unknown keys are ignored,
// so later versions may add keys without breaking older readers.
// Thread-safety: pure functions; file functions are re-entrant.

#include <optional>

#include <QJsonObject>
#include <QString>

#include "ui/report/report_document.h"

namespace ui {

inline constexpr int kReportFormatVersion = 1;

// `pictures` false leaves the key images out (the journal's frequent records).
QJsonObject reportToJson(const ReportDocument& doc, bool pictures = true);
std::optional<ReportDocument> reportFromJson(const QJsonObject& object, QString* error);

bool saveReportFile(const ReportDocument& doc, const QString& path, QString* error);
std::optional<ReportDocument> loadReportFile(const QString& path, QString* error);

// The key image as it is kept in the file: JPEG, at most 512 px on the long side.
QImage keyImagePicture(const QImage& modelPicture);

}  // namespace ui
