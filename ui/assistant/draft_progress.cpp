#include "ui/assistant/draft_progress.h"

#include <algorithm>

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

#include "ui/assistant/request_runner.h"

namespace ui {

DraftProgress::DraftProgress(QWidget* parent) : QWidget(parent) {
    m_label = new QLabel(this);
    m_bar = new QProgressBar(this);
    m_bar->setRange(0, 100);
    m_bar->setTextVisible(true);
    m_bar->setAccessibleName(tr("Model progress"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar, 1);
    setVisible(false);
}

void DraftProgress::showPhase(DraftPhase phase, double fraction) {
    m_label->setText(RequestRunner::phaseText(phase));
    if (phase == DraftPhase::Writing) {
        m_bar->setRange(0, 0);  // the answer's length is not known in advance
    } else {
        m_bar->setRange(0, 100);
        m_bar->setValue(int(std::clamp(fraction, 0.0, 1.0) * 100));
    }
    setVisible(true);
}

void DraftProgress::showModelLoad(double fraction) {
    showPhase(DraftPhase::LoadingModel, fraction);
}

void DraftProgress::finish() {
    setVisible(false);
}

QString DraftProgress::text() const {
    return m_label->text();
}

}  // namespace ui
