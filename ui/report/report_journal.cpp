#include "ui/report/report_journal.h"

#include <algorithm>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QStandardPaths>
#include <QUuid>

#include "ui/report/journal_writer.h"
#include "ui/report/report_json.h"

namespace ui {
namespace {

constexpr int kJournalVersion = 1;
const QString kSuffix = QStringLiteral(".journal");

QByteArray line(QJsonObject record) {
    record.insert(QStringLiteral("t"), double(QDateTime::currentMSecsSinceEpoch()));
    return QJsonDocument(record).toJson(QJsonDocument::Compact) + '\n';
}

QJsonObject documentRecord(const ReportDocument& doc) {
    return {{QStringLiteral("type"), QStringLiteral("document")},
            {QStringLiteral("journal"), kJournalVersion},
            {QStringLiteral("doc"), reportToJson(doc)}};
}

// The editor separates a new draft from earlier text by an empty line; replay does the same.
void beginDraft(QString& text) {
    if (!text.isEmpty() && !text.endsWith(QLatin1Char('\n'))) {
        text += QStringLiteral("\n\n");
    }
}

void applyRecord(const QJsonObject& record, std::optional<ReportDocument>& doc) {
    const QString type = record.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("document")) {
        QString error;
        if (auto read = reportFromJson(record.value(QStringLiteral("doc")).toObject(), &error)) {
            doc = std::move(read);
        }
        return;
    }
    if (!doc) {
        return;  // records before the first document belong to nothing
    }
    if (type == QLatin1String("draft-begin")) {
        beginDraft(doc->text);
    } else if (type == QLatin1String("chunk")) {
        doc->text += record.value(QStringLiteral("text")).toString();
    } else if (type == QLatin1String("text")) {
        doc->text = record.value(QStringLiteral("text")).toString();
    }
}

}  // namespace

QString ReportJournal::defaultDirectory() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("report-journal"));
}

ReportJournal::ReportJournal(const QString& directory) : m_directory(directory) {}

ReportJournal::~ReportJournal() {
    m_writer.reset();  // writes what is queued first
    m_lock.reset();
}

bool ReportJournal::open(const ReportDocument& doc) {
    m_writer.reset();
    m_lock.reset();
    if (!QDir().mkpath(m_directory)) {
        return false;
    }
    const QString name =
        QStringLiteral("report-%1-%2")
            .arg(doc.id.left(8), QUuid::createUuid().toString(QUuid::Id128).left(8));
    m_path = QDir(m_directory).filePath(name + kSuffix);
    m_lock = std::make_unique<QLockFile>(m_path + QStringLiteral(".lock"));
    m_lock->setStaleLockTime(0);  // held as long as the report is open
    if (!m_lock->tryLock(0)) {
        m_lock.reset();
        return false;
    }
    m_writer = std::make_unique<JournalWriter>(m_path);
    write(line(documentRecord(doc)));
    return true;
}

void ReportJournal::write(const QByteArray& bytes) {
    if (m_writer) {
        m_writer->append(bytes);
    }
}

void ReportJournal::recordDocument(const ReportDocument& doc) {
    write(line(documentRecord(doc)));
}

void ReportJournal::recordDraftBegin(int requestId) {
    write(line({{QStringLiteral("type"), QStringLiteral("draft-begin")},
                {QStringLiteral("request"), requestId}}));
}

void ReportJournal::recordChunk(int requestId, const QString& text) {
    write(line({{QStringLiteral("type"), QStringLiteral("chunk")},
                {QStringLiteral("request"), requestId},
                {QStringLiteral("text"), text}}));
}

void ReportJournal::recordText(const QString& text) {
    write(line({{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), text}}));
}

void ReportJournal::compact(const ReportDocument& doc) {
    if (m_writer) {
        m_writer->replace(line(documentRecord(doc)));
    }
}

void ReportJournal::discard() {
    m_writer.reset();
    if (!m_path.isEmpty()) {
        QFile::remove(m_path);
    }
    m_lock.reset();  // unlocks and removes the lock file
    m_path.clear();
}

void ReportJournal::sync() {
    if (m_writer) {
        m_writer->sync();
    }
}

qint64 ReportJournal::size() const {
    return m_writer ? m_writer->bytesWritten() : 0;
}
QString ReportJournal::lastError() const {
    return m_writer ? m_writer->lastError() : QString();
}

std::optional<ReportDocument> ReportJournal::replay(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    std::optional<ReportDocument> doc;
    qint64 lastTime = 0;
    while (!file.atEnd()) {
        const QJsonDocument json = QJsonDocument::fromJson(file.readLine());
        if (!json.isObject()) {
            continue;  // a line torn by the crash
        }
        applyRecord(json.object(), doc);
        lastTime = std::max(lastTime, qint64(json.object().value(QStringLiteral("t")).toDouble()));
    }
    if (doc && lastTime > 0) {
        doc->modified = QDateTime::fromMSecsSinceEpoch(lastTime, Qt::UTC);
    }
    return doc;
}

QList<ReportJournal::Orphan> ReportJournal::findOrphans(const QString& directory) {
    QList<Orphan> orphans;
    const QFileInfoList files =
        QDir(directory).entryInfoList({QStringLiteral("*") + kSuffix}, QDir::Files);
    for (const QFileInfo& info : files) {
        QLockFile lock(info.filePath() + QStringLiteral(".lock"));
        lock.setStaleLockTime(0);  // only a dead owner makes a lock stale, never its age
        if (!lock.tryLock(0)) {
            continue;  // another running window's report
        }
        std::optional<ReportDocument> doc = replay(info.filePath());
        if (doc && !doc->isEmpty()) {
            orphans << Orphan{info.filePath(), *doc, doc->modified};
        } else {
            QFile::remove(info.filePath());  // nothing worth offering
        }
    }
    std::sort(orphans.begin(), orphans.end(),
              [](const Orphan& a, const Orphan& b) { return a.lastWrite > b.lastWrite; });
    return orphans;
}

void ReportJournal::remove(const QString& path) {
    QFile::remove(path);
    QFile::remove(path + QStringLiteral(".lock"));
}

}  // namespace ui
