// medgemma-workstation: the GUI. Parses the command line, sets up language and settings, and
// composes the main window with the drafting service.
#include <cstdio>

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QSettings>

#include "app/core/about.h"
#include "app/core/engine_drafting_service.h"
#include "app/core/hf_model_catalog.h"
#include "app/core/paths.h"
#include "app/core/translation_setup.h"
#include "ui/common/settings_keys.h"
#include "ui/common/theme.h"
#include "ui/main_window.h"

namespace {

struct Options {
    QStringList openPaths;
    bool sample = false;
};

Options parseOptions(QApplication& application) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Views DICOM and photographic studies and drafts reports with MedGemma. "
                "Research use only; not for diagnosis."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption open(QStringList{QStringLiteral("open")},
                                  QApplication::translate("main", "Open files or folders."),
                                  QApplication::translate("main", "path"));
    const QCommandLineOption sample(QStringList{QStringLiteral("sample")},
                                    QApplication::translate("main", "Open the bundled sample study."));
    parser.addOption(open);
    parser.addOption(sample);
    parser.addPositionalArgument(QStringLiteral("paths"),
                                 QApplication::translate("main", "More files or folders to open."),
                                 QStringLiteral("[path...]"));
    parser.process(application);
    return {parser.values(open) + parser.positionalArguments(), parser.isSet(sample)};
}

}  // namespace

int main(int argc, char** argv) {
    // --version prints the full report (libraries included) without starting a display.
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--version") == 0 || qstrcmp(argv[i], "-v") == 0) {
            QCoreApplication core(argc, argv);
            std::fputs(app::versionReport().toUtf8().constData(), stdout);
            return 0;
        }
    }
    QApplication application(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MedGemmaWorkstation"));
    QApplication::setApplicationName(QStringLiteral("medgemma-workstation"));
    QApplication::setApplicationDisplayName(QStringLiteral("MedGemma Workstation"));
    QApplication::setApplicationVersion(app::applicationVersion());
    app::installTranslations(application, QSettings().value(ui::settings::language()).toString());
    ui::applyTheme(ui::savedTheme());
    const Options options = parseOptions(application);

    app::EngineDraftingService drafting;
    app::HfModelCatalog catalog;  // declared before the window, which uses it until it closes
    ui::MainWindow window;
    window.setDraftingService(&drafting);
    window.setModelCatalog(&catalog);
    const ui::ModelChoice model = app::startupModelChoice(catalog);
    if (!model.directory.isEmpty()) {
        drafting.loadModel(model);
    }
    window.setVersionReport(app::versionReport());
    window.setSampleStudyPath(app::sampleStudyPath());
    window.show();
    window.offerReportRecovery();  // a report an earlier run left unsaved
    if (options.sample) {
        window.openSampleStudy();  // further --open paths are queued behind it
    }
    window.openPaths(options.openPaths);
    return application.exec();
}
