#pragma once
// A slim progress line under the assistant: loading the model, reading the images (vision
// encoding), reading the prompt (prefill) with a percentage, then an indeterminate bar while
// MedGemma writes. Hidden when nothing runs.
// Thread-safety: GUI thread only.

#include <QWidget>

#include "ui/drafting_service.h"

class QLabel;
class QProgressBar;

namespace ui {

class DraftProgress : public QWidget {
    Q_OBJECT
public:
    explicit DraftProgress(QWidget* parent = nullptr);

    void showPhase(DraftPhase phase, double fraction);
    void showModelLoad(double fraction);
    void finish();  // hides it

    QProgressBar* bar() const { return m_bar; }
    QString text() const;

private:
    QLabel* m_label = nullptr;
    QProgressBar* m_bar = nullptr;
};

}  // namespace ui
