#pragma once
// JournalWriter: appends lines to a file on its own thread and forces each batch to the disk
// (fsync), so that the caller never waits on the disk and what was handed over survives a
// crash or kill -9 of the process within milliseconds. replace() swaps the whole file for new
// content atomically (write a temporary file, sync, rename), for compaction.
// Ownership: owns its thread; the destructor writes everything queued, then joins it.
// Thread-safety: append(), replace(), sync() and bytesWritten() may be called from any thread.
// Failure modes: write errors are kept in lastError() (the session reports them); queued data
// is not retried.

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QString>
#include <QWaitCondition>

class QThread;

namespace ui {

class JournalWriter {
public:
    explicit JournalWriter(const QString& path);
    ~JournalWriter();
    JournalWriter(const JournalWriter&) = delete;
    JournalWriter& operator=(const JournalWriter&) = delete;

    void append(const QByteArray& bytes);
    void replace(const QByteArray& content);
    // Blocks until everything handed over so far is on the disk.
    void sync();

    qint64 bytesWritten() const;  // the file's size as far as this writer knows
    QString lastError() const;
    const QString& path() const { return m_path; }

private:
    struct Op {
        bool replace = false;
        QByteArray data;
    };
    void run();
    void enqueue(Op op);

    const QString m_path;
    mutable QMutex m_mutex;
    QWaitCondition m_wake;
    QWaitCondition m_done;
    QList<Op> m_queue;
    qint64 m_queued = 0;    // operations handed over
    qint64 m_finished = 0;  // operations on the disk
    qint64 m_bytes = 0;
    bool m_stopping = false;
    QString m_error;
    QThread* m_thread = nullptr;
};

}  // namespace ui
