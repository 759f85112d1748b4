#pragma once
// Test double of ModelCatalog: a fixed list of model summaries and runtime facts, for the model
// manager's tests and screenshots. It lives in tests/ only; the application reads the cache.

#include "ui/model/model_catalog.h"

namespace testutil {

class FakeModelCatalog : public ui::ModelCatalog {
public:
    QList<ui::ModelSummary> models;
    ui::RuntimeFacts facts{16ULL * 1000 * 1000 * 1000, false, 0};

    QString cacheDirectory() const override { return QStringLiteral("/nowhere/huggingface/hub"); }
    QStringList discover() const override {
        QStringList dirs;
        for (const ui::ModelSummary& m : models) {
            dirs << m.directory;
        }
        return dirs;
    }
    ui::ModelSummary describe(const QString& directory) const override {
        for (const ui::ModelSummary& m : models) {
            if (m.directory == directory) {
                return m;
            }
        }
        ui::ModelSummary missing;
        missing.directory = directory;
        missing.variant = QStringLiteral("folder");
        missing.problem = QStringLiteral("config.json is missing");
        return missing;
    }
    ui::RuntimeFacts runtime() const override { return facts; }

    // A MedGemma 4B as the real catalog describes it, with `weights` bytes in bfloat16.
    static ui::ModelSummary medgemma(const QString& dir, quint64 weights = 8600000000ULL) {
        ui::ModelSummary m;
        m.directory = dir;
        m.repoId = QStringLiteral("google/medgemma-4b-it");
        m.fromCache = true;
        m.usable = true;
        m.variant = QStringLiteral("MedGemma 4B (instruction-tuned)");
        m.architecture = QStringLiteral("Gemma3ForConditionalGeneration");
        m.parameters = 4300000000ULL;
        m.dtype = QStringLiteral("BF16");
        m.fileBytes = 8600000000ULL;
        m.hasVision = true;
        m.tokensPerImage = 256;
        m.maxContext = 131072;
        m.bfloat16 = {weights, 1073741824ULL, 1500000000ULL, 8192};
        m.float32 = {2 * weights, 2147483648ULL, 3000000000ULL, 8192};
        m.int8 = {weights / 2, 1073741824ULL, 1500000000ULL, 8192};
        m.int4 = {weights / 3, 1073741824ULL, 1500000000ULL, 8192};
        return m;
    }
};

}  // namespace testutil
