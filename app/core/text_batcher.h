#pragma once
// Collects streamed text and releases it at most once per display frame (or when it grows past
// a size cap), so the GUI thread receives ~30 signals a second instead of one per token.
// Thread-safety: used by one thread (the inference worker).

#include <QElapsedTimer>
#include <QString>

namespace app {

class TextBatcher {
public:
    explicit TextBatcher(int intervalMs = 33, int maxChars = 2048);

    // Adds text; returns what is due for sending now (empty while it is still collecting).
    QString add(const QString& text);
    // Everything still held; call before reporting the end of a request.
    QString flush();

private:
    QString m_pending;
    QElapsedTimer m_sinceSend;
    int m_intervalMs;
    int m_maxChars;
};

}  // namespace app
