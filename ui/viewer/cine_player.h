#pragma once
// CinePlayer: plays a series viewer's frames one after another at a chosen rate, looping at the
// end, for dynamic acquisitions (multi-frame ultrasound, angiography, cardiac MR) and for
// paging through a volume. Playback never outruns decoding: a tick that finds the viewer still
// waiting for its frame is skipped, so the rate drops instead of frames going unseen.
// Ownership: a child of the viewer it drives. Thread-safety: GUI thread only.

#include <QObject>
#include <QTimer>

namespace ui {

class SeriesViewer;

class CinePlayer : public QObject {
    Q_OBJECT
public:
    static constexpr int kMinimumRate = 1;  // frames per second
    static constexpr int kMaximumRate = 60;
    static constexpr int kDefaultRate = 15;

    explicit CinePlayer(SeriesViewer& viewer);

    bool isPlaying() const { return m_timer.isActive(); }
    int framesPerSecond() const { return m_rate; }

    void setPlaying(bool playing);  // ignored while the series has fewer than two frames
    void toggle() { setPlaying(!isPlaying()); }
    void setFramesPerSecond(int rate);  // clamped to kMinimumRate..kMaximumRate
    void faster();
    void slower();

Q_SIGNALS:
    void playingChanged(bool playing);
    void framesPerSecondChanged(int rate);

private:
    void advance();

    SeriesViewer& m_viewer;
    QTimer m_timer;
    int m_rate = kDefaultRate;
};

}  // namespace ui
