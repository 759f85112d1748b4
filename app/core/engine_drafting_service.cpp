#include "app/core/engine_drafting_service.h"

#include <QMetaObject>

#include "app/core/about.h"
#include "app/core/draft_conversion.h"
#include "app/core/draft_provenance_tracker.h"
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

inference::LoadOptions toLoadOptions(const ui::ModelChoice& choice) {
    inference::LoadOptions options;
    options.directory = choice.directory.toStdString();
    options.device = choice.device == ui::ModelDevice::Cuda ? inference::Device::Cuda
                                                            : inference::Device::Cpu;
    options.precision = choice.precision == ui::ModelPrecision::Float32
                            ? inference::Precision::Float32
                            : inference::Precision::BFloat16;
    options.quantization =
        choice.precision == ui::ModelPrecision::Int8   ? inference::Quantization::Int8
        : choice.precision == ui::ModelPrecision::Int4 ? inference::Quantization::Int4
                                                       : inference::Quantization::None;
    options.threads = guiComputeThreads();
    return options;
}

EngineDraftingService::EngineDraftingService(QObject* parent) : ui::DraftingService(parent) {
    m_thread.setObjectName(QStringLiteral("inference"));
    m_worker = new InferenceWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_provenance = new DraftProvenanceTracker(this);
    connectWorker();
    connectProvenance();
    m_thread.start();
}

EngineDraftingService::~EngineDraftingService() {
    m_worker->requestStop(0);
    m_worker->cancelLoad(0);
    m_thread.quit();
    m_thread.wait();
}

void EngineDraftingService::connectLoadSignals() {
    connect(m_worker, &InferenceWorker::loaded, this,
            [this](const QString& description, int context, int tokensPerImage, int loadId) {
                if (!isCurrentLoad(loadId)) {
                    return;
                }
                m_description = description;
                m_contextLength = context;
                m_tokensPerImage = tokensPerImage > 0 ? tokensPerImage + kImageMarkerTokens : 0;
                setState(ui::ModelState::Ready, description);
            });
    connect(m_worker, &InferenceWorker::loadFailed, this, [this](const QString& message, int loadId) {
        if (isCurrentLoad(loadId)) {
            setState(ui::ModelState::Failed, message);
        }
    });
    connect(m_worker, &InferenceWorker::loadProgress, this, [this](double fraction, int loadId) {
        if (isCurrentLoad(loadId)) {
            Q_EMIT loadProgress(fraction);
        }
    });
    connect(m_worker, &InferenceWorker::tokensCounted, this, &ui::DraftingService::tokenCountReady);
}

void EngineDraftingService::connectWorker() {
    connectLoadSignals();
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
                ui::DraftStats out = toDraftStats(stats);
                out.provenance = m_provenance->finish(id, end, out);
                Q_EMIT finished(id, end, out);
            });
    connect(m_worker, &InferenceWorker::failed, this, &ui::DraftingService::failed);
}

// Provenance follows every request: its facts, its text (for the audit hash) and its end.
void EngineDraftingService::connectProvenance() {
    connect(m_worker, &InferenceWorker::runFacts, m_provenance, &DraftProvenanceTracker::engineFacts);
    connect(m_worker, &InferenceWorker::textChunk, m_provenance, &DraftProvenanceTracker::textChunk);
    connect(m_worker, &InferenceWorker::failed, m_provenance,
            [this](int id, const QString&) { m_provenance->forget(id); });
    connect(m_provenance, &DraftProvenanceTracker::weightDigestsReady, this,
            &ui::DraftingService::weightDigestsReady);
}

void EngineDraftingService::setState(ui::ModelState state, const QString& message) {
    m_state = state;
    Q_EMIT modelStateChanged(state, message);
}

void EngineDraftingService::loadModel(const ui::ModelChoice& choice) {
    startLoad(toLoadOptions(choice));
}

void EngineDraftingService::startLoad(const inference::LoadOptions& options) {
    m_provenance->modelLoading(QString::fromStdString(options.directory));
    m_worker->requestStop(0);
    if (m_loadId > 0) {
        m_worker->cancelLoad(m_loadId);  // a newer choice replaces a load still running
    }
    const int loadId = ++m_loadId;
    m_description = QString::fromStdString(options.directory);
    m_contextLength = 0;
    m_tokensPerImage = 0;
    setState(ui::ModelState::Loading, m_description);
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, options, loadId] { worker->load(options, loadId); },
        Qt::QueuedConnection);
}

void EngineDraftingService::cancelLoad() {
    if (m_state != ui::ModelState::Loading) {
        return;
    }
    m_worker->cancelLoad(m_loadId);
    m_cancelledLoad = m_loadId;
    // The earlier model was freed when this load began, so nothing is loaded now.
    m_description.clear();
    setState(ui::ModelState::None, tr("Loading was cancelled."));
}

int EngineDraftingService::requestTokenCount(const ui::DraftRequest& request) {
    if (m_state != ui::ModelState::Ready) {
        return 0;
    }
    const int id = ++m_nextCountId;
    // The count needs the prompt's image blocks, not the pixels.
    inference::Request engineRequest = toEngineRequest(request, /*withPixels=*/false);
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, id, engineRequest = std::move(engineRequest)] {
            worker->countTokens(id, engineRequest);
        },
        Qt::QueuedConnection);
    return id;
}

int EngineDraftingService::startDraft(const ui::DraftRequest& request) {
    const int id = ++m_nextRequestId;
    m_provenance->requestStarted(id, request);
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
