#pragma once
// ReportSession: the open report's life, without widgets (the GUI binds an editor to it; a
// headless draft feeds it directly). It keeps the ReportDocument, follows drafts as they stream
// (every chunk journalled at once), journals the clinician's typing at most
// kJournalIntervalMs after it happens, records each finished draft with its provenance and the
// images it read, keeps versions and status, saves the report and compacts the journal.
//
// The text has one owner: with a text source (the editor), the session reads the text from it;
// without one, the session's own text is the streamed chunks.
// Ownership: owns its journal; the text source must outlive the session or be cleared.
// Thread-safety: the thread the session lives on (the GUI thread in the workstation).

#include <functional>
#include <memory>

#include <QObject>
#include <QTimer>

#include "dicom/study.h"
#include "ui/drafting_service.h"
#include "ui/report/report_document.h"

namespace ui {

class ReportJournal;

// Typing reaches the journal at most this long after it happened (well inside the 2 s that a
// crash may cost).
inline constexpr int kJournalIntervalMs = 1000;

class ReportSession : public QObject {
    Q_OBJECT
public:
    // `journalDirectory` empty: nothing is journalled (the report does not survive a crash).
    explicit ReportSession(const QString& journalDirectory, QObject* parent = nullptr);
    ~ReportSession() override;

    const ReportDocument& document() const { return m_doc; }
    QString filePath() const { return m_filePath; }
    bool isModified() const;
    bool isDrafting() const { return m_requestId != 0; }
    QString journalPath() const;

    void setTextSource(std::function<QString()> source);
    void textEdited();  // the source's text changed

    void beginDraft(int requestId);
    void appendDraftText(int requestId, const QString& text);
    // Records the draft: its output, provenance and images (linked through `collection`), an
    // AI-draft version of the whole text, and status AI draft.
    void finishDraft(int requestId, DraftEnd end, const DraftStats& stats,
                     const dicom::Collection& collection);
    void abandonDraft(int requestId);  // a failed draft: its text stays, unrecorded
    void applyWeightDigests(const QList<WeightDigest>& digests);

    void newReport();
    // Makes `doc` the open report (restored from a journal, or opened from `filePath`). A
    // non-empty report is journalled and synced to the disk before this returns.
    void adopt(const ReportDocument& doc, const QString& filePath = {});
    bool save(const QString& path, QString* error);
    void markFinal();
    // Journals what changed now and waits until it is on the disk.
    void flushJournal();
    // A clean end: the journal is deleted when nothing is left to recover.
    void close();

Q_SIGNALS:
    void documentChanged();                  // status, drafts, versions, file or journal changed
    void textReplaced(const QString& text);  // newReport/adopt: the owner shows this text

private:
    QString currentText() const;
    void syncText();
    void ensureJournal();
    void touch();

    ReportDocument m_doc;
    QString m_filePath;
    QString m_savedText;       // the text at the last save (or load)
    int m_savedVersions = 0;   // versions at the last save
    QString m_streamed;        // what the running draft wrote so far
    QString m_afterDraftText;  // the text when the last draft ended
    int m_requestId = 0;
    std::function<QString()> m_textSource;
    std::unique_ptr<ReportJournal> m_journal;
    QString m_journalDirectory;
    QTimer m_journalTimer;
};

}  // namespace ui
