#include "app/core/engine_run_facts.h"

#include <QDir>
#include <QFileInfo>

#include "app/core/hf_model_catalog.h"

namespace app {

EngineRunFacts runFactsOf(const inference::ModelInfo& info, const std::string& renderedPrompt) {
    EngineRunFacts facts;
    facts.modelDirectory = QString::fromStdString(info.directory);
    facts.modelVariant = QString::fromStdString(info.variant);
    // Quantized weights change the numbers a report comes from: the provenance says so.
    facts.dtype = QString::fromStdString(
        info.quantization == "none" ? info.precision
                                    : info.precision + ", " + info.quantization + " weights");
    facts.device = QString::fromStdString(info.device);
    for (const std::string& file : info.weightFiles) {
        facts.weightFiles << QFileInfo(QString::fromStdString(file)).absoluteFilePath();
    }
    facts.renderedPrompt = QString::fromStdString(renderedPrompt);
    return facts;
}

QString modelIdOf(const QString& directory) {
    const QString repo = HfModelCatalog::repoIdOf(directory);
    if (repo.isEmpty()) {
        return QFileInfo(QDir::cleanPath(directory)).fileName();
    }
    // The snapshot folder is the commit of the repository: it pins the exact files.
    return repo + QLatin1Char('@') + QFileInfo(QDir::cleanPath(directory)).fileName().left(12);
}

}  // namespace app
