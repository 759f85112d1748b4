#pragma once
// What the engine tells about one finished request, for its provenance: the loaded model and
// the prompt exactly as it was rendered. The worker emits it with the request id just before
// `finished`.
// Thread-safety: plain value (queued across threads).

#include <QMetaType>
#include <QString>
#include <QStringList>

#include "inference/engine.h"

namespace app {

struct EngineRunFacts {
    QString modelDirectory;
    QString modelVariant;     // e.g. "MedGemma 4B (instruction-tuned)"
    QString dtype;            // "bfloat16" / "float32"
    QString device;           // "cpu" / "cuda"
    QStringList weightFiles;  // absolute paths of the *.safetensors files
    QString renderedPrompt;   // inference::Output::renderedPrompt
};

EngineRunFacts runFactsOf(const inference::ModelInfo& info, const std::string& renderedPrompt);

// "google/medgemma-4b-it@1a2b3c4d5e6f" for a Hugging Face snapshot folder, else the folder's
// name.
QString modelIdOf(const QString& directory);

}  // namespace app

Q_DECLARE_METATYPE(app::EngineRunFacts)
