#include "ui/main_window.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextDocument>
#include <QTextEdit>
#include <QToolButton>
#include <QVBoxLayout>

#include "translations/available_languages.h"
#include "ui/assistant/assistant_panel.h"
#include "ui/assistant/draft_controller.h"
#include "ui/assistant/prompt_panel.h"
#include "ui/browser/study_browser.h"
#include "ui/common/recent_paths.h"
#include "ui/common/settings_keys.h"
#include "ui/common/theme.h"
#include "ui/common/value_keys.h"
#include "ui/drafting_service.h"
#include "ui/help_dialogs.h"
#include "ui/measure/annotation_store.h"
#include "ui/model/model_controller.h"
#include "ui/report/report_controller.h"
#include "ui/report/report_editor.h"
#include "ui/study/study_loader.h"
#include "ui/study/study_session.h"
#include "ui/viewer/frame_cache.h"
#include "ui/viewer/image_viewer.h"
#include "ui/viewer/series_viewer.h"
#include "ui/viewer/viewer_controller.h"
#include "ui/viewer/viewer_grid.h"
#include "ui/viewer/viewport.h"

namespace ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("MedGemma Workstation"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/medgemma-workstation.svg")));
    setAcceptDrops(true);
    m_session = new StudySession(this);
    m_cache = new FrameCache(768LL * 1024 * 1024, this);
    m_loader = new StudyLoader(this);
    m_actions = createWindowActions(this);
    installValueKeyPriority(this);
    buildLayout();
    buildStatusBar();
    connectActions();
    connectViewerActions();
    connectLoader();
    rebuildRecentMenu();
    rebuildLanguageMenu();
    restoreSettings();
    setDraftingService(nullptr);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildLayout() {
    m_browser = new StudyBrowser(*m_session, this);
    // The viewports; the first one is the viewer the assistant follows.
    m_annotations = new AnnotationStore(QString(), this);
    m_viewerGrid = new ViewerGrid(*m_cache, *m_annotations, this);
    m_seriesViewer = m_viewerGrid->viewport(0)->seriesViewer();
    m_seriesViewer->viewer()->setEmptyMessage(
        tr("Open a study: File ▸ Open files (Ctrl+O), File ▸ Open folder, drag files or folders "
           "here, or File ▸ Open sample study."));
    m_reportEditor = new ReportEditor(this);
    m_assistant = new AssistantPanel(*m_session, *m_seriesViewer, *m_cache, *m_reportEditor, this);
    m_promptPanel = m_assistant->promptPanel();
    m_draftController = m_assistant->draftController();
    m_models = new ModelController(this);

    m_rightSplitter = new QSplitter(Qt::Vertical, this);
    m_rightSplitter->addWidget(m_assistant);
    m_rightSplitter->addWidget(m_reportEditor);
    m_rightSplitter->setStretchFactor(0, 2);
    m_rightSplitter->setStretchFactor(1, 3);

    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->addWidget(m_browser);
    m_mainSplitter->addWidget(m_viewerGrid);
    m_mainSplitter->addWidget(m_rightSplitter);
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setStretchFactor(2, 0);
    m_mainSplitter->setSizes({340, 760, 420});
    m_mainSplitter->setChildrenCollapsible(false);
    setCentralWidget(m_mainSplitter);
}

void MainWindow::buildStatusBar() {
    m_loadProgress = new QProgressBar(this);
    m_loadProgress->setMaximumWidth(220);
    m_loadProgress->setVisible(false);
    m_cancelLoad = new QToolButton(this);
    m_cancelLoad->setText(tr("Cancel"));
    m_cancelLoad->setVisible(false);
    m_modelStatus = new QLabel(this);
    m_speedStatus = new QLabel(this);
    statusBar()->addPermanentWidget(m_loadProgress);
    statusBar()->addPermanentWidget(m_cancelLoad);
    statusBar()->addPermanentWidget(m_speedStatus);
    statusBar()->addPermanentWidget(m_modelStatus);
    connect(m_cancelLoad, &QToolButton::clicked, m_loader, &StudyLoader::cancel);
}

void MainWindow::connectActions() {
    const WindowActions& a = m_actions;
    connect(a.openFiles, &QAction::triggered, this, &MainWindow::chooseFiles);
    connect(a.openFolder, &QAction::triggered, this, &MainWindow::chooseFolder);
    connect(a.openSample, &QAction::triggered, this, &MainWindow::openSampleStudy);
    connect(a.closeAll, &QAction::triggered, this, [this] {
        m_viewerGrid->clearAll();
        m_cache->clear();
        m_session->clear();
    });
    connect(a.quit, &QAction::triggered, this, &QWidget::close);
    connect(a.chooseModel, &QAction::triggered, this, &MainWindow::chooseModelFolder);
    connect(a.acceptDraft, &QAction::triggered, m_reportEditor, &ReportEditor::acceptDraft);
    connectEditActions();
    connect(a.draft, &QAction::triggered, m_assistant, &AssistantPanel::startCurrent);
    connect(a.stop, &QAction::triggered, m_assistant, &AssistantPanel::stopCurrent);
    connect(m_assistant, &AssistantPanel::statusMessage, this,
            [this](const QString& message, int timeout) { statusBar()->showMessage(message, timeout); });
    connect(m_assistant, &AssistantPanel::speedChanged, m_speedStatus, &QLabel::setText);
    connect(m_draftController, &DraftController::draftFailed, this, [this](const QString& message) {
        QMessageBox::warning(this, tr("Drafting failed"),
                             tr("%1\n\nThe report text is unchanged.").arg(message));
    });
    connect(a.shortcuts, &QAction::triggered, this,
            [this] { showShortcutsDialog(this, m_actions.all()); });
    connect(a.about, &QAction::triggered, this,
            [this] { showAboutDialog(this, m_versionReport); });
    a.showBrowser->setChecked(true);
    a.showAssistant->setChecked(true);
    connect(a.showBrowser, &QAction::toggled, m_browser, &QWidget::setVisible);
    connect(a.showAssistant, &QAction::toggled, m_rightSplitter, &QWidget::setVisible);
    connect(m_assistant, &AssistantPanel::chooseModelRequested, m_models,
            &ModelController::openManager);
    connectAssistantActions();
    connectReport();
    connect(m_browser, &StudyBrowser::openRequested, this,
            [this](const QString& path) { openPaths({path}); });
    connect(m_browser, &StudyBrowser::seriesActivated, this, [this](const QString& uid) {
        m_viewerController->showInActive(uid);
    });
}

// Undo and redo reach the report from anywhere in the window (a focused text box keeps its own
// Ctrl+Z); Find goes to the study browser's filter.
void MainWindow::connectEditActions() {
    QTextEdit* report = m_reportEditor->textEdit();
    connect(m_actions.undo, &QAction::triggered, report, &QTextEdit::undo);
    connect(m_actions.redo, &QAction::triggered, report, &QTextEdit::redo);
    m_actions.undo->setEnabled(report->document()->isUndoAvailable());
    m_actions.redo->setEnabled(report->document()->isRedoAvailable());
    connect(report, &QTextEdit::undoAvailable, m_actions.undo, &QAction::setEnabled);
    connect(report, &QTextEdit::redoAvailable, m_actions.redo, &QAction::setEnabled);
    connect(m_actions.findStudy, &QAction::triggered, this, [this] {
        m_actions.showBrowser->setChecked(true);
        m_browser->focusFilter();
    });
}

// The report: save, export, copy and autosave.
void MainWindow::connectReport() {
    m_report = new ReportController(m_actions, *m_reportEditor, *m_draftController->runner(),
                                    *m_session, this);
    connect(m_report, &ReportController::statusMessage, this,
            [this](const QString& message, int timeout) { statusBar()->showMessage(message, timeout); });
}

bool MainWindow::offerReportRecovery() { return m_report->offerRecovery(); }

void MainWindow::connectAssistantActions() {
    m_assistant->bindActions(m_actions);
    connect(m_actions.modelManager, &QAction::triggered, m_models, &ModelController::openManager);
    connect(m_models, &ModelController::folderChosen, this, &MainWindow::modelFolderChosen);
    bindThemeActions(m_actions.lightTheme, m_actions.darkTheme);
}

void MainWindow::connectViewerActions() {
    m_viewerController = new ViewerController(m_actions, *m_viewerGrid, *m_session, this);
    connect(m_viewerController, &ViewerController::statusMessage, statusBar(),
            &QStatusBar::showMessage);
    connect(m_annotations, &AnnotationStore::saveFailed, this,
            [this](const QString& path, const QString& reason) {
                statusBar()->showMessage(
                    tr("Measurements could not be saved to %1: %2").arg(path, reason), 10000);
            });
}

void MainWindow::connectLoader() {
    connect(m_loader, &StudyLoader::progress, this,
            [this](int done, int total, const QString& path) {
                m_loadProgress->setVisible(true);
                m_cancelLoad->setVisible(true);
                m_loadProgress->setRange(0, std::max(0, total));
                m_loadProgress->setValue(done);
                statusBar()->showMessage(tr("Reading %1").arg(QFileInfo(path).fileName()));
            });
    connect(m_loader, &StudyLoader::loaded, this,
            [this](const dicom::Collection& collection, const QStringList& paths) {
                const int firstNewError = int(m_session->collection().errors.size());
                m_session->add(collection);
                onStudiesLoaded(paths);
                showLoadErrors(firstNewError);
            });
    connect(m_loader, &StudyLoader::cancelled, this, [this] {
        m_loadProgress->setVisible(false);
        m_cancelLoad->setVisible(false);
        statusBar()->showMessage(tr("Opening cancelled"), 5000);
    });
}

void MainWindow::openPaths(const QStringList& paths) {
    if (paths.isEmpty()) {
        return;
    }
    RecentPaths::add(paths);
    rebuildRecentMenu();
    statusBar()->showMessage(tr("Opening %n item(s)…", nullptr, int(paths.size())));
    m_loader->load(paths);
}

void MainWindow::openSampleStudy() {
    if (m_samplePath.isEmpty() || !QFileInfo::exists(m_samplePath)) {
        QMessageBox::warning(this, tr("Sample study"),
                             tr("The sample study was not found at %1. Reinstall the "
                                "application or build it again.")
                                 .arg(m_samplePath));
        return;
    }
    openPaths({m_samplePath});
}

void MainWindow::onStudiesLoaded(const QStringList& paths) {
    Q_UNUSED(paths);
    m_loadProgress->setVisible(false);
    m_cancelLoad->setVisible(false);
    statusBar()->showMessage(
        tr("%n image file(s) open", nullptr, int(m_session->collection().instanceCount())), 5000);
    if (!m_seriesViewer->series()) {
        const QString first = m_session->firstSeriesUid();
        if (!first.isEmpty()) {
            m_browser->selectSeries(first);
        }
    }
    Q_EMIT studiesLoaded();
}

void MainWindow::showLoadErrors(int firstNewError) {
    const auto& errors = m_session->collection().errors;
    if (int(errors.size()) <= firstNewError) {
        return;
    }
    QStringList lines;
    for (int i = firstNewError; i < int(errors.size()) && lines.size() < 20; ++i) {
        lines << QStringLiteral("%1: %2").arg(QFileInfo(QString::fromStdString(errors[i].path)).fileName(),
                                             QString::fromStdString(errors[i].message));
    }
    const int count = int(errors.size()) - firstNewError;
    statusBar()->showMessage(tr("%n file(s) could not be read; the rest is open.", nullptr, count),
                             10000);
    if (m_session->isEmpty()) {
        QMessageBox::warning(this, tr("Nothing could be opened"), lines.join(QLatin1Char('\n')));
    }
}

void MainWindow::chooseFiles() {
    QSettings settings;
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Open images"), settings.value(settings::lastOpenDirectory()).toString(),
        tr("Images (*.dcm *.DCM *.dicom *.ima *.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp "
           "DICOMDIR *.zip);;All files (*)"));
    if (!files.isEmpty()) {
        settings.setValue(settings::lastOpenDirectory(), QFileInfo(files.first()).absolutePath());
        openPaths(files);
    }
}

