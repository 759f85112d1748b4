#include "ui/model/model_controller.h"

#include <QFileDialog>
#include <QWidget>

#include "ui/model/model_manager_dialog.h"
#include "ui/model/model_settings.h"

namespace ui {

ModelController::ModelController(QWidget* window) : QObject(window), m_window(window) {}

void ModelController::setService(DraftingService* service) {
    m_service = service;
}
void ModelController::setCatalog(ModelCatalog* catalog) {
    m_catalog = catalog;
}

ModelManagerDialog* ModelController::dialog() const {
    return m_dialog;
}

void ModelController::openManager() {
    if (!m_catalog) {
        chooseFolder();
        return;
    }
    if (!m_dialog) {
        m_dialog = new ModelManagerDialog(*m_catalog, m_service, m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

void ModelController::chooseFolder() {
    ModelChoice choice = rememberedModelChoice();
    const QString folder = QFileDialog::getExistingDirectory(
        m_window, tr("Choose the MedGemma model folder (with config.json and *.safetensors)"),
        choice.directory);
    if (folder.isEmpty()) {
        return;
    }
    choice.directory = folder;
    rememberModelChoice(choice);
    if (m_service) {
        m_service->loadModel(choice);
    }
    if (m_dialog) {
        m_dialog->addFolder(folder);
    }
    Q_EMIT folderChosen(folder);
}

}  // namespace ui
