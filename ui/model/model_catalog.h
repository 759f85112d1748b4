#pragma once
// What the model manager knows about models on this computer, behind an interface because ui/
// cannot see the engine: the application implements it with the engine's model-directory
// reader; tests use a scripted one. Plain Qt values only.
// Thread-safety: implementations must make every method safe to call from any thread; they may
// block on disk (listing the cache, reading config and safetensors headers: milliseconds to a
// second), so the dialog calls them on a worker thread.

#include <QList>
#include <QString>
#include <QStringList>

namespace ui {

struct MemoryEstimate {
    quint64 weights = 0;      // bytes, at the chosen precision
    quint64 kvCache = 0;      // bytes for contextTokens
    quint64 activations = 0;  // bytes: vision attention of one image, prefill, logits
    int contextTokens = 0;    // the typical context the estimate assumes
    quint64 total() const { return weights + kvCache + activations; }
};

struct ModelSummary {
    QString directory;
    QString repoId;          // "google/medgemma-4b-it" for a Hugging Face cache entry
    bool fromCache = false;  // found in the Hugging Face cache (else chosen by the user)
    bool usable = false;     // false: `problem` says why it cannot be loaded
    QString problem;
    QString variant;       // e.g. "MedGemma 4B (instruction-tuned)"
    QString architecture;  // e.g. "Gemma3ForConditionalGeneration"
    quint64 parameters = 0;
    QString dtype;          // weight dtype with the most bytes, e.g. "BF16"
    quint64 fileBytes = 0;  // size of the weight files on disk
    bool hasVision = false;
    int tokensPerImage = 0;
    qint64 maxContext = 0;  // tokens (max_position_embeddings)
    MemoryEstimate bfloat16;
    MemoryEstimate float32;
    MemoryEstimate int8;  // decoder matrices, embedding and head quantized; vision in bf16
    MemoryEstimate int4;  // the same in int4, groups of 64
};

struct RuntimeFacts {
    quint64 ramAvailable = 0;  // bytes free now; 0 when unknown
    bool cudaAvailable = false;
    quint64 vramFree = 0;  // bytes; 0 when unknown or no CUDA
    // Bytes the engine's CUDA runtime itself takes on the GPU (context, library workspaces),
    // added to a model's needs there.
    quint64 gpuRuntimeBytes = 0;
};

class ModelCatalog {
public:
    virtual ~ModelCatalog() = default;

    // Where discover() looks: $HF_HUB_CACHE, else $HF_HOME/hub, else ~/.cache/huggingface/hub.
    virtual QString cacheDirectory() const = 0;
    // Snapshot folders of Gemma 3 / MedGemma models in the cache, MedGemma first.
    virtual QStringList discover() const = 0;
    virtual ModelSummary describe(const QString& directory) const = 0;
    virtual RuntimeFacts runtime() const = 0;
};

}  // namespace ui