void MainWindow::chooseFolder() {
    QSettings settings;
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Open folder"), settings.value(settings::lastOpenDirectory()).toString());
    if (!folder.isEmpty()) {
        settings.setValue(settings::lastOpenDirectory(), folder);
        openPaths({folder});
    }
}

void MainWindow::chooseModelFolder() { m_models->chooseFolder(); }

void MainWindow::rebuildRecentMenu() {
    QMenu* menu = m_actions.recentMenu;
    menu->clear();
    const QStringList recent = RecentPaths::load();
    m_browser->setRecentPaths(recent);
    for (const QString& path : recent) {
        QAction* action = menu->addAction(QFileInfo(path).fileName().isEmpty() ? path
                                                                              : QFileInfo(path).fileName());
        action->setToolTip(path);
        connect(action, &QAction::triggered, this, [this, path] { openPaths({path}); });
    }
    if (recent.isEmpty()) {
        menu->addAction(tr("(none)"))->setEnabled(false);
        return;
    }
    menu->addSeparator();
    connect(menu->addAction(tr("Clear recent")), &QAction::triggered, this, [this] {
        RecentPaths::clear();
        rebuildRecentMenu();
    });
}

void MainWindow::rebuildLanguageMenu() {
    QMenu* menu = m_actions.languageMenu;
    menu->clear();
    auto* group = new QActionGroup(menu);
    const QString current = QSettings().value(settings::language()).toString();
    QList<translations::Language> choices{{QString(), tr("System default")}};
    choices.append(translations::availableLanguages());
    for (const auto& language : choices) {
        QAction* action = menu->addAction(language.nativeName);
        action->setCheckable(true);
        action->setChecked(language.code == current);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, code = language.code] {
            QSettings().setValue(settings::language(), code);
            QMessageBox::information(this, tr("Language"),
                                     tr("The new language is used the next time the "
                                        "workstation starts."));
        });
    }
}

