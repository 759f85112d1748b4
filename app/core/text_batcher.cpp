#include "app/core/text_batcher.h"

namespace app {

TextBatcher::TextBatcher(int intervalMs, int maxChars)
    : m_intervalMs(intervalMs), m_maxChars(maxChars) {
    m_sinceSend.start();
}

QString TextBatcher::add(const QString& text) {
    m_pending += text;
    if (m_sinceSend.elapsed() < m_intervalMs && m_pending.size() < m_maxChars) {
        return {};
    }
    return flush();
}

QString TextBatcher::flush() {
    m_sinceSend.restart();
    QString out;
    out.swap(m_pending);
    return out;
}

}  // namespace app
