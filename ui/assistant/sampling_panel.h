#pragma once
// The advanced sampling settings under a collapsible header: temperature (0 = greedy, the
// default, so drafts are reproducible), top-k, top-p, min-p, repetition penalty, seed and the
// maximum number of new tokens. Remembered between sessions (QSettings).
// Thread-safety: GUI thread only.

#include <QWidget>

#include "ui/drafting_service.h"

class QDoubleSpinBox;
class QSpinBox;
class QToolButton;

namespace ui {

class SamplingPanel : public QWidget {
    Q_OBJECT
public:
    explicit SamplingPanel(QWidget* parent = nullptr);

    DraftSampling sampling() const;
    void setSampling(const DraftSampling& sampling);
    void setExpanded(bool expanded);
    bool isExpanded() const;
    QToolButton* header() const { return m_header; }

Q_SIGNALS:
    void changed();

private:
    void buildFields(QWidget* body);
    void save() const;
    void updateSummary();

    QToolButton* m_header = nullptr;
    QWidget* m_body = nullptr;
    QDoubleSpinBox* m_temperature = nullptr;
    QSpinBox* m_topK = nullptr;
    QDoubleSpinBox* m_topP = nullptr;
    QDoubleSpinBox* m_minP = nullptr;
    QDoubleSpinBox* m_repetition = nullptr;
    QSpinBox* m_seed = nullptr;
    QSpinBox* m_maxTokens = nullptr;
};

}  // namespace ui
