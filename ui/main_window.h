#pragma once
// The workstation's main window: study browser (left), series viewer (centre), prompt panel and
// report editor (right), menus and status bar. It lays out and wires the panels; each panel and
// controller owns its own behaviour.
// Thread-safety: GUI thread only.

#include <QMainWindow>
#include <QPointer>

#include "ui/window_actions.h"

class QLabel;
class QProgressBar;
class QSplitter;
class QToolButton;

namespace ui {

class AnnotationStore;
class AssistantPanel;
class DraftController;
class DraftingService;
class FrameCache;
class ModelCatalog;
class ModelController;
class ReportController;
class PromptPanel;
class ReportEditor;
class SeriesViewer;
class StudyBrowser;
class StudyLoader;
class StudySession;
class ViewerController;
class ViewerGrid;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // The service that drafts text; null means no model support at all. Not owned.
    void setDraftingService(DraftingService* service);
    void setVersionReport(const QString& report);
    void setSampleStudyPath(const QString& path);
    // What the model manager lists; null keeps Model ▸ Model manager to choosing a folder.
    // Not owned; must outlive the window.
    void setModelCatalog(ModelCatalog* catalog);

    // Offers to restore a report an earlier run left unsaved (a dialog that returns at once);
    // false when there is none. The application calls it once the window is shown.
    bool offerReportRecovery();

    void openPaths(const QStringList& paths);
    void openSampleStudy();

    StudySession& session() const { return *m_session; }
    StudyBrowser* browser() const { return m_browser; }
    // The first viewport's viewer (the only one in the 1x1 layout).
    SeriesViewer* seriesViewer() const { return m_seriesViewer; }
    ViewerGrid* viewerGrid() const { return m_viewerGrid; }
    ViewerController* viewerController() const { return m_viewerController; }
    AnnotationStore* annotations() const { return m_annotations; }
    PromptPanel* promptPanel() const { return m_promptPanel; }
    ReportEditor* reportEditor() const { return m_reportEditor; }
    StudyLoader* loader() const { return m_loader; }
    const WindowActions& actions() const { return m_actions; }
    DraftController* draftController() const { return m_draftController; }
    AssistantPanel* assistant() const { return m_assistant; }
    ModelController* models() const { return m_models; }
    ReportController* report() const { return m_report; }

Q_SIGNALS:
    void modelFolderChosen(const QString& directory);
    void studiesLoaded();

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildLayout();
    void buildStatusBar();
    void connectActions();
    void connectEditActions();
    void connectViewerActions();
    void connectAssistantActions();
    void connectReport();
    void connectLoader();
    void rebuildRecentMenu();
    void rebuildLanguageMenu();
    void restoreSettings();
    void saveSettings();
    void chooseFiles();
    void chooseFolder();
    void chooseModelFolder();
    void onStudiesLoaded(const QStringList& paths);
    void showLoadErrors(int firstNewError);

    StudySession* m_session = nullptr;
    FrameCache* m_cache = nullptr;
    StudyLoader* m_loader = nullptr;
    StudyBrowser* m_browser = nullptr;
    SeriesViewer* m_seriesViewer = nullptr;
    ViewerGrid* m_viewerGrid = nullptr;
    ViewerController* m_viewerController = nullptr;
    AnnotationStore* m_annotations = nullptr;
    PromptPanel* m_promptPanel = nullptr;
    ReportEditor* m_reportEditor = nullptr;
    DraftController* m_draftController = nullptr;
    AssistantPanel* m_assistant = nullptr;
    ModelController* m_models = nullptr;
    ReportController* m_report = nullptr;
    QSplitter* m_mainSplitter = nullptr;
    QSplitter* m_rightSplitter = nullptr;
    QProgressBar* m_loadProgress = nullptr;
    QToolButton* m_cancelLoad = nullptr;
    QLabel* m_modelStatus = nullptr;
    QLabel* m_speedStatus = nullptr;
    WindowActions m_actions;
    QString m_versionReport;
    QString m_samplePath;
    QPointer<DraftingService> m_service;
};

}  // namespace ui
