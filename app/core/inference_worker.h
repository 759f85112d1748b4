#pragma once
// InferenceWorker: owns the MedGemma engine on its own thread. Model loading and generation run
// there, driven by queued calls; results come back as queued signals carrying the request id.
// Stopping never goes through the worker's event loop (it is busy generating): requestStop()
// sets the engine's stop flag directly from the GUI thread.
//
// Ownership: the worker owns the Engine. Create it without a parent, move it to a QThread, and
// delete it on that thread (deleteLater on the thread's finished signal).
// Thread-safety: load(), generate() and countTokens() run on the worker thread (invoke them
// queued); requestStop(), cancelLoad() and isBusy() may be called from any thread.

#include <atomic>
#include <memory>

#include <QObject>
#include <QString>

#include "app/core/engine_run_facts.h"
#include "inference/engine.h"

namespace app {

struct EngineStatsSummary {
    double loadSeconds = 0;
    double imageEncodeSeconds = 0;
    double prefillTokensPerSecond = 0;
    double decodeTokensPerSecond = 0;
    int promptTokens = 0;
    int generatedTokens = 0;
};

class InferenceWorker : public QObject {
    Q_OBJECT
public:
    InferenceWorker();
    ~InferenceWorker() override;

    // Stops request `requestId`: sets the engine's stop flag if it is running, or makes it end
    // at once when it starts later (ids increase). requestId 0 stops whatever runs. Returns at
    // once.
    void requestStop(int requestId);
    bool isBusy() const { return m_running.load() != 0; }

    // Abandons loads up to `loadId` (0: every load, also later ones; for shutdown): a queued
    // one ends at once, a running one at the engine's next check, and a load that completes
    // anyway is discarded. Each ends with loadCancelled(id). Returns at once.
    void cancelLoad(int loadId);

    // Worker thread: replaces the current model (the old one is freed first). `loadId` (> 0,
    // increasing) tags the signals of this load.
    void load(const inference::LoadOptions& options, int loadId = 1);
    // Worker thread: runs one request; the result arrives as finished() or failed().
    void generate(int requestId, const inference::Request& request);
    // Worker thread: the prompt length of a request in tokens (-1 on error).
    int countPromptTokens(const inference::Request& request);
    // Worker thread: countPromptTokens, answered with tokensCounted(countId, tokens).
    void countTokens(int countId, const inference::Request& request);

    const inference::Engine* engine() const { return m_engine.get(); }

Q_SIGNALS:
    void loadProgress(double fraction, int loadId);
    void loaded(const QString& description, int contextLength, int tokensPerImage, int loadId);
    void loadFailed(const QString& message, int loadId);
    void loadCancelled(int loadId);
    void tokensCounted(int countId, int tokens);
    void progress(int requestId, int phase, double fraction);
    void textChunk(int requestId, const QString& text);
    // The model and the rendered prompt of a request that ran; emitted just before finished().
    void runFacts(int requestId, const app::EngineRunFacts& facts);
    // reason: 0 end of turn, 1 length limit, 2 stopped
    void finished(int requestId, int reason, const app::EngineStatsSummary& stats);
    void failed(int requestId, const QString& message);

private:
    void runRequest(int requestId, const inference::Request& request);
    bool loadCancelledNow(int loadId) const;

    std::unique_ptr<inference::Engine> m_engine;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_running{0};
    std::atomic<int> m_stoppedThrough{0};  // ids up to this one were stopped before running
    std::atomic<bool> m_loadStop{false};       // the engine's stop flag while a model loads
    std::atomic<int> m_loading{0};             // id of the load running now, 0 when none
    std::atomic<int> m_loadsCancelledThrough{0};
};

}  // namespace app

Q_DECLARE_METATYPE(app::EngineStatsSummary)
