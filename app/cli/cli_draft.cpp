// medgemma-cli draft: drafts a report for every study found under the paths, headless, with the
// workstation's pipeline (study_drafter.h), and writes the asked export formats per study.

#include <cstdio>
#include <iostream>

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QGuiApplication>

#include "app/core/about.h"
#include "app/core/engine_drafting_service.h"
#include "app/core/weight_digests.h"
#include "arguments.h"
#include "command.h"
#include "dicom/loader.h"
#include "study_drafter.h"
#include "terminal_progress.h"
#include "ui/assistant/template_store.h"
#include "ui/report/audit_log.h"

namespace app::cli {
namespace {

constexpr const char* kPrefix = "medgemma-cli draft: ";

constexpr const char* kUsage =
    "Usage: medgemma-cli draft --model DIR [--template NAME | --prompt TEXT]\n"
    "           [--formats sr,pdf,fhir,text] [--max-new-tokens N] [--deidentify]\n"
    "           [--dtype bfloat16|float32] [--quant none|int8|int4] --out DIR STUDY_PATH...\n\n"
    "Drafts one report per study found under the paths (files, folders, DICOMDIR, ZIP), with\n"
    "the workstation's pipeline: the study's first series with images, prepared as \"Mark whole\n"
    "series\" does (CT/MR: up to 85 slices), the workstation's prompt templates (with your\n"
    "edits), greedy decoding. For each study it writes to OUT/<StudyInstanceUID>/:\n"
    "  report.report.json   the report with its provenance (opens in the workstation)\n"
    "  report.dcm           DICOM Basic Text SR (format sr; not for photographs, which have\n"
    "                       no DICOM study to reference: a warning says so)\n"
    "  report.pdf           PDF (format pdf)\n"
    "  report.fhir.json     FHIR R4 Bundle: DiagnosticReport, Device, Provenance (format fhir)\n"
    "  report.txt           plain text (format text)\n"
    "  report.md            Markdown (format markdown; not in the default)\n\n"
    "  --model DIR          the MedGemma folder (config.json, *.safetensors, tokenizer)\n"
    "  --template NAME      a template id: cxr-report, cxr-comparison, ct-report, mr-report,\n"
    "                       derm-description, fundus, histopathology, ... (default by series:\n"
    "                       ct-report for CT, mr-report for MR, derm-description for\n"
    "                       photographs, cxr-report otherwise)\n"
    "  --prompt TEXT        your own request instead of the template's (the default template's\n"
    "                       layout of images and text is kept)\n"
    "  --formats LIST       comma-separated: sr, pdf, fhir, text, markdown (default\n"
    "                       sr,pdf,fhir,text)\n"
    "  --max-new-tokens N   at most N new tokens per report (default 1024)\n"
    "  --deidentify         de-identified exports (the DICOM de-identification profile)\n"
    "  --dtype D            bfloat16 (default) or float32\n"
    "  --quant Q            none (default), int8 or int4 (groups of 64) weights, quantized at\n"
    "                       the first load and cached beside the model; bfloat16 only\n\n"
    "The weight files' SHA-256 is computed before the first draft (once; cached). Every draft\n"
    "and export appends a line to the audit log, as in the workstation. A progress bar is shown\n"
    "when standard error is a terminal. A study that cannot be drafted is reported on standard\n"
    "error and the batch goes on.\n\n"
    "Exit status: 0 if every study was drafted and every file read, 1 if any was not (or the\n"
    "model cannot be used), 2 on wrong arguments. Drafts are for research, not diagnosis.\n";

struct Options {
    ui::ModelChoice model;
    DraftSettings settings;
    QString out;
    std::vector<std::string> paths;
};

bool parseFormats(const std::string& text, QList<ui::ExportFormat>* formats, std::string* error) {
    formats->clear();
    for (const QString& key : QString::fromStdString(text).split(QLatin1Char(','))) {
        ui::ExportFormat format;
        if (!ui::formatFromKey(key, &format)) {
            *error = "unknown format '" + key.toStdString() + "' (sr, pdf, fhir, text, markdown)";
            return false;
        }
        if (!formats->contains(format)) {
            formats->append(format);
        }
    }
    return true;
}

// The first problem of the options, or "" when they can be used.
std::string problemOf(const Arguments& args, int maxNewTokens) {
    const std::string dtype = args.value("dtype").value_or("bfloat16");
    if (!args.value("model") || !args.value("out") || args.positional().empty()) {
        return "give --model DIR, --out DIR and at least one STUDY_PATH";
    }
    if (args.has("template") && args.has("prompt")) {
        return "give --template or --prompt, not both";
    }
    if (maxNewTokens < 1) {
        return "--max-new-tokens must be at least 1";
    }
    if (dtype != "bfloat16" && dtype != "float32") {
        return "--dtype is bfloat16 or float32";
    }
    const std::string quant = args.value("quant").value_or("none");
    if (quant != "none" && quant != "int8" && quant != "int4") {
        return "--quant is none, int8 or int4";
    }
    if (quant != "none" && dtype == "float32") {
        return "--quant int8 and int4 run with --dtype bfloat16";
    }
    if (args.value("prompt") && args.value("prompt")->empty()) {
        return "--prompt is empty";
    }
    return {};
}

bool parseOptions(const std::vector<std::string>& argv, Options* o, std::string* error) {
    Arguments args(
        argv, {"model", "template", "prompt", "formats", "max-new-tokens", "out", "dtype", "quant"},
        {"deidentify"});
    o->settings.maxNewTokens = int(args.integer("max-new-tokens", 1024));
    *error = args.ok() ? problemOf(args, o->settings.maxNewTokens) : args.error();
    o->settings.formats = {ui::ExportFormat::DicomSr, ui::ExportFormat::Pdf, ui::ExportFormat::Fhir,
                           ui::ExportFormat::Text};
    if (!error->empty() || (args.has("formats") &&
                            !parseFormats(*args.value("formats"), &o->settings.formats, error))) {
        return false;
    }
    o->model.directory = QString::fromStdString(*args.value("model"));
    const std::string quant = args.value("quant").value_or("none");
    o->model.precision = args.value("dtype").value_or("") == "float32" ? ui::ModelPrecision::Float32
                         : quant == "int8"                             ? ui::ModelPrecision::Int8
                         : quant == "int4"                             ? ui::ModelPrecision::Int4
                                           : ui::ModelPrecision::BFloat16;
    o->settings.templateId = QString::fromStdString(args.value("template").value_or(""));
    o->settings.prompt = QString::fromStdString(args.value("prompt").value_or(""));
    o->settings.deidentify = args.has("deidentify");
    o->out = QString::fromStdString(*args.value("out"));
    o->paths = args.positional();
    return true;
}

// Qt's own diagnostics (font fallbacks and runtime folders of a headless machine) mean nothing
// to the user of a batch; the command reports its problems itself.
void quietQtMessages(QtMsgType type, const QMessageLogContext&, const QString& message) {
    if (type == QtCriticalMsg || type == QtFatalMsg) {
        std::cerr << message.toStdString() << "\n";
    }
}

// The PDF export lays text out with fonts, which needs a QGuiApplication; the offscreen
// platform gives one without a display. The names are the workstation's, so the audit log,
// templates, weight digests and report journal are the ones it uses.
std::unique_ptr<QGuiApplication> makeApplication() {
    static int argc = 1;
    static char name[] = "medgemma-cli";
    static char* argv[] = {name, nullptr};
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    qInstallMessageHandler(quietQtMessages);
    auto application = std::make_unique<QGuiApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("MedGemmaWorkstation"));
    QCoreApplication::setApplicationName(QStringLiteral("medgemma-workstation"));
    QCoreApplication::setApplicationVersion(applicationVersion());
    return application;
}

// Hashes the weight files into the workstation's digest cache before drafting, so every
// draft's provenance and audit line carry their SHA-256.
void hashWeights(const QString& modelDirectory, TerminalProgress& bar) {
    WeightDigestCache cache;
    cache.prepare(WeightDigestCache::weightFilesIn(modelDirectory));
    while (cache.isHashing()) {
        bar.update(0, 0, 0.0, "computing the SHA-256 of the weights");
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
    }
}

bool loadModel(EngineDraftingService& service, const ui::ModelChoice& choice, TerminalProgress& bar,
               std::string* error) {
    QEventLoop loop;
    QObject::connect(&service, &ui::DraftingService::loadProgress, &loop,
                     [&](double fraction) { bar.update(0, 0, fraction, "loading the model"); });
    QObject::connect(&service, &ui::DraftingService::modelStateChanged, &loop,
                     [&](ui::ModelState state, const QString& message) {
                         if (state != ui::ModelState::Loading) {
                             *error = message.toStdString();
                             loop.quit();
                         }
                     });
    service.loadModel(choice);
    if (service.modelState() == ui::ModelState::Loading) {
        loop.exec();
    }
    bar.clear();
    return service.modelState() == ui::ModelState::Ready;
}

// Reports the files that could not be read; returns how many.
int reportUnreadable(const dicom::Collection& collection) {
    for (const auto& e : collection.errors) {
        std::cerr << kPrefix << e.path << ": " << e.message << "\n";
    }
    return int(collection.errors.size());
}

std::string describe(const DraftTarget& target) {
    return target.study->studyInstanceUid +
           (target.study->description.empty() ? "" : " \"" + target.study->description + "\"");
}

int draftAll(const Options& o, const dicom::Collection& collection, StudyDrafter& drafter,
             TerminalProgress& bar) {
    const std::vector<DraftTarget> targets = draftTargets(collection);
    int failures = reportUnreadable(collection);
    if (targets.empty()) {
        std::cerr << kPrefix << "no study found under the paths\n";
        return 1;
    }
    const int total = int(targets.size());
    for (int i = 0; i < total; ++i) {
        const auto progress = [&](const QString& phase, double fraction) {
            bar.update(i, total, fraction, phase.toStdString());
        };
        const StudyResult r = drafter.draft(collection, targets[std::size_t(i)], o.out, progress);
        bar.clear();
        for (const QString& warning : r.warnings) {
            std::cerr << kPrefix << describe(targets[std::size_t(i)]) << ": "
                      << warning.toStdString() << "\n";
        }
        if (r.ok) {
            std::cout << describe(targets[std::size_t(i)]) << ": drafted (" << r.generatedTokens
                      << " tokens, " << r.outcome.toStdString() << ") -> " << r.folder.toStdString()
                      << "\n"
                      << std::flush;
        } else {
            ++failures;
            std::cerr << kPrefix << describe(targets[std::size_t(i)]) << ": "
                      << r.error.toStdString() << "\n";
        }
    }
    if (failures > 0) {
        std::cerr << kPrefix << failures << " problem(s); see above\n";
    }
    return failures == 0 ? 0 : 1;
}

int run(const std::vector<std::string>& argv) {
    Options options;
    std::string error;
    if (!parseOptions(argv, &options, &error)) {
        std::cerr << kPrefix << error << "\n";
        return 2;
    }
    const auto application = makeApplication();
    TerminalProgress bar;
    const dicom::Collection collection = dicom::scanPaths(options.paths);
    if (!QDir().mkpath(options.out)) {
        std::cerr << kPrefix << options.out.toStdString() << " cannot be created\n";
        return 1;
    }
    hashWeights(options.model.directory, bar);
    EngineDraftingService service;
    if (!loadModel(service, options.model, bar, &error)) {
        std::cerr << kPrefix << error << "\n";
        return 1;
    }
    const ui::TemplateStore templates;
    ui::AuditLog audit;
    StudyDrafter drafter(service, templates.templates(), audit, options.settings);
    return draftAll(options, collection, drafter, bar);
}

const CommandRegistration kRegistration{
    {"draft", "draft a report per study, headless, and export it (SR, PDF, FHIR, text)", kUsage,
     run}};

}  // namespace
}  // namespace app::cli
