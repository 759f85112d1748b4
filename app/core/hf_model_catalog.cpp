#include "app/core/hf_model_catalog.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "app/core/model_memory.h"
#include "inference/cuda_driver.h"
#include "inference/engine.h"
#include "inference/engine_variant.h"
#include "inference/memory_plan.h"
#include "inference/model_files.h"
#include "inference/process_memory.h"
#include "inference/runtime_info.h"
#include "ui/model/model_settings.h"

namespace app {
namespace {

bool isMedGemma(const QString& directory) {
    return directory.contains(QLatin1String("medgemma"), Qt::CaseInsensitive);
}

// A Gemma 3 checkpoint by its config.json: architecture or model_type (cheap: no weights).
bool isGemma3(const QString& directory) {
    QFile file(QDir(directory).filePath(QStringLiteral("config.json")));
    if (!file.open(QIODevice::ReadOnly)) {
        return false;
    }
    const QJsonObject config = QJsonDocument::fromJson(file.readAll()).object();
    const QString type = config.value(QLatin1String("model_type")).toString();
    const QString textType = config.value(QLatin1String("text_config"))
                                 .toObject()
                                 .value(QLatin1String("model_type"))
                                 .toString();
    const QString architecture =
        config.value(QLatin1String("architectures")).toArray().first().toString();
    return type.startsWith(QLatin1String("gemma3")) ||
           textType.startsWith(QLatin1String("gemma3")) ||
           architecture.startsWith(QLatin1String("Gemma3"));
}

// The snapshot refs/main names first, so the current revision of a repository leads.
QStringList snapshotsOf(const QDir& repo) {
    QStringList found;
    QFile ref(repo.filePath(QStringLiteral("refs/main")));
    const QString main =
        ref.open(QIODevice::ReadOnly) ? QString::fromUtf8(ref.readAll()).trimmed() : QString();
    const QDir snapshots(repo.filePath(QStringLiteral("snapshots")));
    for (const QString& hash : snapshots.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString path = snapshots.filePath(hash);
        if (QFileInfo::exists(QDir(path).filePath(QStringLiteral("config.json"))) &&
            isGemma3(path)) {
            hash == main ? found.prepend(path) : found.append(path);
        }
    }
    return found;
}

QString dtypeOf(const inference::ModelDescription& d) {
    return d.dtypes.empty() ? QString() : QString::fromStdString(d.dtypes.front());
}

void fillFromDirectory(ui::ModelSummary& s, const inference::ModelDirectory& dir) {
    const inference::ModelDescription& d = dir.description;
    const inference::ModelConfig& config = dir.configs.model;
    s.variant = QString::fromStdString(inference::variantName(
        s.directory.toStdString(), config, d.parameterCount, dir.chatTemplate.has_value()));
    s.architecture = QString::fromStdString(d.architecture);
    s.parameters = d.parameterCount;
    s.dtype = dtypeOf(d);
    s.fileBytes = d.fileBytes;
    s.hasVision = d.hasVision;
    s.tokensPerImage = int(d.tokensPerImage);
    s.maxContext = config.text.maxPositionEmbeddings;
    s.bfloat16 = estimateMemory(config, d.parameterCount, 2);
    s.float32 = estimateMemory(config, d.parameterCount, 4);
    s.int8 = estimateQuantizedMemory(config, s.bfloat16, inference::PlanWeights::Int8);
    s.int4 = estimateQuantizedMemory(config, s.bfloat16, inference::PlanWeights::Int4);
}

}  // namespace

HfModelCatalog::HfModelCatalog(const QString& cacheDirectory)
    : m_cache(cacheDirectory.isEmpty() ? defaultCacheDirectory() : cacheDirectory) {}

QString HfModelCatalog::defaultCacheDirectory() {
    const QString hub = qEnvironmentVariable("HF_HUB_CACHE");
    if (!hub.isEmpty()) {
        return hub;
    }
    const QString home = qEnvironmentVariable("HF_HOME");
    if (!home.isEmpty()) {
        return QDir(home).filePath(QStringLiteral("hub"));
    }
    return QDir::home().filePath(QStringLiteral(".cache/huggingface/hub"));
}

QString HfModelCatalog::repoIdOf(const QString& snapshotDirectory) {
    const QString path = QDir::cleanPath(snapshotDirectory);
    const qsizetype at = path.lastIndexOf(QLatin1String("/snapshots/"));
    const QString repo = QFileInfo(at < 0 ? path : path.left(at)).fileName();
    if (!repo.startsWith(QLatin1String("models--"))) {
        return {};
    }
    // "models--google--medgemma-4b-it": the org and the name are joined by "--".
    return repo.mid(8).replace(QLatin1String("--"), QLatin1String("/"));
}

QStringList HfModelCatalog::discover() const {
    const QDir cache(m_cache);
    QStringList medgemma;
    QStringList others;
    for (const QString& entry :
         cache.entryList({QStringLiteral("models--*")}, QDir::Dirs, QDir::Name)) {
        for (const QString& snapshot : snapshotsOf(QDir(cache.filePath(entry)))) {
            (isMedGemma(snapshot) ? medgemma : others) << QDir::cleanPath(snapshot);
        }
    }
    return medgemma + others;
}

QString HfModelCatalog::firstMedGemma() const {
    for (const QString& directory : discover()) {
        if (isMedGemma(directory)) {
            return directory;
        }
    }
    return {};
}

ui::ModelSummary HfModelCatalog::describe(const QString& directory) const {
    ui::ModelSummary s;
    s.directory = QDir::cleanPath(directory);
    s.repoId = repoIdOf(s.directory);
    s.fromCache = !s.repoId.isEmpty() && s.directory.startsWith(QDir::cleanPath(m_cache));
    s.variant = s.repoId.isEmpty() ? QFileInfo(s.directory).fileName() : s.repoId;
    auto dir = inference::openModelDirectory(s.directory.toStdString());
    if (!dir) {
        s.problem = QString::fromStdString(inference::describeError(dir.error()));
        return s;
    }
    fillFromDirectory(s, *dir);
    s.usable = dir->files.tokenizerJsonPath.has_value();
    if (!s.usable) {
        s.problem = QCoreApplication::translate(
            "app::HfModelCatalog",
            "tokenizer.json is missing from this folder; drafting needs it.");
    }
    return s;
}

ui::ModelChoice startupModelChoice(const HfModelCatalog& catalog) {
    ui::ModelChoice choice = ui::rememberedModelChoice();
    if (choice.directory.isEmpty() || !QFileInfo(choice.directory).isDir()) {
        choice.directory = catalog.firstMedGemma();
    }
    return choice;
}

ui::RuntimeFacts HfModelCatalog::runtime() const {
    ui::RuntimeFacts facts;
    facts.ramAvailable = inference::availableMemoryBytes();
    facts.cudaAvailable = inference::cudaAvailable();
    if (facts.cudaAvailable) {
        if (const auto gpu = inference::cudaDeviceMemory()) {
            facts.vramFree = gpu->freeBytes;
        }
        facts.gpuRuntimeBytes = inference::kCudaRuntimeBytes;
    }
    return facts;
}

}  // namespace app
