#include "ui/viewer/cine_player.h"

#include <algorithm>

#include "ui/viewer/series_viewer.h"

namespace ui {
namespace {

// The usual cine rates of viewers: small steps at low rates, larger ones above 30.
int nextRate(int rate, int direction) {
    static const int kRates[] = {1, 2, 3, 5, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60};
    if (direction > 0) {
        for (int r : kRates) {
            if (r > rate) {
                return r;
            }
        }
        return CinePlayer::kMaximumRate;
    }
    for (auto it = std::rbegin(kRates); it != std::rend(kRates); ++it) {
        if (*it < rate) {
            return *it;
        }
    }
    return CinePlayer::kMinimumRate;
}

}  // namespace

CinePlayer::CinePlayer(SeriesViewer& viewer) : QObject(&viewer), m_viewer(viewer) {
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(1000 / m_rate);
    connect(&m_timer, &QTimer::timeout, this, &CinePlayer::advance);
}

void CinePlayer::setPlaying(bool playing) {
    playing = playing && m_viewer.frameCount() > 1;
    if (playing == isPlaying()) {
        return;
    }
    if (playing) {
        m_timer.start();
    } else {
        m_timer.stop();
    }
    Q_EMIT playingChanged(playing);
}

void CinePlayer::setFramesPerSecond(int rate) {
    rate = std::clamp(rate, kMinimumRate, kMaximumRate);
    if (rate == m_rate) {
        return;
    }
    m_rate = rate;
    m_timer.setInterval(1000 / m_rate);
    Q_EMIT framesPerSecondChanged(m_rate);
}

void CinePlayer::faster() {
    setFramesPerSecond(nextRate(m_rate, +1));
}
void CinePlayer::slower() {
    setFramesPerSecond(nextRate(m_rate, -1));
}

void CinePlayer::advance() {
    const int count = m_viewer.frameCount();
    if (count < 2) {
        setPlaying(false);
        return;
    }
    if (m_viewer.isWaitingForFrame()) {
        return;
    }
    m_viewer.setIndex((m_viewer.index() + 1) % count);
}

}  // namespace ui