void MainWindow::setDraftingService(DraftingService* service) {
    if (m_service) {
        disconnect(m_service, nullptr, this, nullptr);
    }
    m_service = service;
    m_assistant->setService(service);
    m_models->setService(service);
    m_report->setService(service);
    if (!service) {
        m_assistant->setModelState(ModelState::None, {});
        m_modelStatus->setText(tr("No model"));
        return;
    }
    auto applyState = [this](ModelState state, const QString& message) {
        const QString detail = state == ModelState::Ready ? m_service->modelDescription() : message;
        m_assistant->setModelState(state, detail);
        m_modelStatus->setText(state == ModelState::Ready ? m_service->modelDescription()
                               : state == ModelState::Loading ? tr("Loading model…")
                                                              : tr("No model"));
    };
    connect(service, &DraftingService::modelStateChanged, this, applyState);
    applyState(service->modelState(), {});
}

void MainWindow::setVersionReport(const QString& report) { m_versionReport = report; }
void MainWindow::setModelCatalog(ModelCatalog* catalog) { m_models->setCatalog(catalog); }
void MainWindow::setSampleStudyPath(const QString& path) { m_samplePath = path; }

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls()) {
        event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent* event) {
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls()) {
        if (url.isLocalFile()) {
            paths << url.toLocalFile();
        }
    }
    if (!paths.isEmpty()) {
        event->acceptProposedAction();
        openPaths(paths);
    }
}

