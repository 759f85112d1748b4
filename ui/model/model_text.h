#pragma once
// Human-readable text for the model manager: sizes, parameter counts, the memory a model needs
// against what is free, and the page that explains how to get MedGemma.
// Thread-safety: pure functions (GUI thread for tr()).

#include <QString>

#include "ui/drafting_service.h"
#include "ui/model/model_catalog.h"

namespace ui {

QString formatBytes(quint64 bytes);       // "8.60 GB" (decimal units, as disks are sold)
QString formatParameters(quint64 count);  // "4.30 B", "417 M"
const MemoryEstimate& estimateFor(const ModelSummary& model, ModelPrecision precision);
// "Needs about 11.2 GB (weights 8.6 GB + KV cache 1.1 GB for 8,192 tokens + working memory
// 1.5 GB); 54.3 GB of RAM free." On CUDA the need is weighed against the GPU's free memory.
QString memoryText(const ModelSummary& model, ModelPrecision precision, ModelDevice device,
                   const RuntimeFacts& facts);
// True when the free memory of `device` is unknown or enough.
bool memoryFits(const ModelSummary& model, ModelPrecision precision, ModelDevice device,
                const RuntimeFacts& facts);
QString sourceText(const ModelSummary& model);  // "Hugging Face cache: google/medgemma-4b-it"
// The page shown when no model is found: where to get MedGemma and how to point at it.
QString howToGetModelHtml(const QString& cacheDirectory);

}  // namespace ui
