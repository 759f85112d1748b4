#pragma once
// The seam between the workstation's widgets and whatever drafts text: the application wires a
// service that runs MedGemma on a worker thread; tests wire a scripted one. Widgets see only
// this interface, never the engine.
//
// Thread-safety: every method is called on the GUI thread, and every signal is delivered there
// (implementations use queued connections from their worker). requestStop() must return at
// once: it sets a flag and never waits on the worker.

#include <QDateTime>
#include <QImage>
#include <QList>
#include <QObject>
#include <QRect>
#include <QString>

namespace ui {

// One image item handed to the model: the exact padded 8-bit RGB picture plus where it came from.
struct DraftImage {
    QImage rgb;            // Format_RGB888, already prepared by the input recipe
    QString sourceLabel;   // e.g. "CT 2 / slice 5 of 12" (shown in the strip and provenance)
    QString sopInstanceUid;
    int frame = 0;
    QString recipe;        // how the picture was prepared (provenance)
    QRect region;          // frame pixels the picture was cropped to; empty = the whole frame
};

struct DraftSampling {
    double temperature = 0.0;  // 0 = greedy, the default: reports should be reproducible
    int topK = 64;
    double topP = 0.95;
    double minP = 0.0;
    double repetitionPenalty = 1.0;
    quint64 seed = 0;
    int maxNewTokens = 1024;
};

// One content item of the user's turn, in the order the model sees them.
struct DraftItem {
    enum class Kind { Text, Image };
    Kind kind = Kind::Text;
    QString text;       // Kind::Text
    int imageIndex = -1;  // Kind::Image: index into DraftRequest::images
};

struct DraftTurn {
    bool fromModel = false;  // false: the user's words; true: an earlier answer of the model
    QList<DraftItem> items;
};

struct DraftRequest {
    QString systemPrompt;
    QList<DraftTurn> turns;    // alternate user / model, ending with a user turn
    QList<DraftImage> images;
    DraftSampling sampling;
    QString templateName;      // for provenance
};

enum class DraftEnd { Completed, LengthLimit, Stopped };

// One weight file of the model and its SHA-256, computed once per file in the background.
struct WeightDigest {
    QString path;     // absolute
    qint64 bytes = 0;
    QString sha256;   // lowercase hex; empty while it is still being computed
};

// How a draft was made, handed over with the finished draft (DraftStats::provenance) so that a
// report can say exactly where its text came from. Empty (no modelVariant) when the service
// cannot tell, e.g. a scripted service in tests.
struct DraftProvenance {
    QString templateName;        // DraftRequest::templateName, e.g. "cxr-report v3 (edited)"
    DraftSampling sampling;
    QList<DraftImage> images;    // the exact pictures, their UIDs, frames, regions and recipes
    QString modelId;             // the model folder's name, e.g. "medgemma-4b-it"
    QString modelVariant;        // e.g. "MedGemma 4B (instruction-tuned)"
    QString dtype;               // "bfloat16" / "float32"
    QString device;              // "cpu" / "cuda"
    QList<WeightDigest> weights;
    QString renderedPrompt;      // the text the model read; each <start_of_image> is one image
    QString applicationVersion;
    QDateTime started;           // UTC
    QDateTime finished;          // UTC
};

struct DraftStats {
    double loadSeconds = 0;
    double imageEncodeSeconds = 0;
    double prefillTokensPerSecond = 0;
    double decodeTokensPerSecond = 0;
    int promptTokens = 0;
    int generatedTokens = 0;
    DraftProvenance provenance;
};

enum class DraftPhase { LoadingModel, EncodingImages, ReadingPrompt, Writing };

enum class ModelState { None, Loading, Ready, Failed };

enum class ModelDevice { Cpu, Cuda };
// How the weights are held: bfloat16 as published, float32, or quantized at the first load
// (int8 per channel, int4 in groups of 64; cached beside the model) for less memory.
enum class ModelPrecision { BFloat16, Float32, Int8, Int4 };

// What the model manager asks the service to load.
struct ModelChoice {
    QString directory;  // holds config.json, *.safetensors and the tokenizer files
    ModelDevice device = ModelDevice::Cpu;
    ModelPrecision precision = ModelPrecision::BFloat16;
};

class DraftingService : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~DraftingService() override = default;

    virtual ModelState modelState() const = 0;
    virtual QString modelDescription() const = 0;  // e.g. "MedGemma 4B (instruction-tuned), bf16, CPU"
    virtual int contextLength() const = 0;         // tokens; 0 when no model is loaded
    virtual int tokensPerImage() const = 0;        // soft tokens plus markers per image

    // Starts a draft and returns its request id (> 0). Results arrive through the signals.
    virtual int startDraft(const DraftRequest& request) = 0;
    // Asks the running request to stop; it ends with finished(id, DraftEnd::Stopped, ...).
    virtual void requestStop(int requestId) = 0;

    // Counts the tokens `request`'s prompt becomes (image blocks included; the pixels are not
    // needed) and returns a count id (> 0); tokenCountReady(id, tokens) follows, with -1 when
    // the prompt cannot be encoded. Returns 0 when no model is ready (no signal follows).
    virtual int requestTokenCount(const DraftRequest& request) = 0;

    // Replaces the model in the background: modelStateChanged(Loading), loadProgress(...), then
    // Ready or Failed. Any earlier model is unloaded first.
    virtual void loadModel(const ModelChoice& choice) = 0;
    // Abandons a load in progress; the state becomes None with a message. Returns at once.
    virtual void cancelLoad() = 0;

Q_SIGNALS:
    void modelStateChanged(ui::ModelState state, const QString& message);
    void loadProgress(double fraction);  // 0..1 while a model loads
    void tokenCountReady(int countId, int tokens);
    void progress(int requestId, ui::DraftPhase phase, double fraction);
    void textChunk(int requestId, const QString& text);
    void finished(int requestId, ui::DraftEnd end, const ui::DraftStats& stats);
    void failed(int requestId, const QString& message);
    // Weight files whose SHA-256 became known after a draft finished without it.
    void weightDigestsReady(const QList<ui::WeightDigest>& digests);
};

}  // namespace ui

Q_DECLARE_METATYPE(ui::DraftStats)
Q_DECLARE_METATYPE(ui::DraftEnd)
Q_DECLARE_METATYPE(ui::DraftPhase)
Q_DECLARE_METATYPE(ui::ModelState)
Q_DECLARE_METATYPE(ui::ModelChoice)
