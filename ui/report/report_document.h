#pragma once
// The report as data (QtCore only, no widgets, so a headless draft uses it too): its text and
// sections, its status (AI draft, edited, final), its versions, the drafts the model made with
// their provenance, the study it belongs to and the exact images the drafts read.
// Saved as JSON by report_json.h; journalled by report_journal.h.
// Thread-safety: plain values.

#include <QDateTime>
#include <QImage>
#include <QList>
#include <QRect>
#include <QString>

#include "ui/drafting_service.h"
#include "ui/report/report_sections.h"

namespace ui {

enum class ReportStatus {
    AiDraft,  // the text is what the model wrote, not yet changed by the clinician
    Edited,   // the clinician typed or changed something
    Final,    // the clinician marked it final
};

QString statusKey(ReportStatus status);  // "ai-draft", "edited", "final"
bool statusFromKey(const QString& key, ReportStatus* status);

// The patient and study the report belongs to, copied from the DICOM headers.
struct PatientStudyLink {
    QString patientName;  // DICOM PN with '^' separators
    QString patientId;
    QString birthDate;  // YYYYMMDD
    QString sex;
    QString studyInstanceUid;
    QString studyId;
    QString accessionNumber;
    QString studyDate;  // YYYYMMDD
    QString studyTime;  // HHMMSS(.ffffff)
    QString studyDescription;
    QString referringPhysician;
};

// One image a draft read: where it came from and how it was turned into the model's picture.
struct ImageLink {
    QString studyInstanceUid;
    QString seriesInstanceUid;
    QString sopClassUid;
    QString sopInstanceUid;
    int frame = 0;       // 0-based
    int frameCount = 1;  // frames of the instance (1: single-frame)
    QRect region;        // frame pixels the picture was cropped to; empty = whole frame
    QString recipe;      // e.g. "ct-3-windows (...), padded to square"
    QString label;       // e.g. "CT 2 / slice 5 of 12"
    QString modality;
    QString sourcePath;  // the file it was read from (for the SR's patient/study copy)
    QImage picture;      // what the model saw, at most 512 px; null when not kept
};

enum class DraftOutcome { Completed, LengthLimit, Stopped };
QString outcomeKey(DraftOutcome outcome);  // "completed", "length-limit", "stopped"

// One run of the model that wrote into the report.
struct DraftRecord {
    DraftProvenance provenance;  // images hold no pixels here (see ReportDocument::images)
    DraftOutcome outcome = DraftOutcome::Completed;
    QString output;  // exactly what the model wrote
    int promptTokens = 0;
    int generatedTokens = 0;
};

struct ReportVersion {
    int number = 0;  // 1, 2, ...
    ReportStatus status = ReportStatus::Edited;
    QDateTime time;  // UTC
    QString text;
    QString note;  // why it was recorded: "draft", "save", "final"
};

struct ReportDocument {
    QString id;     // a UUID without braces
    QString title;  // e.g. "CT abdomen report"; empty: a generic title
    QString language = QStringLiteral("en");
    ReportStatus status = ReportStatus::Edited;
    QDateTime created;   // UTC
    QDateTime modified;  // UTC
    QString text;        // the whole report as the clinician sees it
    PatientStudyLink study;
    QList<ImageLink> images;  // every image any draft read, in first-use order
    QList<DraftRecord> drafts;
    QList<ReportVersion> versions;

    static ReportDocument create();  // fresh id and times

    QList<SectionText> sections() const { return splitSections(text); }
    bool isEmpty() const { return text.trimmed().isEmpty() && drafts.isEmpty(); }
    const DraftRecord* lastDraft() const { return drafts.isEmpty() ? nullptr : &drafts.last(); }
    // The newest version the model wrote, or null when the report never had an AI draft.
    const ReportVersion* lastAiVersion() const;
    // Appends a version of the current text (skipped when it equals the newest version's text
    // and status). Returns the version now newest.
    const ReportVersion& recordVersion(const QString& note);
    QString displayTitle() const;  // title, else "Imaging report"
};

}  // namespace ui
