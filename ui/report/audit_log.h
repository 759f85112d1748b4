#pragma once
// The audit log: one JSON line per inference and per export, appended (O_APPEND, one write per
// line, synced to the disk) to <AppDataLocation>/audit.jsonl, never rewritten. QtCore only, so
// the workstation, its drafting service and the command line write the same lines.
//
// Every line has "v": 1, "event", "time" (UTC, ms), "user" (the operating-system account),
// "host", "app" (application version), "inputs", "model", "parameters" and "output":
//   {"v":1,"event":"inference","time":"2025-01-31T09:13:40.004Z","user":"rad1","host":"ws7",
//    "app":"0.1.0","requestId":7,
//    "inputs":[{"sopInstanceUid":"1.2...","frame":0,"region":null,"recipe":"projection (...)",
//               "label":"DX 1"}],
//    "model":{"id":"medgemma-4b-it","variant":"MedGemma 4B (instruction-tuned)",
//             "dtype":"bfloat16","device":"cpu",
//             "weights":[{"path":".../model-00001-of-00002.safetensors","bytes":4961251752,
//                         "sha256":"ab12..."}]},
//    "parameters":{"template":"cxr-report v1","sampling":{...},"promptSha256":"...",
//                  "promptTokens":812},
//    "output":{"outcome":"completed","sha256":"<SHA-256 of the UTF-8 text>","chars":934,
//              "generatedTokens":143}}
//   {"v":1,"event":"export", ... ,"report":"<report id>",
//    "inputs":[{"studyInstanceUid":"...","seriesInstanceUid":"...","sopInstanceUid":"...",
//               "frame":0}],
//    "model":{... of the last draft, or null ...},
//    "parameters":{"format":"dicom-sr" | "pdf" | "fhir" | "text" | "markdown" | "clipboard",
//                  "deidentified":true,"path":"/out/report.dcm" ("" for the clipboard),
//                  "status":"final"},
//    "output":{"sha256":"<SHA-256 of the exported report text>","fileSha256":"...",
//              "bytes":20412}}
// "sha256" of a weight file is null while it is still being computed.
// Thread-safety: re-entrant; concurrent writers (threads or processes) append whole lines.

#include <QJsonObject>
#include <QString>

#include "ui/drafting_service.h"
#include "ui/report/report_document.h"

namespace ui {

class AuditLog {
public:
    static QString defaultPath();  // <AppDataLocation>/audit.jsonl
    static QString userName();     // the operating-system account

    explicit AuditLog(const QString& path = defaultPath());
    const QString& path() const { return m_path; }

    bool appendInference(int requestId, const DraftProvenance& provenance, const QString& output,
                         DraftEnd end, const DraftStats& stats);
    // `doc` is the report as kept (its UIDs are the inputs); `exportedText` is the report text
    // as written out (de-identified when asked); `filePath` empty for the clipboard.
    bool appendExport(const ReportDocument& doc, const QString& format, const QString& filePath,
                      bool deidentified, const QString& exportedText);
    // Adds "v", "event", "time", "user", "host" and "app" to `fields` and appends the line.
    bool append(const QString& event, QJsonObject fields);
    QString lastError() const { return m_error; }

private:
    QString m_path;
    QString m_error;
};

}  // namespace ui
