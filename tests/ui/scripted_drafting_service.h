#pragma once
// Test double of DraftingService: "drafts" by replaying a script of chunks on a timer, honours
// stops, and can be told to fail. It lives in tests/ only; the application uses the engine.

#include <QTimer>

#include "ui/drafting_service.h"

namespace testutil {

class ScriptedDraftingService : public ui::DraftingService {
    Q_OBJECT
public:
    explicit ScriptedDraftingService(QObject* parent = nullptr) : ui::DraftingService(parent) {
        m_timer.setInterval(5);
        connect(&m_timer, &QTimer::timeout, this, &ScriptedDraftingService::tick);
    }

    QStringList script{QStringLiteral("FINDINGS: "), QStringLiteral("The lungs "),
                       QStringLiteral("are clear. "), QStringLiteral("No effusion.\n"),
                       QStringLiteral("IMPRESSION: "), QStringLiteral("No acute findings.")};
    QString failWith;             // non-empty: fail after the first chunk with this message
    bool holdAfterFirst = false;  // keep the request open after one chunk until stopped
    ui::DraftRequest lastRequest;
    int started = 0;

    void setState(ui::ModelState state) {
        m_state = state;
        Q_EMIT modelStateChanged(state, modelDescription());
    }

    ui::ModelState modelState() const override { return m_state; }
    QString modelDescription() const override { return QStringLiteral("Scripted model"); }
    int contextLength() const override { return 8192; }
    int tokensPerImage() const override { return 260; }

    int startDraft(const ui::DraftRequest& request) override {
        lastRequest = request;
        ++started;
        m_id += 1;
        m_next = 0;
        m_stopRequested = false;
        m_timer.start();
        return m_id;
    }
    void requestStop(int requestId) override {
        if (requestId == m_id) {
            m_stopRequested = true;
        }
    }

private:
    void tick() {
        if (m_stopRequested) {
            finish(ui::DraftEnd::Stopped);
            return;
        }
        if (m_next > 0 && !failWith.isEmpty()) {
            m_timer.stop();
            Q_EMIT failed(m_id, failWith);
            return;
        }
        if (m_next > 0 && holdAfterFirst) {
            return;
        }
        if (m_next < script.size()) {
            Q_EMIT textChunk(m_id, script.at(m_next++));
            return;
        }
        finish(ui::DraftEnd::Completed);
    }
    void finish(ui::DraftEnd end) {
        m_timer.stop();
        ui::DraftStats stats;
        stats.generatedTokens = m_next;
        stats.decodeTokensPerSecond = 42.0;
        Q_EMIT finished(m_id, end, stats);
    }

    QTimer m_timer;
    ui::ModelState m_state = ui::ModelState::Ready;
    int m_id = 0;
    int m_next = 0;
    bool m_stopRequested = false;
};

}  // namespace testutil
