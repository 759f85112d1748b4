#include "ui/assistant/prompt_panel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/assistant/model_notice.h"

namespace ui {

PromptPanel::PromptPanel(QWidget* parent) : QWidget(parent), m_templates(builtInTemplates()) {
    m_notice = new ModelNotice(this);
    m_template = new QComboBox(this);
    for (const auto& t : m_templates) {
        m_template->addItem(t.name, t.id);
    }
    m_template->setAccessibleName(tr("Task template"));
    m_prompt = new QPlainTextEdit(this);
    m_prompt->setPlaceholderText(tr("What should MedGemma do with the selected images?"));
    m_prompt->setAccessibleName(tr("Prompt"));
    m_prompt->setTabChangesFocus(true);
    m_images = new QLabel(this);
    m_images->setWordWrap(true);
    m_draft = new QPushButton(tr("Draft report"), this);
    m_draft->setToolTip(tr("Send the selected images and the prompt to MedGemma (Ctrl+Return)"));
    m_stop = new QPushButton(tr("Stop"), this);
    m_stop->setToolTip(tr("Stop the draft now (Esc)"));

    auto* form = new QFormLayout;
    form->addRow(tr("Task:"), m_template);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_images, 1);
    buttons->addWidget(m_stop);
    buttons->addWidget(m_draft);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_notice);
    layout->addLayout(form);
    layout->addWidget(m_prompt, 1);
    layout->addLayout(buttons);

    connect(m_template, &QComboBox::currentIndexChanged, this, &PromptPanel::onTemplateChanged);
    connect(m_draft, &QPushButton::clicked, this, &PromptPanel::draftRequested);
    connect(m_stop, &QPushButton::clicked, this, &PromptPanel::stopRequested);
    connect(m_notice, &ModelNotice::chooseModelRequested, this, &PromptPanel::chooseModelRequested);
    onTemplateChanged(0);
}

const PromptTemplate& PromptPanel::currentTemplate() const {
    return m_templates.at(std::max(0, m_template->currentIndex()));
}

void PromptPanel::onTemplateChanged(int index) {
    if (index < 0 || index >= m_templates.size()) {
        return;
    }
    m_prompt->setPlainText(m_templates.at(index).question);
}

QString PromptPanel::promptText() const { return m_prompt->toPlainText(); }
void PromptPanel::setPromptText(const QString& text) { m_prompt->setPlainText(text); }

void PromptPanel::setModelState(ModelState state, const QString& detail) {
    m_modelState = state;
    m_notice->setState(state, detail);
    updateButtons();
}

void PromptPanel::setDrafting(bool drafting) {
    m_drafting = drafting;
    updateButtons();
}

void PromptPanel::setImageSummary(const QString& summary) { m_images->setText(summary); }

bool PromptPanel::draftEnabled() const { return m_draft->isEnabled(); }

void PromptPanel::updateButtons() {
    const bool ready = m_modelState == ModelState::Ready;
    m_draft->setEnabled(ready && !m_drafting);
    m_stop->setEnabled(m_drafting);
    m_draft->setToolTip(ready ? tr("Send the selected images and the prompt to MedGemma "
                                   "(Ctrl+Return)")
                              : tr("Drafting needs a MedGemma model: Model ▸ Choose model "
                                   "folder…"));
}

}  // namespace ui
