#pragma once
// InferenceWorker: owns the MedGemma engine on its own thread. Model loading and generation run
// there, driven by queued calls; results come back as queued signals carrying the request id.
// Stopping never goes through the worker's event loop (it is busy generating): requestStop()
// sets the engine's stop flag directly from the GUI thread.
//
// Ownership: the worker owns the Engine. Create it without a parent, move it to a QThread, and
// delete it on that thread (deleteLater on the thread's finished signal).
// Thread-safety: load() and generate() run on the worker thread (invoke them queued);
// requestStop() and isBusy() may be called from any thread.

#include <atomic>
#include <memory>

#include <QObject>
#include <QString>

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

    // Worker thread: replaces the current model.
    void load(const inference::LoadOptions& options);
    // Worker thread: runs one request; the result arrives as finished() or failed().
    void generate(int requestId, const inference::Request& request);
    // Worker thread: the prompt length of a request in tokens (-1 on error).
    int countPromptTokens(const inference::Request& request);

    const inference::Engine* engine() const { return m_engine.get(); }

Q_SIGNALS:
    void loadProgress(double fraction);
    void loaded(const QString& description, int contextLength, int tokensPerImage);
    void loadFailed(const QString& message);
    void progress(int requestId, int phase, double fraction);
    void textChunk(int requestId, const QString& text);
    // reason: 0 end of turn, 1 length limit, 2 stopped
    void finished(int requestId, int reason, const app::EngineStatsSummary& stats);
    void failed(int requestId, const QString& message);

private:
    void runRequest(int requestId, const inference::Request& request);

    std::unique_ptr<inference::Engine> m_engine;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_running{0};
    std::atomic<int> m_stoppedThrough{0};  // ids up to this one were stopped before running
};

}  // namespace app

Q_DECLARE_METATYPE(app::EngineStatsSummary)
