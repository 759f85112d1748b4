#pragma once
// Model ▸ Model manager: the MedGemma / Gemma 3 models found in the Hugging Face cache plus any
// folder the clinician chose, with variant, parameters, weight dtype, size on disk and the
// memory each needs against what is free; device (CPU, or CUDA when the engine has it) and
// precision; Load in the background with progress and Cancel. When nothing is found, a page
// explains how to get MedGemma. The search runs on a worker thread (the catalog may read
// safetensors headers), so the dialog opens at once.
// Ownership: the catalog and the service are not owned; the catalog must outlive the dialog.
// Thread-safety: GUI thread only.

#include <QDialog>
#include <QFutureWatcher>
#include <QPointer>

#include "ui/drafting_service.h"
#include "ui/model/model_catalog.h"

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTreeWidget;

namespace ui {

struct ModelSearchResult {
    QList<ModelSummary> models;
    RuntimeFacts runtime;
};

class ModelManagerDialog : public QDialog {
    Q_OBJECT
public:
    ModelManagerDialog(ModelCatalog& catalog, DraftingService* service, QWidget* parent = nullptr);
    ~ModelManagerDialog() override;

    void refresh();                                   // searches again
    void addFolder(const QString& folder);            // describes it and lists it, selected
    bool isSearching() const { return m_searching; }  // until the results are shown
    const QList<ModelSummary>& models() const { return m_models; }
    ModelChoice selectedChoice() const;

    QStackedWidget* pages() const { return m_pages; }
    QTreeWidget* list() const { return m_list; }
    QComboBox* deviceBox() const { return m_device; }
    QComboBox* precisionBox() const { return m_precision; }
    QLabel* memoryLabel() const { return m_memory; }
    QLabel* statusLabel() const { return m_status; }
    QLabel* helpLabel() const { return m_help; }
    QPushButton* loadButton() const { return m_load; }
    QPushButton* cancelButton() const { return m_cancel; }
    QProgressBar* progressBar() const { return m_progress; }

Q_SIGNALS:
    void searchFinished();

private:
    QWidget* buildListPage();
    QWidget* buildHelpPage();
    void chooseFolder();
    void onSearchDone();
    void fillList(const QString& selectDirectory);
    void showSelected();
    void load();
    void onModelState(ModelState state, const QString& message);
    void setLoading(bool loading);

    ModelCatalog& m_catalog;
    QPointer<DraftingService> m_service;
    QFutureWatcher<ModelSearchResult> m_search;
    QList<ModelSummary> m_models;
    RuntimeFacts m_runtime;
    QStringList m_extraFolders;
    QString m_selectAfterSearch;
    bool m_loading = false;
    bool m_searching = false;
    QStackedWidget* m_pages = nullptr;
    QTreeWidget* m_list = nullptr;
    QComboBox* m_device = nullptr;
    QComboBox* m_precision = nullptr;
    QLabel* m_details = nullptr;
    QLabel* m_memory = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_help = nullptr;
    QPushButton* m_load = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
};

}  // namespace ui
