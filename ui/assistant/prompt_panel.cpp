#include "ui/assistant/prompt_panel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/assistant/model_notice.h"
#include "ui/assistant/sampling_panel.h"
#include "ui/assistant/template_editor_dialog.h"
#include "ui/common/settings_keys.h"

namespace ui {

PromptPanel::PromptPanel(QWidget* parent) : QWidget(parent) {
    buildWidgets();
    buildLayout();
    fillLanguages();
    fillTemplates(QSettings().value(settings::lastTemplate()).toString());

    connect(m_template, &QComboBox::currentIndexChanged, this, &PromptPanel::onTemplateChanged);
    // activated() comes only from the user (mouse or keyboard), never from setCurrentIndex().
    connect(m_template, &QComboBox::activated, this,
            [this] { Q_EMIT templateChosen(currentTemplate().id); });
    connect(m_editTemplates, &QToolButton::clicked, this, &PromptPanel::editTemplates);
    connect(m_language, &QComboBox::currentIndexChanged, this, [this] {
        QSettings().setValue(settings::outputLanguage(), m_language->currentData());
        Q_EMIT inputsChanged();
    });
    for (QLineEdit* edit : {m_indication, m_comparison}) {
        connect(edit, &QLineEdit::textChanged, this, &PromptPanel::inputsChanged);
    }
    connect(m_prompt, &QPlainTextEdit::textChanged, this, &PromptPanel::inputsChanged);
    connect(m_sampling, &SamplingPanel::changed, this, &PromptPanel::inputsChanged);
    connect(m_draft, &QPushButton::clicked, this, &PromptPanel::draftRequested);
    connect(m_stop, &QPushButton::clicked, this, &PromptPanel::stopRequested);
    connect(m_notice, &ModelNotice::chooseModelRequested, this, &PromptPanel::chooseModelRequested);
    onTemplateChanged(m_template->currentIndex());
}

void PromptPanel::buildWidgets() {
    // Created in this order on purpose: the task is the panel's first combo box and the
    // request its first multi-line editor (accessibility order and simple lookups).
    m_notice = new ModelNotice(this);
    m_template = new QComboBox(this);
    m_template->setAccessibleName(tr("Task template"));
    // Long template names must not widen the assistant at the viewer's expense.
    m_template->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_template->setMinimumContentsLength(14);
    m_prompt = new QPlainTextEdit(this);
    m_prompt->setPlaceholderText(tr("What should MedGemma do with the selected images?"));
    m_prompt->setAccessibleName(tr("Prompt"));
    m_prompt->setTabChangesFocus(true);
    m_editTemplates = new QToolButton(this);
    m_editTemplates->setText(tr("Edit…"));
    m_editTemplates->setToolTip(tr("Edit, add or restore prompt templates"));
    m_language = new QComboBox(this);
    m_language->setAccessibleName(tr("Answer language"));
    m_indication = new QLineEdit(this);
    m_indication->setPlaceholderText(tr("e.g. cough and fever for 3 days"));
    m_indication->setAccessibleName(tr("Clinical indication"));
    m_comparison = new QLineEdit(this);
    m_comparison->setPlaceholderText(tr("e.g. chest X-ray of 2024-03-02"));
    m_comparison->setAccessibleName(tr("Comparison"));
    m_sampling = new SamplingPanel(this);
    m_images = new QLabel(this);
    m_images->setWordWrap(true);
    m_draft = new QPushButton(tr("Draft report"), this);
    m_stop = new QPushButton(tr("Stop"), this);
    m_stop->setToolTip(tr("Stop the draft now (Esc)"));
}

void PromptPanel::buildLayout() {
    auto* task = new QHBoxLayout;
    task->addWidget(m_template, 1);
    task->addWidget(m_editTemplates);
    auto* form = new QFormLayout;
    form->addRow(tr("Task:"), task);
    form->addRow(tr("Indication:"), m_indication);
    form->addRow(tr("Comparison:"), m_comparison);
    form->addRow(tr("Answer in:"), m_language);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_images, 1);
    buttons->addWidget(m_stop);
    buttons->addWidget(m_draft);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_notice);
    layout->addLayout(form);
    layout->addWidget(m_prompt, 1);
    layout->addWidget(m_sampling);
    layout->addLayout(buttons);
}

