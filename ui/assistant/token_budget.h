#pragma once
// TokenBudget: how much of the model's context a request uses. The image cost is known at once
// (images x DraftingService::tokensPerImage()); the exact prompt length (text, template, image
// blocks) is counted by the service on its worker, after the inputs settle. One count runs at a
// time; changes during a count trigger one more when it returns.
// Thread-safety: GUI thread only.

#include <functional>

#include <QObject>
#include <QPointer>
#include <QTimer>

#include "ui/drafting_service.h"

namespace ui {

struct TokenFigures {
    int images = 0;
    int tokensPerImage = 0;    // per image block, markers included
    int promptTokens = -1;     // exact count of the whole prompt; -1 while unknown
    bool countFailed = false;  // the model could not encode this prompt
    int contextLength = 0;     // 0 without a model
    int maxNewTokens = 0;      // room kept for the answer

    int imageTokens() const { return images * tokensPerImage; }
    int used() const { return (promptTokens >= 0 ? promptTokens : imageTokens()) + maxNewTokens; }
    bool fits() const { return contextLength <= 0 || used() <= contextLength; }
};

class TokenBudget : public QObject {
    Q_OBJECT
public:
    using RequestSource = std::function<DraftRequest()>;
    explicit TokenBudget(RequestSource source, QObject* parent = nullptr);

    void setService(DraftingService* service);  // not owned; may be null
    void refresh();                             // recount after a short settling delay
    const TokenFigures& figures() const { return m_figures; }

    // e.g. "Images: 12 × 260 = 3,120 tokens · prompt 3,166 + answer ≤ 1,024 = 4,190 of 8,192
    // tokens"
    static QString describe(const TokenFigures& figures);

Q_SIGNALS:
    void changed();

private:
    void count();
    void onCounted(int countId, int tokens);

    RequestSource m_source;
    QPointer<DraftingService> m_service;
    TokenFigures m_figures;
    QTimer m_settle;
    int m_countId = 0;
    bool m_again = false;
};

}  // namespace ui
