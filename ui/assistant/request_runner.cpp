#include "ui/assistant/request_runner.h"

#include <QLocale>

namespace ui {

RequestRunner::RequestRunner(QObject* parent) : QObject(parent) {}

void RequestRunner::setService(DraftingService* service) {
    if (m_service) {
        disconnect(m_service, nullptr, this, nullptr);
    }
    m_service = service;
    m_requestId = 0;
    if (!service) {
        return;
    }
    connect(service, &DraftingService::textChunk, this, &RequestRunner::onChunk);
    connect(service, &DraftingService::progress, this, &RequestRunner::onProgress);
    connect(service, &DraftingService::finished, this, &RequestRunner::onFinished);
    connect(service, &DraftingService::failed, this, &RequestRunner::onFailed);
}

bool RequestRunner::canStart() const {
    return m_service && m_service->modelState() == ModelState::Ready && !isRunning();
}

int RequestRunner::start(const DraftRequest& request) {
    if (!canStart()) {
        return 0;
    }
    m_requestId = m_service->startDraft(request);
    return m_requestId;
}

void RequestRunner::stop() {
    if (m_service && isRunning()) {
        m_service->requestStop(m_requestId);
        Q_EMIT statusMessage(tr("Stopping…"), 0);
    }
}

QString RequestRunner::phaseText(DraftPhase phase) {
    switch (phase) {
        case DraftPhase::LoadingModel:
            return tr("Loading the model…");
        case DraftPhase::EncodingImages:
            return tr("Reading the images…");
        case DraftPhase::ReadingPrompt:
            return tr("Reading the prompt…");
        case DraftPhase::Writing:
            break;
    }
    return tr("Writing…");
}

void RequestRunner::onChunk(int requestId, const QString& text) {
    if (requestId == m_requestId && requestId != 0) {
        Q_EMIT chunk(requestId, text);
    }
}

void RequestRunner::onProgress(int requestId, DraftPhase phase, double fraction) {
    if (requestId != m_requestId || requestId == 0) {
        return;
    }
    Q_EMIT progress(phase, fraction);
    const QString text = phaseText(phase);
    Q_EMIT statusMessage(
        phase == DraftPhase::Writing ? text : tr("%1 %2%").arg(text).arg(int(fraction * 100)), 0);
}

void RequestRunner::onFinished(int requestId, DraftEnd end, const DraftStats& stats) {
    if (requestId != m_requestId || requestId == 0) {
        return;
    }
    m_requestId = 0;
    Q_EMIT speedChanged(
        tr("%1 tokens/s").arg(QLocale().toString(stats.decodeTokensPerSecond, 'f', 1)));
    Q_EMIT ended(requestId, end, stats);
}

void RequestRunner::onFailed(int requestId, const QString& message) {
    if (requestId != m_requestId || requestId == 0) {
        return;
    }
    m_requestId = 0;
    Q_EMIT failed(requestId, message);
}

}  // namespace ui
