#pragma once
// The prompt panel: task template, the request text, and the Draft / Stop buttons. Drafting
// controls are disabled (with the model notice saying why) until a model is ready.
// Thread-safety: GUI thread only.

#include <QWidget>

#include "ui/assistant/prompt_templates.h"
#include "ui/drafting_service.h"

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace ui {

class ModelNotice;

class PromptPanel : public QWidget {
    Q_OBJECT
public:
    explicit PromptPanel(QWidget* parent = nullptr);

    void setModelState(ModelState state, const QString& detail);
    void setDrafting(bool drafting);
    void setImageSummary(const QString& summary);

    const PromptTemplate& currentTemplate() const;
    QString promptText() const;
    void setPromptText(const QString& text);
    bool draftEnabled() const;

    QPushButton* draftButton() const { return m_draft; }
    QPushButton* stopButton() const { return m_stop; }
    ModelNotice* notice() const { return m_notice; }

Q_SIGNALS:
    void draftRequested();
    void stopRequested();
    void chooseModelRequested();

private:
    void onTemplateChanged(int index);
    void updateButtons();

    QList<PromptTemplate> m_templates;
    ModelNotice* m_notice = nullptr;
    QComboBox* m_template = nullptr;
    QPlainTextEdit* m_prompt = nullptr;
    QLabel* m_images = nullptr;
    QPushButton* m_draft = nullptr;
    QPushButton* m_stop = nullptr;
    ModelState m_modelState = ModelState::None;
    bool m_drafting = false;
};

}  // namespace ui
