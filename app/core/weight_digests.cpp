#include "app/core/weight_digests.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace app {
namespace {

constexpr qint64 kBlockBytes = 8 * 1024 * 1024;

}  // namespace

QString sha256OfFile(const QString& path, const std::atomic<bool>& stop) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray block(kBlockBytes, Qt::Uninitialized);
    for (;;) {
        if (stop.load()) {
            return {};
        }
        const qint64 read = file.read(block.data(), block.size());
        if (read < 0) {
            return {};
        }
        if (read == 0) {
            break;
        }
        hash.addData(QByteArrayView(block.constData(), read));
    }
    return QString::fromLatin1(hash.result().toHex());
}

WeightDigestCache::WeightDigestCache(const QString& cacheFile, QObject* parent)
    : QObject(parent), m_cacheFile(cacheFile) {
    m_pool.setMaxThreadCount(1);
    m_pool.setThreadPriority(QThread::LowPriority);
    load();
}

WeightDigestCache::~WeightDigestCache() {
    m_stop.store(true);
    m_pool.waitForDone();
}

QString WeightDigestCache::defaultCacheFile() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("weight-digests.json"));
}

QStringList WeightDigestCache::weightFilesIn(const QString& modelDirectory) {
    const QDir dir(modelDirectory);
    QStringList files;
    for (const QString& name :
         dir.entryList({QStringLiteral("*.safetensors")}, QDir::Files, QDir::Name)) {
        files << QFileInfo(dir.filePath(name)).absoluteFilePath();
    }
    return files;
}

WeightDigestCache::Entry WeightDigestCache::currentStamp(const QString& path) const {
    const QFileInfo info(path);
    return {info.size(), info.lastModified().toMSecsSinceEpoch(), QString()};
}

void WeightDigestCache::prepare(const QStringList& paths) {
    for (const QString& path : paths) {
        const Entry stamp = currentStamp(path);
        const auto known = m_known.constFind(path);
        const bool fresh = known != m_known.cend() && known->bytes == stamp.bytes &&
                           known->modified == stamp.modified && !known->sha256.isEmpty();
        if (fresh || m_pending.contains(path) || !QFileInfo::exists(path)) {
            continue;
        }
        m_pending.insert(path);
        m_pool.start([this, path, stamp] {
            Entry entry = stamp;
            entry.sha256 = sha256OfFile(path, m_stop);
            QMetaObject::invokeMethod(
                this, [this, path, entry] { onHashed(path, entry); }, Qt::QueuedConnection);
        });
    }
}

void WeightDigestCache::onHashed(const QString& path, const Entry& entry) {
    m_pending.remove(path);
    // A file replaced while it was read keeps no digest: the next prepare() hashes it again.
    const Entry now = currentStamp(path);
    if (entry.sha256.isEmpty() || now.bytes != entry.bytes || now.modified != entry.modified) {
        return;
    }
    m_known.insert(path, entry);
    store();
    Q_EMIT digestReady(ui::WeightDigest{path, entry.bytes, entry.sha256});
}

QList<ui::WeightDigest> WeightDigestCache::digests(const QStringList& paths) const {
    QList<ui::WeightDigest> out;
    for (const QString& path : paths) {
        const Entry stamp = currentStamp(path);
        const auto known = m_known.constFind(path);
        const bool fresh = known != m_known.cend() && known->bytes == stamp.bytes &&
                           known->modified == stamp.modified;
        out << ui::WeightDigest{path, stamp.bytes, fresh ? known->sha256 : QString()};
    }
    return out;
}

void WeightDigestCache::load() {
    QFile file(m_cacheFile);
    if (!file.open(QIODevice::ReadOnly)) {
        return;
    }
    const QJsonArray files =
        QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("files")).toArray();
    for (const QJsonValue& v : files) {
        const QJsonObject o = v.toObject();
        m_known.insert(o.value(QStringLiteral("path")).toString(),
                       Entry{qint64(o.value(QStringLiteral("bytes")).toDouble()),
                             qint64(o.value(QStringLiteral("modified")).toDouble()),
                             o.value(QStringLiteral("sha256")).toString()});
    }
}

void WeightDigestCache::store() const {
    QJsonArray files;
    for (auto it = m_known.cbegin(); it != m_known.cend(); ++it) {
        files.append(QJsonObject{{QStringLiteral("path"), it.key()},
                                 {QStringLiteral("bytes"), double(it->bytes)},
                                 {QStringLiteral("modified"), double(it->modified)},
                                 {QStringLiteral("sha256"), it->sha256}});
    }
    QDir().mkpath(QFileInfo(m_cacheFile).absolutePath());
    QSaveFile file(m_cacheFile);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QJsonDocument(QJsonObject{{QStringLiteral("version"), 1},
                                             {QStringLiteral("files"), files}})
                       .toJson());
        file.commit();
    }
}

}  // namespace app