void PromptPanel::fillLanguages() {
    const QString saved =
        QSettings().value(settings::outputLanguage(), QStringLiteral("en")).toString();
    for (const OutputLanguage& language : outputLanguages()) {
        m_language->addItem(language.nativeName, language.code);
    }
    m_language->setCurrentIndex(std::max(0, m_language->findData(saved)));
}

void PromptPanel::fillTemplates(const QString& selectId) {
    QSignalBlocker block(m_template);
    m_template->clear();
    for (const PromptTemplate& t : m_store.templates()) {
        m_template->addItem(t.edited ? tr("%1 (edited)").arg(t.name) : t.name, t.id);
    }
    m_template->setCurrentIndex(std::max(0, m_template->findData(selectId)));
}

const PromptTemplate& PromptPanel::currentTemplate() const {
    const PromptTemplate* t = m_store.find(m_template->currentData().toString());
    return t ? *t : m_store.templates().first();
}

bool PromptPanel::selectTemplate(const QString& id) {
    const int index = m_template->findData(id);
    if (index >= 0) {
        m_template->setCurrentIndex(index);
    }
    return index >= 0;
}

bool PromptPanel::requestEdited() const {
    return m_prompt->toPlainText() != currentTemplate().question;
}

void PromptPanel::onTemplateChanged(int index) {
    if (index < 0) {
        return;
    }
    const PromptTemplate& t = currentTemplate();
    QSettings().setValue(settings::lastTemplate(), t.id);
    m_prompt->setPlainText(t.question);
    m_prompt->setPlaceholderText(t.usesImages()
                                     ? tr("What should MedGemma do with the selected images?")
                                     : tr("Ask a medical question."));
    Q_EMIT inputsChanged();
}

void PromptPanel::editTemplates() {
    const QString current = currentTemplate().id;
    TemplateEditorDialog dialog(m_store, current, this);
    dialog.exec();
    fillTemplates(dialog.selectedId().isEmpty() ? current : dialog.selectedId());
    onTemplateChanged(m_template->currentIndex());
    Q_EMIT templatesEdited();
    if (currentTemplate().id != current) {
        Q_EMIT templateChosen(currentTemplate().id);
    }
}

PromptInputs PromptPanel::promptInputs() const {
    PromptInputs inputs;
    inputs.question = m_prompt->toPlainText();
    inputs.indication = m_indication->text();
    inputs.comparison = m_comparison->text();
    inputs.languageCode = m_language->currentData().toString();
    inputs.sampling = m_sampling->sampling();
    return inputs;
}

QString PromptPanel::promptText() const {
    return m_prompt->toPlainText();
}
void PromptPanel::setPromptText(const QString& text) {
    m_prompt->setPlainText(text);
}

void PromptPanel::setModelState(ModelState state, const QString& detail) {
    m_modelState = state;
    m_notice->setState(state, detail);
    updateButtons();
}

void PromptPanel::setDrafting(bool drafting) {
    m_drafting = drafting;
    updateButtons();
}

void PromptPanel::setImageSummary(const QString& summary) {
    m_images->setText(summary);
}

bool PromptPanel::draftEnabled() const {
    return m_draft->isEnabled();
}

void PromptPanel::updateButtons() {
    const bool ready = m_modelState == ModelState::Ready;
    m_draft->setEnabled(ready && !m_drafting);
    m_stop->setEnabled(m_drafting);
    m_draft->setToolTip(ready ? tr("Send the selected images and the prompt to MedGemma "
                                   "(Ctrl+Return)")
                              : tr("Drafting needs a MedGemma model: Model ▸ Model manager… "
                                   "(Ctrl+Shift+M)"));
}

}  // namespace ui