void MainWindow::restoreSettings() {
    QSettings settings;
    if (!restoreGeometry(settings.value(settings::windowGeometry()).toByteArray()) && screen()) {
        // First start. The size hint follows the toolbar's text, which in Chinese is so narrow
        // that the side panels leave the viewer no room; take most of the screen instead.
        resize(screen()->availableSize() * 0.85);
    }
    restoreState(settings.value(settings::windowState()).toByteArray());
    m_mainSplitter->restoreState(settings.value(settings::splitterState()).toByteArray());
    m_rightSplitter->restoreState(settings.value(settings::rightSplitterState()).toByteArray());
    if (settings.value(settings::assistantTab()).toInt() == 1) {
        m_assistant->showTextAssistant();
    }
    const bool overlay = settings.value(settings::overlayVisible(), true).toBool();
    m_actions.overlay->setChecked(overlay);
    for (SeriesViewer* viewer : m_viewerGrid->seriesViewers()) {
        viewer->viewer()->setOverlayVisible(overlay);
    }
}

void MainWindow::saveSettings() {
    QSettings settings;
    settings.setValue(settings::windowGeometry(), saveGeometry());
    settings.setValue(settings::windowState(), saveState());
    settings.setValue(settings::splitterState(), m_mainSplitter->saveState());
    settings.setValue(settings::rightSplitterState(), m_rightSplitter->saveState());
    settings.setValue(settings::assistantTab(), m_assistant->tabs()->currentIndex());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveSettings();
    m_annotations->saveNow();
    m_report->shutdown();
    m_loader->cancel();
    event->accept();
}

}  // namespace ui
