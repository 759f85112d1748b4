#include "ui/report/report_controller.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>

#include "ui/assistant/request_runner.h"
#include "ui/report/audit_log.h"
#include "ui/report/recovery_dialog.h"
#include "ui/report/report_binding.h"
#include "ui/report/report_json.h"
#include "ui/report/report_pdf.h"
#include "ui/report/report_session.h"
#include "ui/report/report_text.h"
#include "ui/study/study_session.h"
#include "ui/window_actions.h"

namespace ui {
namespace {

const QString kDeidentifyKey = QStringLiteral("report/deidentifyExports");
const QString kDirectoryKey = QStringLiteral("report/lastDirectory");

QString lastDirectory() {
    return QSettings().value(kDirectoryKey, QDir::homePath()).toString();
}

}  // namespace

ReportController::ReportController(const WindowActions& actions, ReportEditor& editor,
                                   RequestRunner& draftRunner, StudySession& studies,
                                   QWidget* window)
    : QObject(window), m_audit(std::make_unique<AuditLog>()), m_window(window) {
    m_session = new ReportSession(ReportJournal::defaultDirectory(), this);
    new ReportBinding(editor, *m_session, m_session);
    connectActions(actions);
    connectDrafts(draftRunner, studies);
}

ReportController::~ReportController() = default;

void ReportController::connectActions(const WindowActions& a) {
    connect(a.newReport, &QAction::triggered, this, &ReportController::newReport);
    connect(a.openReport, &QAction::triggered, this, &ReportController::open);
    connect(a.saveReport, &QAction::triggered, this, [this] { save(false); });
    connect(a.saveReportAs, &QAction::triggered, this, [this] { save(true); });
    const QList<QPair<QAction*, ExportFormat>> exports{{a.exportSr, ExportFormat::DicomSr},
                                                       {a.exportPdf, ExportFormat::Pdf},
                                                       {a.exportFhir, ExportFormat::Fhir},
                                                       {a.exportText, ExportFormat::Text},
                                                       {a.exportMarkdown, ExportFormat::Markdown}};
    for (const auto& [action, format] : exports) {
        connect(action, &QAction::triggered, this, [this, f = format] { exportAs(f); });
    }
    m_deidentify = a.deidentifyExports;
    m_deidentify->setChecked(QSettings().value(kDeidentifyKey, false).toBool());
    connect(m_deidentify, &QAction::toggled, this,
            [](bool on) { QSettings().setValue(kDeidentifyKey, on); });
    connect(a.copyReport, &QAction::triggered, this, &ReportController::copyToClipboard);
    connect(a.markFinal, &QAction::triggered, this, &ReportController::markFinal);
}

void ReportController::connectDrafts(RequestRunner& runner, StudySession& studies) {
    // Connected after the draft controller's own slots, so the editor has ended the draft (and
    // formatted its headings) when the session records it.
    connect(&runner, &RequestRunner::ended, m_session,
            [this, &studies](int id, DraftEnd end, const DraftStats& stats) {
                m_session->finishDraft(id, end, stats, studies.collection());
            });
    connect(&runner, &RequestRunner::failed, m_session,
            [this](int id, const QString&) { m_session->abandonDraft(id); });
}

void ReportController::setService(DraftingService* service) {
    if (m_service) {
        disconnect(m_service, nullptr, m_session, nullptr);
    }
    m_service = service;
    if (service) {
        connect(service, &DraftingService::weightDigestsReady, m_session,
                &ReportSession::applyWeightDigests);
    }
}

bool ReportController::offerRecovery() {
    m_orphans = ReportJournal::findOrphans(ReportJournal::defaultDirectory());
    if (m_orphans.isEmpty()) {
        return false;
    }
    offerNext();
    return true;
}

void ReportController::offerNext() {
    if (m_orphans.isEmpty()) {
        return;
    }
    auto* dialog = new RecoveryDialog(m_orphans.first(), int(m_orphans.size()) - 1, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this,
            [this, dialog] { onRecoveryChoice(int(dialog->choice())); });
    dialog->open();
}

void ReportController::onRecoveryChoice(int choice) {
    const ReportJournal::Orphan orphan = m_orphans.takeFirst();
    switch (RecoveryDialog::Choice(choice)) {
        case RecoveryDialog::Choice::Restore:
            m_session->adopt(orphan.document);  // journalled again under a new file
            ReportJournal::remove(orphan.path);
            Q_EMIT statusMessage(tr("The unsaved report was restored."), 5000);
            m_orphans.clear();  // one report is open at a time; the others wait for next start
            return;
        case RecoveryDialog::Choice::Discard:
            ReportJournal::remove(orphan.path);
            break;
        case RecoveryDialog::Choice::Later:
            break;
    }
    offerNext();
}

bool ReportController::confirmReplace() {
    if (!m_session->isModified() || m_session->document().isEmpty()) {
        return true;
    }
    return QMessageBox::question(m_window, tr("Replace the report"),
                                 tr("The open report has changes that are not saved. Replace it "
                                    "anyway?")) == QMessageBox::Yes;
}

void ReportController::newReport() {
    if (confirmReplace()) {
        m_session->newReport();
    }
}

void ReportController::open() {
    if (!confirmReplace()) {
        return;
    }
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open report"), lastDirectory(),
                                                      tr("Reports (*.report.json *.json)"));
    if (!path.isEmpty()) {
        openFrom(path);
    }
}

