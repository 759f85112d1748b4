#pragma once
// Provenance of a draft as JSON (for the report file, the journal and the audit log) and as
// short lines people read (for the PDF, text, SR and FHIR exports).
//
// JSON shape (inside a report's "drafts"[i]."provenance"):
//   {"template": {"name": "cxr-report v3 (edited)", "id": "cxr-report", "version": 3},
//    "sampling": {"temperature": 0, "topK": 64, "topP": 0.95, "minP": 0,
//                 "repetitionPenalty": 1, "seed": "0", "maxNewTokens": 1024},
//    "inputs": [{"sopInstanceUid": "1.2...", "frame": 0, "region": [x, y, w, h] | null,
//                "recipe": "projection (...)", "label": "DX 1 / image 1 of 1"}],
//    "model": {"id": "medgemma-4b-it", "variant": "MedGemma 4B (instruction-tuned)",
//              "dtype": "bfloat16", "device": "cpu",
//              "weights": [{"path": "/models/.../model-00001-of-00002.safetensors",
//                           "bytes": 4961251752, "sha256": "ab12..." | null}]},
//    "prompt": "<bos><start_of_turn>user\n...", "applicationVersion": "0.1.0",
//    "started": "2025-01-31T09:12:03.120Z", "finished": "2025-01-31T09:13:40.004Z"}
// The seed is a string: a 64-bit integer does not survive JSON numbers (doubles).
// Thread-safety: pure functions.

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include "ui/drafting_service.h"

namespace ui {

QJsonObject provenanceToJson(const DraftProvenance& provenance);
DraftProvenance provenanceFromJson(const QJsonObject& object);  // missing keys: defaults

QJsonObject samplingToJson(const DraftSampling& sampling);
QJsonObject modelToJson(const DraftProvenance& provenance);
QJsonArray inputsToJson(const QList<DraftImage>& images);

QJsonValue regionToJson(const QRect& region);  // [x, y, w, h], or null when empty
QRect regionFromJson(const QJsonValue& value);
QString isoUtc(const QDateTime& time);  // "2025-01-31T09:12:03.120Z"; "" when invalid

// "cxr-report v3 (edited)" -> id "cxr-report", version 3 (0 when the name has no version).
QString templateId(const QString& templateName);
int templateVersion(const QString& templateName);

// Lines people read, e.g. "Model: MedGemma 4B (instruction-tuned) (medgemma-4b-it), bfloat16 on
// CPU", "Sampling: greedy (temperature 0), seed 0, at most 1024 new tokens", one line per
// weight file "model-00001-of-00002.safetensors SHA-256 ab12…", template, inputs, times.
QString modelLine(const DraftProvenance& p);
QString samplingLine(const DraftSampling& s);
QStringList weightLines(const DraftProvenance& p);
QString inputLine(const DraftImage& image);
QStringList provenanceLines(const DraftProvenance& p);

// Lowercase hex SHA-256 of the UTF-8 text.
QString sha256Hex(const QString& text);

}  // namespace ui
