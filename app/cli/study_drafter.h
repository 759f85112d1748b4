#pragma once
// Drafts one study headless with the workstation's own pipeline: the whole-series inputs that
// "Mark whole series" prepares (ui/assistant/series_input_plan.h, dicom/ recipes), the prompt
// the template store and request builder make, the drafting service (engine worker, provenance,
// audit line per inference), a journalled ReportSession (a crash leaves a report the workstation
// offers to restore) and the same exports as File > Export (audit line per export).
// Writes <folder>/report.report.json and the asked formats under their default names.
// Ownership: references only; service, templates and audit log must outlive the drafter.
// Thread-safety: the thread of the QGuiApplication (it runs nested event loops).

#include <functional>

#include <QList>
#include <QString>
#include <QStringList>

#include "draft_targets.h"
#include "ui/assistant/prompt_templates.h"
#include "ui/drafting_service.h"
#include "ui/report/report_export.h"

namespace ui {
class AuditLog;
class ReportSession;
}  // namespace ui

namespace app::cli {

struct DraftSettings {
    QString templateId;  // empty: ui::defaultTemplateId() of the study's series
    QString prompt;      // empty: the template's own request
    int maxNewTokens = 1024;
    QList<ui::ExportFormat> formats;
    bool deidentify = false;
};

struct StudyResult {
    bool ok = false;
    QString error;   // why the study was not drafted
    QString folder;  // where its files went
    int generatedTokens = 0;
    QString outcome;       // "completed", "length-limit"
    QStringList warnings;  // formats not written, and why (the study still counts as drafted)
};

// Called with a short phase name ("preparing images", "writing", ...) and 0..1 of the study.
using StudyProgressFn = std::function<void(const QString& phase, double fraction)>;

class StudyDrafter {
public:
    StudyDrafter(ui::DraftingService& service, const QList<ui::PromptTemplate>& templates,
                 ui::AuditLog& audit, DraftSettings settings);

    StudyResult draft(const dicom::Collection& collection, const DraftTarget& target,
                      const QString& outDirectory, const StudyProgressFn& progress);

private:
    const ui::PromptTemplate* templateFor(const dicom::SeriesInfo& series, QString* error) const;
    bool buildRequest(const dicom::SeriesInfo& series, ui::DraftRequest* request, QString* error,
                      const StudyProgressFn& progress) const;
    // Saves the report and writes the asked formats into result->folder.
    bool keep(ui::ReportSession& session, StudyResult* result) const;
    bool prepareImages(const dicom::SeriesInfo& series, QList<ui::DraftImage>* images,
                       QString* error, const StudyProgressFn& progress) const;
    bool writeFiles(const ui::ReportDocument& doc, StudyResult* result) const;

    ui::DraftingService& m_service;
    const QList<ui::PromptTemplate>& m_templates;
    ui::AuditLog& m_audit;
    DraftSettings m_settings;
};

}  // namespace app::cli
