#include "ui/report/journal_writer.h"

#include <QFile>
#include <QMutexLocker>
#include <QSaveFile>
#include <QThread>

#include "ui/report/file_sync.h"

namespace ui {
namespace {

bool writeReplacement(const QString& path, const QByteArray& content, QString* error) {
    QSaveFile file(path);  // commits by rename, so a crash leaves the old or the new journal
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() ||
        !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

}  // namespace

JournalWriter::JournalWriter(const QString& path) : m_path(path) {
    m_bytes = QFile(path).size();
    m_thread = QThread::create([this] { run(); });
    m_thread->setObjectName(QStringLiteral("report-journal"));
    m_thread->start();
}

JournalWriter::~JournalWriter() {
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_wake.wakeAll();
    }
    m_thread->wait();
    delete m_thread;
}

void JournalWriter::append(const QByteArray& bytes) {
    enqueue(Op{false, bytes});
}
void JournalWriter::replace(const QByteArray& content) {
    enqueue(Op{true, content});
}

void JournalWriter::enqueue(Op op) {
    QMutexLocker lock(&m_mutex);
    m_queue.append(std::move(op));
    ++m_queued;
    m_wake.wakeAll();
}

void JournalWriter::sync() {
    QMutexLocker lock(&m_mutex);
    const qint64 target = m_queued;
    while (m_finished < target) {
        m_done.wait(&m_mutex);
    }
}

qint64 JournalWriter::bytesWritten() const {
    QMutexLocker lock(&m_mutex);
    return m_bytes;
}

QString JournalWriter::lastError() const {
    QMutexLocker lock(&m_mutex);
    return m_error;
}

void JournalWriter::run() {
    QFile file(m_path);
    QString error;
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        error = file.errorString();
    }
    for (;;) {
        QList<Op> batch;
        {
            QMutexLocker lock(&m_mutex);
            while (m_queue.isEmpty() && !m_stopping) {
                m_wake.wait(&m_mutex);
            }
            if (m_queue.isEmpty()) {
                break;
            }
            batch.swap(m_queue);
        }
        qint64 size = -1;
        for (const Op& op : batch) {
            if (op.replace) {
                file.close();
                if (writeReplacement(m_path, op.data, &error)) {
                    size = op.data.size();
                }
                file.open(QIODevice::WriteOnly | QIODevice::Append);
            } else if (file.write(op.data) != op.data.size()) {
                error = file.errorString();
            }
        }
        if (file.isOpen() && !syncFileToDisk(file)) {
            error = file.errorString();
        }
        QMutexLocker lock(&m_mutex);
        m_bytes = file.isOpen() ? file.size() : qMax(size, m_bytes);
        m_error = error;
        m_finished += batch.size();
        m_done.wakeAll();
    }
}

}  // namespace ui
