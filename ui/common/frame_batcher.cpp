#include "ui/common/frame_batcher.h"

namespace ui {
namespace {

constexpr int kFrameIntervalMs = 33;  // ~30 insertions a second at most

}  // namespace

FrameBatcher::FrameBatcher(Sink sink, QObject* parent) : QObject(parent), m_sink(std::move(sink)) {
    m_timer.setInterval(kFrameIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &FrameBatcher::flush);
}

void FrameBatcher::start() {
    m_timer.start();
}

void FrameBatcher::add(const QString& text) {
    m_pending += text;
}

void FrameBatcher::flush() {
    if (m_pending.isEmpty()) {
        return;
    }
    const QString text = m_pending;
    m_pending.clear();
    m_sink(text);
}

void FrameBatcher::stop() {
    flush();
    m_timer.stop();
}

}  // namespace ui
