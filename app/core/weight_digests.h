#pragma once
// SHA-256 of the model's weight files for provenance, computed once per file in the background
// and remembered by path, size and modification time (an 8.6 GB checkpoint takes a while to
// hash; the answer cannot change while those three stay the same). The cache lives in
// <AppDataLocation>/weight-digests.json:
//   {"version": 1, "files": [{"path": "/models/.../model-00001-of-00002.safetensors",
//     "bytes": 4961251752, "modified": 1706692323000, "sha256": "ab12..."}]}
// Files are read sequentially in large blocks on one low-priority thread, so the read shares
// the page cache with the engine's memory mapping and leaves the cores to drafting.
//
// Ownership: owns its thread pool; the destructor abandons a running hash and waits for it.
// Thread-safety: the object's thread (the GUI thread); hashing runs on the pool.

#include <atomic>

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QThreadPool>

#include "ui/drafting_service.h"

namespace app {

class WeightDigestCache : public QObject {
    Q_OBJECT
public:
    explicit WeightDigestCache(const QString& cacheFile = defaultCacheFile(),
                               QObject* parent = nullptr);
    ~WeightDigestCache() override;

    static QString defaultCacheFile();
    // The *.safetensors files of a model folder, sorted, absolute.
    static QStringList weightFilesIn(const QString& modelDirectory);

    // Starts hashing the files whose digest is not known for their current size and time.
    void prepare(const QStringList& paths);
    // Every file with its size and digest (empty while it is still being computed).
    QList<ui::WeightDigest> digests(const QStringList& paths) const;
    bool isHashing() const { return !m_pending.isEmpty(); }

Q_SIGNALS:
    void digestReady(const ui::WeightDigest& digest);

private:
    struct Entry {
        qint64 bytes = 0;
        qint64 modified = 0;  // ms since 1970
        QString sha256;
    };
    void load();
    void store() const;
    void onHashed(const QString& path, const Entry& entry);
    Entry currentStamp(const QString& path) const;

    QString m_cacheFile;
    QHash<QString, Entry> m_known;
    QSet<QString> m_pending;
    QThreadPool m_pool;
    std::atomic<bool> m_stop{false};
};

// Lowercase hex SHA-256 of a file; empty when it cannot be read or `stop` was set.
QString sha256OfFile(const QString& path, const std::atomic<bool>& stop);

}  // namespace app
