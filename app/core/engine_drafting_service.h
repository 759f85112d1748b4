#pragma once
// The workstation's DraftingService backed by the real engine: an InferenceWorker on its own
// QThread. Converts requests, forwards the worker's signals with request ids, stops requests
// and model loads directly through the worker's flags, and counts prompt tokens on the worker.
// Ownership: owns the worker thread; the worker is deleted on its own thread at shutdown.
// Thread-safety: GUI thread only (the worker runs on its thread).

#include <QThread>

#include "inference/engine.h"
#include "ui/drafting_service.h"

namespace app {

class DraftProvenanceTracker;
class InferenceWorker;

// The engine's load options for a model manager choice (threads: app::guiComputeThreads()).
inference::LoadOptions toLoadOptions(const ui::ModelChoice& choice);

class EngineDraftingService : public ui::DraftingService {
    Q_OBJECT
public:
    explicit EngineDraftingService(QObject* parent = nullptr);
    ~EngineDraftingService() override;

    // Loads (or replaces) the model in the background; modelStateChanged reports the outcome.
    void loadModel(const ui::ModelChoice& choice) override;
    void cancelLoad() override;

    ui::ModelState modelState() const override { return m_state; }
    QString modelDescription() const override { return m_description; }
    int contextLength() const override { return m_contextLength; }
    int tokensPerImage() const override { return m_tokensPerImage; }
    int startDraft(const ui::DraftRequest& request) override;
    void requestStop(int requestId) override;
    int requestTokenCount(const ui::DraftRequest& request) override;

private:
    void connectWorker();
    void connectProvenance();
    void connectLoadSignals();
    void startLoad(const inference::LoadOptions& options);
    void setState(ui::ModelState state, const QString& message);
    bool isCurrentLoad(int loadId) const { return loadId == m_loadId && loadId > m_cancelledLoad; }

    QThread m_thread;
    InferenceWorker* m_worker = nullptr;
    DraftProvenanceTracker* m_provenance = nullptr;  // what DraftStats::provenance holds
    ui::ModelState m_state = ui::ModelState::None;
    QString m_description;
    int m_contextLength = 0;
    int m_tokensPerImage = 0;
    int m_nextRequestId = 0;
    int m_nextCountId = 0;
    int m_loadId = 0;         // the latest load asked for
    int m_cancelledLoad = 0;  // loads up to this id were cancelled
};

}  // namespace app
