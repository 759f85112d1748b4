#pragma once
// ReportController: the report side of the main window. It owns the open report's session
// (journalled to <AppDataLocation>/report-journal), binds it to the report editor, records each
// finished draft with its provenance and the study it belongs to, offers to restore a report
// left by a crash, and carries out the File menu's report commands: new, open, save, export
// (DICOM SR, PDF, FHIR, text, Markdown; de-identified when asked), copy and mark final. Every
// export is audited (<AppDataLocation>/audit.jsonl).
// Ownership: the actions, editor, runner, studies and window are not owned and must outlive
// the controller; the session and the audit log are owned.
// Thread-safety: GUI thread only.

#include <memory>

#include <QObject>
#include <QPointer>

#include "ui/drafting_service.h"
#include "ui/report/report_export.h"
#include "ui/report/report_journal.h"

class QAction;
class QWidget;

namespace ui {

class AuditLog;
class ReportEditor;
class ReportSession;
class RequestRunner;
class StudySession;
struct WindowActions;

class ReportController : public QObject {
    Q_OBJECT
public:
    ReportController(const WindowActions& actions, ReportEditor& editor, RequestRunner& draftRunner,
                     StudySession& studies, QWidget* window);
    ~ReportController() override;

    ReportSession& session() const { return *m_session; }
    AuditLog& audit() const { return *m_audit; }
    void setService(DraftingService* service);  // not owned; for late weight digests

    // Shows the restore offer (non-modal to the caller: it returns at once) when a report was
    // left unsaved by an earlier run. Returns false when there is nothing to offer.
    bool offerRecovery();

    bool saveTo(const QString& path);
    bool openFrom(const QString& path);
    ExportResult exportTo(ExportFormat format, const QString& path);
    void copyToClipboard();
    bool deidentifyExports() const;
    // A clean end: journals the last keystrokes and removes the journal when nothing is lost.
    void shutdown();

Q_SIGNALS:
    void statusMessage(const QString& message, int timeoutMs);

private:
    void connectActions(const WindowActions& actions);
    void connectDrafts(RequestRunner& runner, StudySession& studies);
    void offerNext();
    void onRecoveryChoice(int choice);
    void save(bool choosePath);
    void open();
    void newReport();
    void exportAs(ExportFormat format);
    void markFinal();
    bool confirmReplace();
    ExportOptions exportOptions() const;

    std::unique_ptr<AuditLog> m_audit;
    ReportSession* m_session = nullptr;
    QWidget* m_window = nullptr;
    QPointer<DraftingService> m_service;
    QAction* m_deidentify = nullptr;
    QList<ReportJournal::Orphan> m_orphans;  // still to offer, newest first
};

}  // namespace ui