bool ReportController::openFrom(const QString& path) {
    QString error;
    const std::optional<ReportDocument> doc = loadReportFile(path, &error);
    if (!doc) {
        QMessageBox::warning(m_window, tr("Open report"),
                             tr("%1 cannot be opened: %2").arg(path, error));
        return false;
    }
    m_session->adopt(*doc, path);
    QSettings().setValue(kDirectoryKey, QFileInfo(path).absolutePath());
    return true;
}

void ReportController::save(bool choosePath) {
    QString path = m_session->filePath();
    if (choosePath || path.isEmpty()) {
        path = QFileDialog::getSaveFileName(
            m_window, tr("Save report"),
            QDir(lastDirectory()).filePath(QStringLiteral("report.report.json")),
            tr("Reports (*.report.json)"));
    }
    if (!path.isEmpty()) {
        saveTo(path);
    }
}

bool ReportController::saveTo(const QString& path) {
    QString error;
    if (!m_session->save(path, &error)) {
        QMessageBox::warning(m_window, tr("Save report"),
                             tr("%1 cannot be written: %2").arg(path, error));
        return false;
    }
    QSettings().setValue(kDirectoryKey, QFileInfo(path).absolutePath());
    Q_EMIT statusMessage(tr("Report saved to %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

bool ReportController::deidentifyExports() const {
    return m_deidentify && m_deidentify->isChecked();
}

ExportOptions ReportController::exportOptions() const {
    ExportOptions options;
    options.deidentify = deidentifyExports();
    options.audit = m_audit.get();
    return options;
}

void ReportController::exportAs(ExportFormat format) {
    const QString path = QFileDialog::getSaveFileName(
        m_window, deidentifyExports() ? tr("Export de-identified report") : tr("Export report"),
        QDir(lastDirectory()).filePath(defaultFileName(format)));
    if (path.isEmpty()) {
        return;
    }
    const ExportResult result = exportTo(format, path);
    if (!result.ok) {
        QMessageBox::warning(m_window, tr("Export report"), result.error);
    }
}

ExportResult ReportController::exportTo(ExportFormat format, const QString& path) {
    m_session->flushJournal();  // the export holds exactly what the editor shows
    const ExportResult result = exportReport(m_session->document(), format, path, exportOptions());
    if (result.ok) {
        QSettings().setValue(kDirectoryKey, QFileInfo(path).absolutePath());
        Q_EMIT statusMessage(tr("Report exported to %1").arg(QDir::toNativeSeparators(path)), 5000);
    }
    return result;
}

void ReportController::copyToClipboard() {
    m_session->flushJournal();
    const ReportDocument doc = exportedDocument(m_session->document(), exportOptions());
    auto* mime = new QMimeData;
    mime->setText(plainTextReport(doc));
    mime->setHtml(reportHtml(doc, false));
    mime->setData(QStringLiteral("text/markdown"), markdownReport(doc).toUtf8());
    QApplication::clipboard()->setMimeData(mime);
    m_audit->appendExport(m_session->document(), QStringLiteral("clipboard"), QString(),
                          deidentifyExports(), doc.text);
    Q_EMIT statusMessage(tr("Report copied"), 3000);
}

void ReportController::markFinal() {
    m_session->markFinal();
    Q_EMIT statusMessage(tr("Report marked final."), 5000);
}

void ReportController::shutdown() {
    m_session->close();
}

}  // namespace ui
