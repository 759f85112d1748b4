#pragma once
// The open report's journal: an append-only file of JSON lines in the application's data
// directory (<AppDataLocation>/report-journal/report-<id>.journal), each line on the disk
// (fsync) within milliseconds of the call, so that after a crash or kill -9 the next start can
// rebuild the report. Records, one per line:
//   {"type":"document","journal":1,"t":1738315923120,"doc":{...report_json.h...}}
//       the whole report (first line, after each draft, status change and save)
//   {"type":"draft-begin","t":...,"request":7}     a draft starts streaming at the end
//   {"type":"chunk","t":...,"request":7,"text":"FINDINGS: "}    every streamed chunk
//   {"type":"text","t":...,"text":"...the whole text..."}       what the clinician typed
// "t" is milliseconds since 1970 (UTC). Replaying applies them in order; a torn last line (the
// process died while writing it) is skipped. Saving compacts the file to one document record.
//
// A journal belongs to the process that holds its lock file (<journal>.lock, QLockFile). A
// journal whose lock no live process holds is an orphan: its report was not closed cleanly.
//
// Ownership: owns its JournalWriter (the file) and the lock.
// Thread-safety: GUI thread (or the one thread that owns the report); writes happen on the
// writer's thread.

#include <memory>
#include <optional>

#include <QDateTime>
#include <QList>
#include <QString>

#include "ui/report/report_document.h"

class QLockFile;

namespace ui {

class JournalWriter;

class ReportJournal {
public:
    static QString defaultDirectory();  // <AppDataLocation>/report-journal

    explicit ReportJournal(const QString& directory);
    ~ReportJournal();  // closes the file and releases the lock; the file stays
    ReportJournal(const ReportJournal&) = delete;
    ReportJournal& operator=(const ReportJournal&) = delete;

    // Starts a new journal file for `doc` (closing any current one, which stays on disk).
    // False when the directory or file cannot be created.
    bool open(const ReportDocument& doc);
    bool isOpen() const { return m_writer != nullptr; }
    QString path() const { return m_path; }

    void recordDocument(const ReportDocument& doc);
    void recordDraftBegin(int requestId);
    void recordChunk(int requestId, const QString& text);
    void recordText(const QString& text);
    // Rewrites the file as one document record.
    void compact(const ReportDocument& doc);
    // Closes and deletes the file (a clean end: nothing left to recover).
    void discard();
    void sync();  // blocks until every record so far is on the disk
    qint64 size() const;
    QString lastError() const;

    struct Orphan {
        QString path;
        ReportDocument document;
        QDateTime lastWrite;  // UTC
    };
    // Journals in `directory` that no live process holds, newest first, with their replayed
    // reports (empty ones and unreadable ones left out).
    static QList<Orphan> findOrphans(const QString& directory);
    static std::optional<ReportDocument> replay(const QString& path);
    static void remove(const QString& path);  // the journal and its lock file

private:
    void write(const QByteArray& line);

    QString m_directory;
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<JournalWriter> m_writer;
};

}  // namespace ui
