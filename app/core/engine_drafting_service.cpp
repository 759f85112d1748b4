#include "app/core/engine_drafting_service.h"

#include <QMetaObject>

#include "app/core/draft_conversion.h"
#include "app/core/inference_worker.h"

namespace app {
namespace {

// "\n\n<start_of_image>" + soft tokens + "<end_of_image>\n\n": the markers cost about four
// tokens besides the soft tokens.
constexpr int kImageMarkerTokens = 4;

ui::DraftPhase toPhase(int phase) {
    switch (static_cast<inference::Phase>(phase)) {
        case inference::Phase::LoadingWeights:
            return ui::DraftPhase::LoadingModel;
        case inference::Phase::EncodingImages:
            return ui::DraftPhase::EncodingImages;
        case inference::Phase::ReadingPrompt:
            return ui::DraftPhase::ReadingPrompt;
        case inference::Phase::Writing:
            break;
    }
    return ui::DraftPhase::Writing;
}

ui::DraftStats toDraftStats(const EngineStatsSummary& s) {
    ui::DraftStats out;
    out.loadSeconds = s.loadSeconds;
    out.imageEncodeSeconds = s.imageEncodeSeconds;
    out.prefillTokensPerSecond = s.prefillTokensPerSecond;
    out.decodeTokensPerSecond = s.decodeTokensPerSecond;
    out.promptTokens = s.promptTokens;
    out.generatedTokens = s.generatedTokens;
    return out;
}

}  // namespace

EngineDraftingService::EngineDraftingService(QObject* parent) : ui::DraftingService(parent) {
    m_thread.setObjectName(QStringLiteral("inference"));
    m_worker = new InferenceWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connectWorker();
    m_thread.start();
}

EngineDraftingService::~EngineDraftingService() {
    m_worker->requestStop(0);
    m_thread.quit();
    m_thread.wait();
}

void EngineDraftingService::connectWorker() {
    connect(m_worker, &InferenceWorker::loaded, this,
            [this](const QString& description, int context, int tokensPerImage) {
                m_description = description;
                m_contextLength = context;
                m_tokensPerImage = tokensPerImage > 0 ? tokensPerImage + kImageMarkerTokens : 0;
                setState(ui::ModelState::Ready, description);
            });
    connect(m_worker, &InferenceWorker::loadFailed, this,
            [this](const QString& message) { setState(ui::ModelState::Failed, message); });
    connect(m_worker, &InferenceWorker::progress, this,
            [this](int id, int phase, double fraction) {
                Q_EMIT progress(id, toPhase(phase), fraction);
            });
    connect(m_worker, &InferenceWorker::textChunk, this, &ui::DraftingService::textChunk);
    connect(m_worker, &InferenceWorker::finished, this,
            [this](int id, int reason, const EngineStatsSummary& stats) {
                const ui::DraftEnd end = reason == 0   ? ui::DraftEnd::Completed
                                         : reason == 1 ? ui::DraftEnd::LengthLimit
                                                       : ui::DraftEnd::Stopped;
                Q_EMIT finished(id, end, toDraftStats(stats));
            });
    connect(m_worker, &InferenceWorker::failed, this, &ui::DraftingService::failed);
}

void EngineDraftingService::setState(ui::ModelState state, const QString& message) {
    m_state = state;
    Q_EMIT modelStateChanged(state, message);
}

void EngineDraftingService::loadModel(const inference::LoadOptions& options) {
    m_worker->requestStop(0);
    m_description = QString::fromStdString(options.directory);
    setState(ui::ModelState::Loading, m_description);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, options] { worker->load(options); },
                              Qt::QueuedConnection);
}

int EngineDraftingService::startDraft(const ui::DraftRequest& request) {
    const int id = ++m_nextRequestId;
    inference::Request engineRequest = toEngineRequest(request);
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, id, engineRequest = std::move(engineRequest)] {
            worker->generate(id, engineRequest);
        },
        Qt::QueuedConnection);
    return id;
}

void EngineDraftingService::requestStop(int requestId) { m_worker->requestStop(requestId); }

}  // namespace app
