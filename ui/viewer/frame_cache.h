#pragma once
// Decoded frames, kept in memory up to a byte budget (least recently used are dropped) and
// decoded on the cache's own worker threads so that scrolling never waits on disk on the GUI
// thread. Decodes are queued by priority: the frame a viewer shows goes before any prefetch,
// and a queued decode that no viewer wants any more (the user scrolled past it) is skipped
// when its turn comes instead of delaying the frames that are wanted now.
// Thread-safety: GUI thread only; decoding runs on a private QThreadPool and results come back
// as queued signals. Ownership: frames are shared (FramePtr); the cache owns its pool.

#include <functional>
#include <memory>
#include <vector>

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QThreadPool>

#include "dicom/result.h"
#include "dicom/study.h"
#include "ui/viewer/frame_ptr.h"

namespace ui {

// Decodes one frame on a worker thread; must be re-entrant.
using FrameDecoder = std::function<dicom::Result<dicom::Image>(const dicom::InstanceInfo&, int)>;

struct FrameRequest {
    const dicom::InstanceInfo* instance = nullptr;  // read during the call only
    int frame = 0;
};

class FrameCache : public QObject {
    Q_OBJECT
public:
    explicit FrameCache(qint64 budgetBytes = 768LL * 1024 * 1024, QObject* parent = nullptr);
    ~FrameCache() override;  // skips queued decodes and waits for running ones

    static QString keyOf(const dicom::InstanceInfo& instance, int frame);

    // Replaces the decoder (dicom::decodeFrame by default), e.g. to observe which thread
    // decodes. Call before the first request.
    void setDecoder(FrameDecoder decoder);

    // The frame when it is in memory; otherwise null, and a decode starts at the visible
    // priority (frameReady or frameFailed follows). Never decodes on the calling thread.
    FramePtr get(const dicom::InstanceInfo& instance, int frame);
    // Starts decoding in the background without asking for the result now.
    void prefetch(const dicom::InstanceInfo& instance, int frame);
    // The frame when it is in memory, else null; starts nothing.
    FramePtr cached(const dicom::InstanceInfo& instance, int frame) const;

    // Everything `requester` wants now: `visible` at the visible priority, then `prefetch` in
    // the given order. Replaces the requester's previous wishes; queued decodes that nobody
    // wants any more are dropped. Returns the visible frame when it is in memory.
    FramePtr request(const void* requester, const FrameRequest& visible,
                     const std::vector<FrameRequest>& prefetch);
    // Drops every wish of `requester` (a viewer going away or showing nothing).
    void withdraw(const void* requester);

    void clear();
    int queuedOrRunning() const { return int(m_jobs.size()); }

Q_SIGNALS:
    void frameReady(const QString& key);
    void frameFailed(const QString& key, const QString& message);

private:
    enum Priority { PrefetchPriority = 0, VisiblePriority = 10 };
    struct Ticket;
    struct Job {
        std::shared_ptr<Ticket> ticket;
        int priority = PrefetchPriority;
        QSet<const void*> wanters;  // nullptr stands for get()/prefetch() callers
    };
    struct Entry {
        FramePtr frame;
        qint64 bytes = 0;
        quint64 lastUse = 0;
    };

    FramePtr touch(const QString& key);
    void want(const void* requester, const dicom::InstanceInfo& instance, int frame,
              const QString& key, int priority);
    void unwant(const void* requester, const QString& key);
    void enqueue(const std::shared_ptr<Ticket>& ticket, const dicom::InstanceInfo& instance,
                 int frame, const QString& key, int priority);
    void finish(const QString& key, const std::shared_ptr<Ticket>& ticket,
                dicom::Result<dicom::Image> result);
    void store(const QString& key, FramePtr frame);
    void evict();

    QThreadPool m_pool;
    FrameDecoder m_decoder;
    QHash<QString, Entry> m_entries;
    QHash<QString, Job> m_jobs;                  // queued or running decodes
    QHash<const void*, QSet<QString>> m_wishes;  // per requester
    qint64 m_budget;
    qint64 m_used = 0;
    quint64 m_clock = 0;
};

}  // namespace ui
