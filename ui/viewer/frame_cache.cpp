#include "ui/viewer/frame_cache.h"

#include <algorithm>
#include <atomic>

#include <QMetaObject>
#include <QPointer>
#include <QRunnable>
#include <QThread>

#include "dicom/loader.h"

namespace ui {
namespace {

qint64 bytesOf(const dicom::Image& image) {
    return qint64(image.grey.size() * sizeof(float) + image.rgb8.size() +
                  image.rgb16.size() * sizeof(std::uint16_t));
}

// One worker fewer than the cores keeps the GUI thread responsive; two at least, so that the
// visible frame never waits for more than one running prefetch.
int workerCount() {
    return std::clamp(QThread::idealThreadCount() - 1, 2, 6);
}

}  // namespace

// Shared by the cache and every runnable queued for one decode. A decode may be queued twice
// (once more at a higher priority); whichever runnable claims the ticket first decodes, the
// other returns at once. A cancelled ticket is skipped when its turn comes.
struct FrameCache::Ticket {
    std::atomic<bool> claimed{false};
    std::atomic<bool> cancelled{false};
};

FrameCache::FrameCache(qint64 budgetBytes, QObject* parent)
    : QObject(parent), m_decoder(&dicom::decodeFrame), m_budget(budgetBytes) {
    m_pool.setMaxThreadCount(workerCount());
    m_pool.setObjectName(QStringLiteral("FrameCache decoders"));
}

FrameCache::~FrameCache() {
    for (const Job& job : std::as_const(m_jobs)) {
        job.ticket->cancelled = true;
    }
    m_pool.clear();
    m_pool.waitForDone();
}

void FrameCache::setDecoder(FrameDecoder decoder) {
    m_decoder = std::move(decoder);
}

QString FrameCache::keyOf(const dicom::InstanceInfo& instance, int frame) {
    return QString::fromStdString(instance.path) + QLatin1Char('#') + QString::number(frame);
}

FramePtr FrameCache::touch(const QString& key) {
    auto it = m_entries.find(key);
    if (it == m_entries.end()) {
        return nullptr;
    }
    it->lastUse = ++m_clock;
    return it->frame;
}

FramePtr FrameCache::get(const dicom::InstanceInfo& instance, int frame) {
    const QString key = keyOf(instance, frame);
    if (FramePtr hit = touch(key)) {
        return hit;
    }
    want(nullptr, instance, frame, key, VisiblePriority);
    return nullptr;
}

void FrameCache::prefetch(const dicom::InstanceInfo& instance, int frame) {
    const QString key = keyOf(instance, frame);
    if (!m_entries.contains(key)) {
        want(nullptr, instance, frame, key, PrefetchPriority);
    }
}

FramePtr FrameCache::cached(const dicom::InstanceInfo& instance, int frame) const {
    const auto it = m_entries.constFind(keyOf(instance, frame));
    return it == m_entries.constEnd() ? nullptr : it->frame;
}

FramePtr FrameCache::request(const void* requester, const FrameRequest& visible,
                             const std::vector<FrameRequest>& prefetch) {
    Q_ASSERT(requester && visible.instance);
    const QString visibleKey = keyOf(*visible.instance, visible.frame);
    QSet<QString> wished{visibleKey};
    for (const FrameRequest& r : prefetch) {
        wished.insert(keyOf(*r.instance, r.frame));
    }
    const QSet<QString> previous = m_wishes.value(requester);
    for (const QString& key : previous) {
        if (!wished.contains(key)) {
            unwant(requester, key);
        }
    }
    m_wishes.insert(requester, wished);
    FramePtr shown = touch(visibleKey);
    if (!shown) {
        want(requester, *visible.instance, visible.frame, visibleKey, VisiblePriority);
    }
    for (const FrameRequest& r : prefetch) {
        const QString key = keyOf(*r.instance, r.frame);
        if (!touch(key)) {  // touching keeps the neighbours of what is shown in memory
            want(requester, *r.instance, r.frame, key, PrefetchPriority);
        }
    }
    return shown;
}

void FrameCache::withdraw(const void* requester) {
    const QSet<QString> keys = m_wishes.take(requester);
    for (const QString& key : keys) {
        unwant(requester, key);
    }
}

void FrameCache::want(const void* requester, const dicom::InstanceInfo& instance, int frame,
                      const QString& key, int priority) {
    auto it = m_jobs.find(key);
    if (it == m_jobs.end()) {
        Job job;
        job.ticket = std::make_shared<Ticket>();
        job.priority = priority;
        job.wanters.insert(requester);
        enqueue(job.ticket, instance, frame, key, priority);
        m_jobs.insert(key, std::move(job));
        return;
    }
    it->wanters.insert(requester);
    if (priority > it->priority && !it->ticket->claimed) {
        // Still queued behind prefetches: queue it again in front of them.
        it->priority = priority;
        enqueue(it->ticket, instance, frame, key, priority);
    }
}

void FrameCache::unwant(const void* requester, const QString& key) {
    auto it = m_jobs.find(key);
    if (it == m_jobs.end()) {
        return;
    }
    it->wanters.remove(requester);
    if (it->wanters.isEmpty()) {
        it->ticket->cancelled = true;  // a decode already running still finishes and is kept
        m_jobs.erase(it);
    }
}

void FrameCache::enqueue(const std::shared_ptr<Ticket>& ticket, const dicom::InstanceInfo& instance,
                         int frame, const QString& key, int priority) {
    QPointer<FrameCache> self(this);
    auto task = [self, ticket, decoder = m_decoder, instance, frame, key]() {
        if (ticket->cancelled || ticket->claimed.exchange(true)) {
            return;
        }
        auto result = decoder(instance, frame);
        QMetaObject::invokeMethod(
            self.data(),
            [self, key, ticket, result = std::move(result)]() mutable {
                if (self) {
                    self->finish(key, ticket, std::move(result));
                }
            },
            Qt::QueuedConnection);
    };
    m_pool.start(QRunnable::create(std::move(task)), priority);
}

void FrameCache::finish(const QString& key, const std::shared_ptr<Ticket>& ticket,
                        dicom::Result<dicom::Image> result) {
    auto it = m_jobs.find(key);
    if (it != m_jobs.end() && (it->ticket == ticket || result)) {
        // A newer request for the same frame is answered by this result too.
        it->ticket->cancelled = true;
        m_jobs.erase(it);
    }
    if (!result) {
        Q_EMIT frameFailed(key, QString::fromStdString(result.error().message));
        return;
    }
    if (!m_entries.contains(key)) {
        store(key, std::make_shared<const dicom::Image>(std::move(result).value()));
    }
    Q_EMIT frameReady(key);
}

void FrameCache::clear() {
    for (const Job& job : std::as_const(m_jobs)) {
        job.ticket->cancelled = true;
    }
    m_jobs.clear();
    m_wishes.clear();
    m_entries.clear();
    m_used = 0;
}

void FrameCache::store(const QString& key, FramePtr frame) {
    Entry entry;
    entry.bytes = bytesOf(*frame);
    entry.frame = std::move(frame);
    entry.lastUse = ++m_clock;
    m_used += entry.bytes;
    m_entries.insert(key, std::move(entry));
    evict();
}

void FrameCache::evict() {
    while (m_used > m_budget && m_entries.size() > 1) {
        auto oldest = m_entries.begin();
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
            if (it->lastUse < oldest->lastUse) {
                oldest = it;
            }
        }
        m_used -= oldest->bytes;
        m_entries.erase(oldest);
    }
}

}  // namespace ui
