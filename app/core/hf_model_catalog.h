#pragma once
// The model manager's catalog on this computer: MedGemma and Gemma 3 snapshots in the Hugging
// Face cache ($HF_HUB_CACHE, else $HF_HOME/hub, else ~/.cache/huggingface/hub; entries
// models--<org>--<name>/snapshots/<hash> with a config.json), described with the engine's
// model-directory reader (config, safetensors headers; no weights are read) and the memory
// estimate, plus the free memory and whether the engine has CUDA.
// Thread-safety: every method is safe from any thread (no mutable state).

#include <QString>
#include <QStringList>

#include "ui/drafting_service.h"
#include "ui/model/model_catalog.h"

namespace app {

class HfModelCatalog : public ui::ModelCatalog {
public:
    // `cacheDirectory` empty: found from the environment as above.
    explicit HfModelCatalog(const QString& cacheDirectory = {});

    static QString defaultCacheDirectory();
    // "google/medgemma-4b-it" for ".../models--google--medgemma-4b-it/snapshots/<hash>".
    static QString repoIdOf(const QString& snapshotDirectory);

    QString cacheDirectory() const override { return m_cache; }
    QStringList discover() const override;
    ui::ModelSummary describe(const QString& directory) const override;
    ui::RuntimeFacts runtime() const override;

    // The first MedGemma snapshot discover() finds; empty when there is none.
    QString firstMedGemma() const;

private:
    QString m_cache;
};

// The model to load at start: the one chosen last time (QSettings, with its device and
// precision) while its folder exists, else the first MedGemma in the cache; an empty directory
// when there is neither.
ui::ModelChoice startupModelChoice(const HfModelCatalog& catalog);

}  // namespace app
