#include "ui/assistant/template_editor_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {
namespace {

QPlainTextEdit* textBox(QWidget* parent, int lines) {
    auto* edit = new QPlainTextEdit(parent);
    edit->setTabChangesFocus(true);
    edit->setMinimumHeight(edit->fontMetrics().lineSpacing() * lines + 12);
    return edit;
}

}  // namespace

TemplateEditorDialog::TemplateEditorDialog(TemplateStore& store, const QString& selectId,
                                           QWidget* parent)
    : QDialog(parent), m_store(store) {
    setWindowTitle(tr("Prompt templates"));
    m_list = new QListWidget(this);
    m_list->setMinimumWidth(280);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_new = buttons->addButton(tr("New template"), QDialogButtonBox::ActionRole);
    m_restore = buttons->addButton(tr("Restore built-in"), QDialogButtonBox::ActionRole);
    m_save = buttons->addButton(tr("Save"), QDialogButtonBox::ApplyRole);
    auto* split = new QHBoxLayout;
    split->addWidget(m_list);
    split->addWidget(buildForm(), 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(split, 1);
    layout->addWidget(buttons);
    resize(880, 560);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &TemplateEditorDialog::saveCurrent);
    connect(m_restore, &QPushButton::clicked, this, &TemplateEditorDialog::restoreCurrent);
    connect(m_new, &QPushButton::clicked, this, &TemplateEditorDialog::addNew);
    connect(m_list, &QListWidget::currentRowChanged, this, &TemplateEditorDialog::onRowChanged);
    fillList(selectId);
}

QWidget* TemplateEditorDialog::buildForm() {
    auto* form = new QWidget(this);
    m_name = new QLineEdit(form);
    m_system = textBox(form, 2);
    m_system->setPlaceholderText(tr("None: the MedGemma 1.5 recipes send no system prompt."));
    m_instruction = textBox(form, 3);
    m_question = textBox(form, 4);
    m_placement = new QComboBox(form);
    m_placement->addItem(tr("No images (text only)"), placementKey(ImagePlacement::None));
    m_placement->addItem(tr("Images, then the request"), placementKey(ImagePlacement::BeforeText));
    m_placement->addItem(tr("Text, then the images"), placementKey(ImagePlacement::AfterText));
    m_placement->addItem(tr("Slices labelled SLICE 1, 2, …, then the request"),
                         placementKey(ImagePlacement::Interleaved));
    m_version = new QLabel(form);
    auto* layout = new QFormLayout(form);
    layout->addRow(tr("Name:"), m_name);
    layout->addRow(tr("System prompt:"), m_system);
    layout->addRow(tr("Text before the images:"), m_instruction);
    layout->addRow(tr("Request:"), m_question);
    layout->addRow(tr("Image order:"), m_placement);
    layout->addRow(tr("Version:"), m_version);
    return form;
}

void TemplateEditorDialog::fillList(const QString& selectId) {
    QSignalBlocker block(m_list);
    m_list->clear();
    int selectRow = 0;
    for (const PromptTemplate& t : m_store.templates()) {
        auto* item = new QListWidgetItem(m_list);
        item->setData(Qt::UserRole, t.id);
        if (t.id == selectId) {
            selectRow = m_list->count() - 1;
        }
    }
    refreshNames();
    m_list->setCurrentRow(selectRow);
    showTemplate(m_list->currentItem()->data(Qt::UserRole).toString());
}

void TemplateEditorDialog::showTemplate(const QString& id) {
    const PromptTemplate* t = m_store.find(id);
    if (!t) {
        return;
    }
    m_currentId = id;
    m_name->setText(t->name);
    m_system->setPlainText(t->systemPrompt);
    m_instruction->setPlainText(t->instruction);
    m_question->setPlainText(t->question);
    m_placement->setCurrentIndex(std::max(0, m_placement->findData(placementKey(t->placement))));
    const QString origin = t->edited    ? tr("built-in, edited")
                           : t->builtIn ? tr("built-in")
                                        : tr("your own");
    m_version->setText(tr("%1 — %2").arg(t->version).arg(origin));
    m_restore->setText(t->builtIn ? tr("Restore built-in") : tr("Delete"));
    m_restore->setEnabled(t->edited || !t->builtIn);
}

