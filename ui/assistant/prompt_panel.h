#pragma once
// The prompt panel: task template (editable, see TemplateStore), output language, clinical
// context (indication, comparison), the request text, advanced sampling settings, and the
// Draft / Stop buttons. Drafting controls are disabled (with the model notice saying why) until
// a model is ready. The program may select a template (the assistant follows the modality of
// the images, see TemplateFollower); a template the clinician picks is announced by
// templateChosen() so that it is never replaced silently.
// Thread-safety: GUI thread only.

#include <QWidget>

#include "ui/assistant/prompt_templates.h"
#include "ui/assistant/request_builder.h"
#include "ui/assistant/template_store.h"
#include "ui/drafting_service.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace ui {

class ModelNotice;
class SamplingPanel;

class PromptPanel : public QWidget {
    Q_OBJECT
public:
    explicit PromptPanel(QWidget* parent = nullptr);

    void setModelState(ModelState state, const QString& detail);
    void setDrafting(bool drafting);
    void setImageSummary(const QString& summary);

    const PromptTemplate& currentTemplate() const;
    // Selects a template on the program's behalf (not announced as the clinician's choice);
    // false when there is no template `id`.
    bool selectTemplate(const QString& id);
    // True when the request text is no longer the current template's own (the clinician typed).
    bool requestEdited() const;
    PromptInputs promptInputs() const;
    QString promptText() const;
    void setPromptText(const QString& text);
    bool draftEnabled() const;
    void editTemplates();  // opens the template editor

    QPushButton* draftButton() const { return m_draft; }
    QPushButton* stopButton() const { return m_stop; }
    ModelNotice* notice() const { return m_notice; }
    QComboBox* templateBox() const { return m_template; }
    QComboBox* languageBox() const { return m_language; }
    QLineEdit* indicationEdit() const { return m_indication; }
    QLineEdit* comparisonEdit() const { return m_comparison; }
    QPlainTextEdit* promptEdit() const { return m_prompt; }
    SamplingPanel* samplingPanel() const { return m_sampling; }
    TemplateStore& templates() { return m_store; }

Q_SIGNALS:
    void draftRequested();
    void stopRequested();
    void chooseModelRequested();
    void inputsChanged();    // template, text, context, language or sampling changed
    void templatesEdited();  // the template editor closed; the list may have changed
    // The clinician picked template `id` in the task box or the template editor.
    void templateChosen(const QString& id);

private:
    void buildWidgets();
    void buildLayout();
    void fillTemplates(const QString& selectId);
    void fillLanguages();
    void onTemplateChanged(int index);
    void updateButtons();

    TemplateStore m_store;
    ModelNotice* m_notice = nullptr;
    QComboBox* m_template = nullptr;
    QToolButton* m_editTemplates = nullptr;
    QPlainTextEdit* m_prompt = nullptr;
    QComboBox* m_language = nullptr;
    QLineEdit* m_indication = nullptr;
    QLineEdit* m_comparison = nullptr;
    SamplingPanel* m_sampling = nullptr;
    QLabel* m_images = nullptr;
    QPushButton* m_draft = nullptr;
    QPushButton* m_stop = nullptr;
    ModelState m_modelState = ModelState::None;
    bool m_drafting = false;
};

}  // namespace ui
