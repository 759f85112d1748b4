#include "ui/viewer/frame_cache.h"

#include <QMetaObject>
#include <QPointer>
#include <QtConcurrent>

#include "dicom/loader.h"

namespace ui {
namespace {

qint64 bytesOf(const dicom::Image& image) {
    return qint64(image.grey.size() * sizeof(float) + image.rgb8.size() +
                  image.rgb16.size() * sizeof(std::uint16_t));
}

}  // namespace

FrameCache::FrameCache(qint64 budgetBytes, QObject* parent)
    : QObject(parent), m_budget(budgetBytes) {}

FrameCache::~FrameCache() = default;

QString FrameCache::keyOf(const dicom::InstanceInfo& instance, int frame) {
    return QString::fromStdString(instance.path) + QLatin1Char('#') + QString::number(frame);
}

FramePtr FrameCache::get(const dicom::InstanceInfo& instance, int frame) {
    const QString key = keyOf(instance, frame);
    auto it = m_entries.find(key);
    if (it != m_entries.end()) {
        it->lastUse = ++m_clock;
        return it->frame;
    }
    startDecode(instance, frame, key);
    return nullptr;
}

void FrameCache::prefetch(const dicom::InstanceInfo& instance, int frame) {
    const QString key = keyOf(instance, frame);
    if (!m_entries.contains(key)) {
        startDecode(instance, frame, key);
    }
}

void FrameCache::clear() {
    m_entries.clear();
    m_used = 0;
}

void FrameCache::startDecode(const dicom::InstanceInfo& instance, int frame, const QString& key) {
    if (m_pending.contains(key)) {
        return;
    }
    m_pending.insert(key);
    QPointer<FrameCache> self(this);
    (void)QtConcurrent::run([self, instance, frame, key]() {
        auto result = dicom::decodeFrame(instance, frame);
        QMetaObject::invokeMethod(
            self.data(),
            [self, key, result = std::move(result)]() mutable {
                if (!self) {
                    return;
                }
                self->m_pending.remove(key);
                if (!result) {
                    Q_EMIT self->frameFailed(key, QString::fromStdString(result.error().message));
                    return;
                }
                self->store(key, std::make_shared<const dicom::Image>(std::move(result).value()));
                Q_EMIT self->frameReady(key);
            },
            Qt::QueuedConnection);
    });
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
