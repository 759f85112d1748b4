#pragma once
// Decoded frames, kept in memory up to a byte budget (least recently used are dropped) and
// decoded on worker threads so that scrolling never waits on disk on the GUI thread.
// Thread-safety: GUI thread only; decoding runs on Qt's global thread pool and results come
// back as queued signals.

#include <memory>

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

#include "dicom/image.h"
#include "dicom/study.h"

namespace ui {

using FramePtr = std::shared_ptr<const dicom::Image>;

class FrameCache : public QObject {
    Q_OBJECT
public:
    explicit FrameCache(qint64 budgetBytes = 768LL * 1024 * 1024, QObject* parent = nullptr);
    ~FrameCache() override;

    static QString keyOf(const dicom::InstanceInfo& instance, int frame);

    // The frame when it is in memory; otherwise null, and a decode starts (frameReady or
    // frameFailed follows).
    FramePtr get(const dicom::InstanceInfo& instance, int frame);
    // Starts decoding in the background without asking for the result now.
    void prefetch(const dicom::InstanceInfo& instance, int frame);
    void clear();

Q_SIGNALS:
    void frameReady(const QString& key);
    void frameFailed(const QString& key, const QString& message);

private:
    void startDecode(const dicom::InstanceInfo& instance, int frame, const QString& key);
    void store(const QString& key, FramePtr frame);
    void evict();

    struct Entry {
        FramePtr frame;
        qint64 bytes = 0;
        quint64 lastUse = 0;
    };
    QHash<QString, Entry> m_entries;
    QSet<QString> m_pending;
    qint64 m_budget;
    qint64 m_used = 0;
    quint64 m_clock = 0;
};

}  // namespace ui
