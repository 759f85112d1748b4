#pragma once
// The workstation's DraftingService backed by the real engine: an InferenceWorker on its own
// QThread. Converts requests, forwards the worker's signals with request ids, and stops
// requests directly through the worker's flag.
// Ownership: owns the worker thread; the worker is deleted on its own thread at shutdown.
// Thread-safety: GUI thread only (the worker runs on its thread).

#include <QThread>

#include "inference/engine.h"
#include "ui/drafting_service.h"

namespace app {

class InferenceWorker;

class EngineDraftingService : public ui::DraftingService {
    Q_OBJECT
public:
    explicit EngineDraftingService(QObject* parent = nullptr);
    ~EngineDraftingService() override;

    // Loads (or replaces) the model in the background; modelStateChanged reports the outcome.
    void loadModel(const inference::LoadOptions& options);

    ui::ModelState modelState() const override { return m_state; }
    QString modelDescription() const override { return m_description; }
    int contextLength() const override { return m_contextLength; }
    int tokensPerImage() const override { return m_tokensPerImage; }
    int startDraft(const ui::DraftRequest& request) override;
    void requestStop(int requestId) override;

private:
    void connectWorker();
    void setState(ui::ModelState state, const QString& message);

    QThread m_thread;
    InferenceWorker* m_worker = nullptr;
    ui::ModelState m_state = ui::ModelState::None;
    QString m_description;
    int m_contextLength = 0;
    int m_tokensPerImage = 0;
    int m_nextRequestId = 0;
};

}  // namespace app
