#pragma once
// The seam between the workstation's widgets and whatever drafts text: the application wires a
// service that runs MedGemma on a worker thread; tests wire a scripted one. Widgets see only
// this interface, never the engine.
//
// Thread-safety: every method is called on the GUI thread, and every signal is delivered there
// (implementations use queued connections from their worker). requestStop() must return at
// once: it sets a flag and never waits on the worker.

#include <QImage>
#include <QList>
#include <QObject>
#include <QString>

namespace ui {

// One image item handed to the model: the exact padded 8-bit RGB picture plus where it came from.
struct DraftImage {
    QImage rgb;            // Format_RGB888, already prepared by the input recipe
    QString sourceLabel;   // e.g. "CT 2 / slice 5 of 12" (shown in the strip and provenance)
    QString sopInstanceUid;
    int frame = 0;
    QString recipe;        // how the picture was prepared (provenance)
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

struct DraftStats {
    double loadSeconds = 0;
    double imageEncodeSeconds = 0;
    double prefillTokensPerSecond = 0;
    double decodeTokensPerSecond = 0;
    int promptTokens = 0;
    int generatedTokens = 0;
};

enum class DraftPhase { LoadingModel, EncodingImages, ReadingPrompt, Writing };

enum class ModelState { None, Loading, Ready, Failed };

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

Q_SIGNALS:
    void modelStateChanged(ui::ModelState state, const QString& message);
    void progress(int requestId, ui::DraftPhase phase, double fraction);
    void textChunk(int requestId, const QString& text);
    void finished(int requestId, ui::DraftEnd end, const ui::DraftStats& stats);
    void failed(int requestId, const QString& message);
};

}  // namespace ui

Q_DECLARE_METATYPE(ui::DraftStats)
Q_DECLARE_METATYPE(ui::DraftEnd)
Q_DECLARE_METATYPE(ui::DraftPhase)
Q_DECLARE_METATYPE(ui::ModelState)
