#include "study_drafter.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QThread>
#include <QtConcurrent>

#include "ui/assistant/default_template.h"
#include "ui/assistant/request_builder.h"
#include "ui/assistant/series_input_plan.h"
#include "ui/report/report_journal.h"
#include "ui/report/report_session.h"

namespace app::cli {
namespace {

class Text {
    Q_DECLARE_TR_FUNCTIONS(app::cli::StudyDrafter)
};

// Shares of a study's progress: preparing the images, then the engine's phases, then writing.
constexpr double kPreparedShare = 0.1;
constexpr double kPromptShare = 0.2;
// The bar only needs a rough measure of the answer's length: about four characters a token.
constexpr double kCharactersPerToken = 4.0;

QString phaseName(ui::DraftPhase phase) {
    switch (phase) {
        case ui::DraftPhase::LoadingModel:
            return Text::tr("loading the model");
        case ui::DraftPhase::EncodingImages:
            return Text::tr("encoding the images");
        case ui::DraftPhase::ReadingPrompt:
            return Text::tr("reading the prompt");
        case ui::DraftPhase::Writing:
            break;
    }
    return Text::tr("writing");
}

struct RunEnd {
    bool failed = false;
    QString message;
    ui::DraftEnd end = ui::DraftEnd::Completed;
    ui::DraftStats stats;
};

// Runs `request` through the service into `session`, as the workstation's report controller
// does, and returns when it has finished or failed.
RunEnd runRequest(ui::DraftingService& service, ui::ReportSession& session,
                  const ui::DraftRequest& request, const dicom::Collection& collection,
                  const StudyProgressFn& progress) {
    QEventLoop loop;
    QObject guard;  // disconnects everything below when the run is over
    RunEnd result;
    int id = 0;
    qsizetype written = 0;
    const double expected = request.sampling.maxNewTokens * kCharactersPerToken;
    QObject::connect(&service, &ui::DraftingService::progress, &guard,
                     [&](int rid, ui::DraftPhase phase, double) {
                         if (rid == id && phase != ui::DraftPhase::Writing) {
                             progress(phaseName(phase), kPreparedShare);
                         }
                     });
    QObject::connect(&service, &ui::DraftingService::textChunk, &guard,
                     [&](int rid, const QString& text) {
                         if (rid != id) {
                             return;
                         }
                         session.appendDraftText(rid, text);
                         written += text.size();
                         const double share = std::min(1.0, double(written) / expected);
                         progress(phaseName(ui::DraftPhase::Writing),
                                  kPromptShare + (1.0 - kPromptShare) * share);
                     });
    QObject::connect(&service, &ui::DraftingService::finished, &guard,
                     [&](int rid, ui::DraftEnd end, const ui::DraftStats& stats) {
                         if (rid == id) {
                             session.finishDraft(rid, end, stats, collection);
                             result.end = end;
                             result.stats = stats;
                             loop.quit();
                         }
                     });
    QObject::connect(&service, &ui::DraftingService::failed, &guard,
                     [&](int rid, const QString& message) {
                         if (rid == id) {
                             session.abandonDraft(rid);
                             result.failed = true;
                             result.message = message;
                             loop.quit();
                         }
                     });
    id = service.startDraft(request);
    session.beginDraft(id);
    loop.exec();
    return result;
}

}  // namespace

StudyDrafter::StudyDrafter(ui::DraftingService& service, const QList<ui::PromptTemplate>& templates,
                           ui::AuditLog& audit, DraftSettings settings)
    : m_service(service), m_templates(templates), m_audit(audit), m_settings(std::move(settings)) {}

const ui::PromptTemplate* StudyDrafter::templateFor(const dicom::SeriesInfo& series,
                                                    QString* error) const {
    const QString id =
        m_settings.templateId.isEmpty() ? ui::defaultTemplateId(series) : m_settings.templateId;
    const ui::PromptTemplate* t = ui::findTemplate(m_templates, id);
    if (!t) {
        *error = Text::tr("there is no prompt template '%1'").arg(id);
    }
    return t;
}

bool StudyDrafter::prepareImages(const dicom::SeriesInfo& series, QList<ui::DraftImage>* images,
                                 QString* error, const StudyProgressFn& progress) const {
    const ui::InputPlan plan = ui::wholeSeriesPlan(series);
    QFuture<ui::PreparedInputs> future = QtConcurrent::run(
        [plan](QPromise<ui::PreparedInputs>& promise) { ui::prepareInputs(promise, plan); });
    while (!future.isFinished()) {
        const int range = std::max(1, future.progressMaximum());
        progress(Text::tr("preparing the images"), kPreparedShare * future.progressValue() / range);
        QThread::msleep(50);
    }
    const ui::PreparedInputs prepared =
        future.resultCount() > 0 ? future.result() : ui::PreparedInputs{};
    if (!prepared.errors.isEmpty()) {
        *error = prepared.errors.join(QStringLiteral("; "));  // no draft from part of a series
        return false;
    }
    if (prepared.images.isEmpty()) {
        *error = Text::tr("no image of the series could be prepared");
        return false;
    }
    *images = prepared.images;
    return true;
}

bool StudyDrafter::writeFiles(const ui::ReportDocument& doc, StudyResult* result) const {
    ui::ExportOptions options;
    options.deidentify = m_settings.deidentify;
    options.audit = &m_audit;
    for (ui::ExportFormat format : m_settings.formats) {
        // Photographs belong to no DICOM study, so there is nothing for an SR to reference.
        if (format == ui::ExportFormat::DicomSr && doc.study.studyInstanceUid.isEmpty()) {
            result->warnings << Text::tr("no DICOM SR: the images are not DICOM");
            continue;
        }
        const QString path = QDir(result->folder).filePath(ui::defaultFileName(format));
        const ui::ExportResult written = ui::exportReport(doc, format, path, options);
        if (!written.ok) {
            result->error = written.error;
            return false;
        }
    }
    return true;
}

bool StudyDrafter::buildRequest(const dicom::SeriesInfo& series, ui::DraftRequest* request,
                                QString* error, const StudyProgressFn& progress) const {
    const ui::PromptTemplate* t = templateFor(series, error);
    if (!t) {
        return false;
    }
    ui::PromptInputs inputs;
    inputs.question = m_settings.prompt.isEmpty() ? t->question : m_settings.prompt;
    inputs.languageCode = QStringLiteral("en");
    inputs.sampling.maxNewTokens = m_settings.maxNewTokens;
    if (inputs.question.trimmed().isEmpty()) {
        *error = Text::tr("the template '%1' has no request of its own; give --prompt").arg(t->id);
        return false;
    }
    QList<ui::DraftImage> images;
    if (t->usesImages() && !prepareImages(series, &images, error, progress)) {
        return false;
    }
    *request = ui::buildDraftRequest(*t, inputs, images);
    return true;
}

bool StudyDrafter::keep(ui::ReportSession& session, StudyResult* result) const {
    if (!QDir().mkpath(result->folder)) {
        result->error = Text::tr("%1 cannot be created").arg(result->folder);
        return false;
    }
    const QString reportFile = QDir(result->folder).filePath(QStringLiteral("report.report.json"));
    return session.save(reportFile, &result->error) && writeFiles(session.document(), result);
}

StudyResult StudyDrafter::draft(const dicom::Collection& collection, const DraftTarget& target,
                                const QString& outDirectory, const StudyProgressFn& progress) {
    StudyResult result;
    result.folder = QDir(outDirectory).filePath(studyFolderName(target.study->studyInstanceUid));
    ui::DraftRequest request;
    if (!target.series) {
        result.error = Text::tr("the study has no images");
        return result;
    }
    if (!buildRequest(*target.series, &request, &result.error, progress)) {
        return result;
    }
    // Journalled like the workstation's open report: a crash leaves it for the next start.
    ui::ReportSession session(ui::ReportJournal::defaultDirectory());
    const RunEnd run = runRequest(m_service, session, request, collection, progress);
    if (run.failed || run.end == ui::DraftEnd::Stopped) {
        result.error = run.failed ? run.message : Text::tr("the draft was stopped");
        session.newReport();  // nothing worth restoring: the journal goes
    } else if (keep(session, &result)) {
        result.ok = true;
        result.generatedTokens = run.stats.generatedTokens;
        result.outcome = run.end == ui::DraftEnd::LengthLimit ? QStringLiteral("length-limit")
                                                              : QStringLiteral("completed");
    }
    session.close();  // saved or emptied: the journal goes; unsaved: it stays for the next start
    return result;
}

}  // namespace app::cli
