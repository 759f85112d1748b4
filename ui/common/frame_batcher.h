#pragma once
// FrameBatcher: collects streamed text and hands it to a sink at most once per display frame,
// so a view lays out ~30 times a second however fast tokens arrive. Used by every view that
// shows a streamed answer.
// Thread-safety: GUI thread only.

#include <functional>

#include <QObject>
#include <QString>
#include <QTimer>

namespace ui {

class FrameBatcher : public QObject {
    Q_OBJECT
public:
    using Sink = std::function<void(const QString& text)>;
    explicit FrameBatcher(Sink sink, QObject* parent = nullptr);

    void start();                   // begins the frame clock
    void add(const QString& text);  // queued until the next frame
    void flush();                   // hands over whatever is queued now
    void stop();                    // flushes and stops the clock

private:
    Sink m_sink;
    QTimer m_timer;
    QString m_pending;
};

}  // namespace ui
