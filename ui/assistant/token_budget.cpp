#include "ui/assistant/token_budget.h"

#include <algorithm>

#include <QLocale>

namespace ui {
namespace {

constexpr int kSettleMs = 300;  // typing pauses; one count per pause

}  // namespace

TokenBudget::TokenBudget(RequestSource source, QObject* parent)
    : QObject(parent), m_source(std::move(source)) {
    m_settle.setSingleShot(true);
    connect(&m_settle, &QTimer::timeout, this, &TokenBudget::count);
}

void TokenBudget::setService(DraftingService* service) {
    if (m_service) {
        disconnect(m_service, nullptr, this, nullptr);
    }
    m_service = service;
    m_countId = 0;
    if (service) {
        connect(service, &DraftingService::tokenCountReady, this, &TokenBudget::onCounted);
        connect(service, &DraftingService::modelStateChanged, this, &TokenBudget::refresh);
    }
    refresh();
}

void TokenBudget::refresh() {
    const DraftRequest request = m_source();
    const bool ready = m_service && m_service->modelState() == ModelState::Ready;
    m_figures.images = int(request.images.size());
    m_figures.tokensPerImage = ready ? m_service->tokensPerImage() : 0;
    m_figures.contextLength = ready ? m_service->contextLength() : 0;
    m_figures.maxNewTokens = request.sampling.maxNewTokens;
    m_figures.promptTokens = -1;
    m_figures.countFailed = false;
    Q_EMIT changed();
    if (ready) {
        m_settle.start(kSettleMs);
    }
}

void TokenBudget::count() {
    if (!m_service || m_service->modelState() != ModelState::Ready) {
        return;
    }
    if (m_countId != 0) {
        m_again = true;  // one count at a time; the latest inputs are counted next
        return;
    }
    m_countId = m_service->requestTokenCount(m_source());
}

void TokenBudget::onCounted(int countId, int tokens) {
    if (countId != m_countId) {
        return;
    }
    m_countId = 0;
    if (m_again) {
        m_again = false;
        count();
        return;
    }
    m_figures.promptTokens = std::max(-1, tokens);
    m_figures.countFailed = tokens < 0;
    Q_EMIT changed();
}

QString TokenBudget::describe(const TokenFigures& f) {
    const QLocale locale;
    if (f.contextLength <= 0) {
        return tr("Images: %1 · load a model to see the token budget").arg(f.images);
    }
    const QString text = tr("Images: %1 × %2 = %3 tokens")
                             .arg(locale.toString(f.images), locale.toString(f.tokensPerImage),
                                  locale.toString(f.imageTokens()));
    const QString prompt = f.promptTokens >= 0 ? locale.toString(f.promptTokens)
                           : f.countFailed     ? tr("unknown")
                                               : tr("counting…");
    return tr("%1 · prompt %2 + answer ≤ %3 = %4 of %5 tokens")
        .arg(text, prompt, locale.toString(f.maxNewTokens), locale.toString(f.used()),
             locale.toString(f.contextLength));
}

}  // namespace ui
