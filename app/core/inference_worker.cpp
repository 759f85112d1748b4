#include "app/core/inference_worker.h"

#include <limits>

#include "app/core/text_batcher.h"

namespace app {
namespace {

EngineStatsSummary summarise(const inference::Stats& s) {
    EngineStatsSummary out;
    out.loadSeconds = s.loadSeconds;
    out.imageEncodeSeconds = s.imageEncodeSeconds;
    out.prefillTokensPerSecond = s.prefillTokensPerSecond();
    out.decodeTokensPerSecond = s.decodeTokensPerSecond();
    out.promptTokens = int(s.promptTokens);
    out.generatedTokens = int(s.generatedTokens);
    return out;
}

int reasonCode(inference::StopReason reason) {
    switch (reason) {
        case inference::StopReason::EndOfTurn:
            return 0;
        case inference::StopReason::MaxTokens:
            return 1;
        case inference::StopReason::Stopped:
            return 2;
    }
    return 2;
}

}  // namespace

InferenceWorker::InferenceWorker() { qRegisterMetaType<app::EngineStatsSummary>(); }
InferenceWorker::~InferenceWorker() = default;

void InferenceWorker::requestStop(int requestId) {
    const int running = m_running.load();
    if (running != 0 && (requestId == 0 || requestId == running)) {
        m_stop.store(true);
    }
    // A request still queued behind another is remembered, so it ends as soon as it starts.
    int seen = m_stoppedThrough.load();
    while (requestId > seen && !m_stoppedThrough.compare_exchange_weak(seen, requestId)) {
    }
}

void InferenceWorker::cancelLoad(int loadId) {
    const int through = loadId > 0 ? loadId : std::numeric_limits<int>::max();
    int seen = m_loadsCancelledThrough.load();
    while (through > seen && !m_loadsCancelledThrough.compare_exchange_weak(seen, through)) {
    }
    const int running = m_loading.load();
    if (running != 0 && running <= through) {
        m_loadStop.store(true);
    }
}

bool InferenceWorker::loadCancelledNow(int loadId) const {
    return m_loadStop.load() || loadId <= m_loadsCancelledThrough.load();
}

void InferenceWorker::load(const inference::LoadOptions& options, int loadId) {
    // Set the flag before publishing the id, so that a cancel between the two still lands.
    m_loadStop.store(false);
    m_loading.store(loadId);
    m_engine.reset();  // free the old model's memory before mapping the new one
    if (loadCancelledNow(loadId)) {
        m_loading.store(0);
        Q_EMIT loadCancelled(loadId);
        return;
    }
    auto engine = inference::Engine::load(
        options,
        [this, loadId](const inference::Progress& p) { Q_EMIT loadProgress(p.fraction, loadId); },
        &m_loadStop);
    m_loading.store(0);
    if (loadCancelledNow(loadId)) {
        Q_EMIT loadCancelled(loadId);  // a model that finished loading anyway is dropped here
        return;
    }
    if (!engine) {
        Q_EMIT loadFailed(QString::fromStdString(inference::describeError(engine.error())), loadId);
        return;
    }
    m_engine = std::move(engine).value();
    const auto& info = m_engine->info();
    const QString description =
        QStringLiteral("%1, %2, %3")
            .arg(QString::fromStdString(info.variant),
                 QString::fromStdString(info.quantization == "none" ? info.precision
                                                                    : info.quantization + " weights"),
                 QString::fromStdString(info.device).toUpper());
    Q_EMIT loaded(description, int(std::min<std::int64_t>(info.contextLength, INT32_MAX)),
                  int(info.tokensPerImage), loadId);
}

void InferenceWorker::countTokens(int countId, const inference::Request& request) {
    int tokens = -1;
    try {
        tokens = countPromptTokens(request);
    } catch (const std::exception&) {
        tokens = -1;  // a count is advisory; the request itself reports the real error
    }
    Q_EMIT tokensCounted(countId, tokens);
}

int InferenceWorker::countPromptTokens(const inference::Request& request) {
    if (!m_engine) {
        return -1;
    }
    auto ids = m_engine->promptIds(request);
    return ids ? int(ids->size()) : -1;
}

void InferenceWorker::generate(int requestId, const inference::Request& request) {
    // Nothing may escape a worker slot: an exception would end the whole application.
    try {
        runRequest(requestId, request);
    } catch (const std::exception& e) {
        m_running.store(0);
        Q_EMIT failed(requestId, tr("Internal error: %1").arg(QString::fromUtf8(e.what())));
    }
}

void InferenceWorker::runRequest(int requestId, const inference::Request& request) {
    if (!m_engine) {
        Q_EMIT failed(requestId, tr("No model is loaded."));
        return;
    }
    if (requestId <= m_stoppedThrough.load()) {
        Q_EMIT finished(requestId, reasonCode(inference::StopReason::Stopped), {});
        return;
    }
    m_stop.store(false);
    m_running.store(requestId);
    TextBatcher batcher;
    auto onText = [&](std::string_view chunk) {
        const QString due = batcher.add(QString::fromUtf8(chunk.data(), qsizetype(chunk.size())));
        if (!due.isEmpty()) {
            Q_EMIT textChunk(requestId, due);
        }
        return !m_stop.load();
    };
    auto onProgress = [&](const inference::Progress& p) {
        Q_EMIT progress(requestId, int(p.phase), p.fraction);
    };
    auto output = m_engine->generate(request, onText, onProgress, m_stop);
    // Whatever was streamed is delivered before the end is announced.
    const QString rest = batcher.flush();
    if (!rest.isEmpty()) {
        Q_EMIT textChunk(requestId, rest);
    }
    m_running.store(0);
    if (!output) {
        Q_EMIT failed(requestId, QString::fromStdString(inference::describeError(output.error())));
        return;
    }
    Q_EMIT runFacts(requestId, runFactsOf(m_engine->info(), output->renderedPrompt));
    Q_EMIT finished(requestId, reasonCode(output->reason), summarise(output->stats));
}

}  // namespace app
