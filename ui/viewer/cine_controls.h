#pragma once
// The cine controls under a series: a play/pause button and the rate in frames per second.
// They show and change the state of a CinePlayer; the keyboard actions do the same.
// Ownership: a child widget of its series viewer. Thread-safety: GUI thread only.

#include <QWidget>

class QSpinBox;
class QToolButton;

namespace ui {

class CinePlayer;

class CineControls : public QWidget {
    Q_OBJECT
public:
    CineControls(CinePlayer& player, QWidget* parent = nullptr);

    QToolButton* playButton() const { return m_play; }
    QSpinBox* rateBox() const { return m_rate; }

private:
    void showPlaying(bool playing);

    CinePlayer& m_player;
    QToolButton* m_play = nullptr;
    QSpinBox* m_rate = nullptr;
};

}  // namespace ui