PromptTemplate TemplateEditorDialog::editedTemplate() const {
    PromptTemplate t = m_store.find(m_currentId) ? *m_store.find(m_currentId) : PromptTemplate{};
    t.id = m_currentId;
    t.name = m_name->text().trimmed();
    t.systemPrompt = m_system->toPlainText();
    t.instruction = m_instruction->toPlainText();
    t.question = m_question->toPlainText();
    t.placement = placementFromKey(m_placement->currentData().toString());
    return t;
}

void TemplateEditorDialog::saveCurrent() {
    if (saveEdits()) {
        fillList(m_currentId);
    }
}

bool TemplateEditorDialog::saveEdits() {
    const PromptTemplate t = editedTemplate();
    if (t.name.isEmpty()) {
        QMessageBox::information(this, windowTitle(), tr("Give the template a name first."));
        return false;
    }
    if (!m_store.save(t)) {
        QMessageBox::warning(this, windowTitle(),
                             tr("The templates could not be saved to %1: %2")
                                 .arg(m_store.path(), m_store.lastError()));
        return false;
    }
    return true;
}

bool TemplateEditorDialog::hasUnsavedChanges() const {
    const PromptTemplate* stored = m_store.find(m_currentId);
    if (!stored) {
        return false;
    }
    const PromptTemplate now = editedTemplate();
    return now.name != stored->name || now.systemPrompt != stored->systemPrompt ||
           now.instruction != stored->instruction || now.question != stored->question ||
           now.placement != stored->placement;
}

bool TemplateEditorDialog::settleUnsavedChanges() {
    if (!hasUnsavedChanges()) {
        return true;
    }
    const QMessageBox::StandardButton answer = QMessageBox::question(
        this, windowTitle(),
        tr("Save the changes to the template “%1”?").arg(m_store.find(m_currentId)->name),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save) {
        return saveEdits();
    }
    return answer == QMessageBox::Discard;
}

// Another template was picked: edits of the one shown are saved or dropped first, or the
// pick is undone when the clinician cancels.
void TemplateEditorDialog::onRowChanged(int row) {
    if (row < 0) {
        return;
    }
    const QString id = m_list->item(row)->data(Qt::UserRole).toString();
    if (id == m_currentId) {
        return;
    }
    if (!settleUnsavedChanges()) {
        QSignalBlocker block(m_list);
        m_list->setCurrentRow(rowOf(m_currentId));
        return;
    }
    refreshNames();
    showTemplate(id);
}

int TemplateEditorDialog::rowOf(const QString& id) const {
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(Qt::UserRole).toString() == id) {
            return row;
        }
    }
    return -1;
}

void TemplateEditorDialog::refreshNames() {
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem* item = m_list->item(row);
        if (const PromptTemplate* t = m_store.find(item->data(Qt::UserRole).toString())) {
            item->setText(t->edited ? tr("%1 (edited)").arg(t->name) : t->name);
        }
    }
}

void TemplateEditorDialog::reject() {
    if (settleUnsavedChanges()) {
        QDialog::reject();
    }
}

void TemplateEditorDialog::restoreCurrent() {
    const QString id = m_currentId;
    m_store.restoreOrRemove(id);
    fillList(id);
}

void TemplateEditorDialog::addNew() {
    if (!settleUnsavedChanges()) {
        return;
    }
    PromptTemplate t;
    t.id = m_store.newId();
    t.name = tr("New template");
    t.systemPrompt = QStringLiteral("You are an expert radiologist.");
    t.builtIn = false;
    m_store.save(t);
    fillList(t.id);
    m_name->setFocus();
    m_name->selectAll();
}

QString TemplateEditorDialog::selectedId() const {
    return m_currentId;
}

}  // namespace ui
