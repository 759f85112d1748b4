#include "ui/viewer/cine_controls.h"

#include <QHBoxLayout>
#include <QSpinBox>
#include <QStyle>
#include <QToolButton>

#include "ui/viewer/cine_player.h"

namespace ui {

CineControls::CineControls(CinePlayer& player, QWidget* parent)
    : QWidget(parent), m_player(player) {
    m_play = new QToolButton(this);
    m_play->setCheckable(true);
    m_play->setAutoRaise(true);
    m_rate = new QSpinBox(this);
    m_rate->setRange(CinePlayer::kMinimumRate, CinePlayer::kMaximumRate);
    m_rate->setValue(player.framesPerSecond());
    m_rate->setSuffix(tr(" fps"));
    m_rate->setToolTip(tr("Cine rate in frames per second"));
    m_rate->setAccessibleName(tr("Cine rate"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_play);
    layout->addWidget(m_rate);
    showPlaying(false);

    connect(m_play, &QToolButton::toggled, &m_player, &CinePlayer::setPlaying);
    connect(m_rate, &QSpinBox::valueChanged, &m_player, &CinePlayer::setFramesPerSecond);
    connect(&m_player, &CinePlayer::playingChanged, this, &CineControls::showPlaying);
    connect(&m_player, &CinePlayer::framesPerSecondChanged, m_rate, &QSpinBox::setValue);
}

void CineControls::showPlaying(bool playing) {
    QSignalBlocker block(m_play);
    m_play->setChecked(playing);
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setToolTip(playing ? tr("Pause cine") : tr("Play cine"));
    m_play->setAccessibleName(playing ? tr("Pause cine") : tr("Play cine"));
}

}  // namespace ui
