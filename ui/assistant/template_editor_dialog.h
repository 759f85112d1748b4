#pragma once
// Edits the prompt templates: pick one on the left, change its name, system prompt, text before
// the images, request and image placement, and save (the version goes up, for provenance). A
// built-in can be restored to the shipped wording; a template of the clinician's own can be
// deleted. Saving writes through the TemplateStore at once. Edits are never dropped silently:
// picking another template, adding one or closing first asks whether to save them.
// Ownership: the store is not owned and must outlive the dialog.
// Thread-safety: GUI thread only.

#include <QDialog>

#include "ui/assistant/template_store.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace ui {

class TemplateEditorDialog : public QDialog {
    Q_OBJECT
public:
    TemplateEditorDialog(TemplateStore& store, const QString& selectId, QWidget* parent = nullptr);

    QString selectedId() const;
    QLineEdit* nameEdit() const { return m_name; }
    QPlainTextEdit* systemEdit() const { return m_system; }
    QPlainTextEdit* questionEdit() const { return m_question; }
    QPushButton* saveButton() const { return m_save; }
    QPushButton* restoreButton() const { return m_restore; }
    QPushButton* newButton() const { return m_new; }
    QListWidget* list() const { return m_list; }
    // The fields differ from the stored template shown.
    bool hasUnsavedChanges() const;

public Q_SLOTS:
    void reject() override;  // asks about unsaved edits first

private:
    QWidget* buildForm();
    void fillList(const QString& selectId);
    void showTemplate(const QString& id);
    PromptTemplate editedTemplate() const;
    void saveCurrent();
    bool saveEdits();
    // Save, Discard or Cancel for unsaved edits; false when cancelled or the save failed.
    bool settleUnsavedChanges();
    void onRowChanged(int row);
    int rowOf(const QString& id) const;
    void refreshNames();
    void restoreCurrent();
    void addNew();

    TemplateStore& m_store;
    QListWidget* m_list = nullptr;
    QLineEdit* m_name = nullptr;
    QPlainTextEdit* m_system = nullptr;
    QPlainTextEdit* m_instruction = nullptr;
    QPlainTextEdit* m_question = nullptr;
    QComboBox* m_placement = nullptr;
    QLabel* m_version = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_restore = nullptr;
    QPushButton* m_new = nullptr;
    QString m_currentId;
};

}  // namespace ui
