#pragma once
// ModelController: the window's model commands. Opens the model manager (when the application
// provides a catalog), and Model ▸ Choose model folder, which remembers the folder and loads it
// with the remembered device and precision.
// Ownership: the service and the catalog are not owned; the catalog must outlive this object.
// Thread-safety: GUI thread only.

#include <QObject>
#include <QPointer>

#include "ui/drafting_service.h"

class QWidget;

namespace ui {

class ModelCatalog;
class ModelManagerDialog;

class ModelController : public QObject {
    Q_OBJECT
public:
    explicit ModelController(QWidget* window);

    void setService(DraftingService* service);
    void setCatalog(ModelCatalog* catalog);
    bool hasCatalog() const { return m_catalog != nullptr; }

    // Opens the model manager (or brings it to the front); falls back to choosing a folder when
    // no catalog exists.
    void openManager();
    void chooseFolder();
    ModelManagerDialog* dialog() const;

Q_SIGNALS:
    void folderChosen(const QString& directory);

private:
    QWidget* m_window;
    QPointer<DraftingService> m_service;
    ModelCatalog* m_catalog = nullptr;
    QPointer<ModelManagerDialog> m_dialog;
};

}  // namespace ui
