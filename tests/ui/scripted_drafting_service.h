#pragma once
// Test double of DraftingService: "drafts" by replaying a script of chunks on a timer (after
// reporting the image and prompt phases), honours stops, can be told to fail, counts tokens
// with a fixed rule, and "loads" models on a timer that can be held and cancelled. It lives in
// tests/ only; the application uses the engine.

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
    bool holdLoad = false;        // keep a load in progress until cancelled
    ui::DraftRequest lastRequest;
    ui::DraftRequest lastCountRequest;
    ui::ModelChoice lastChoice;
    int started = 0;
    int loads = 0;
    int cancels = 0;

    // The token count this service reports: a fixed cost per image and per 4 characters of
    // text, plus 10 for the template.
    static int countFor(const ui::DraftRequest& request, int tokensPerImage) {
        int tokens = 10 + int(request.systemPrompt.size() + 3) / 4;
        for (const auto& turn : request.turns) {
            for (const auto& item : turn.items) {
                tokens += item.kind == ui::DraftItem::Kind::Image ? tokensPerImage
                                                                  : int(item.text.size() + 3) / 4;
            }
        }
        return tokens;
    }

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
        m_phasesSent = false;
        m_stopRequested = false;
        m_timer.start();
        return m_id;
    }
    void requestStop(int requestId) override {
        if (requestId == m_id) {
            m_stopRequested = true;
        }
    }
    int requestTokenCount(const ui::DraftRequest& request) override {
        if (m_state != ui::ModelState::Ready) {
            return 0;
        }
        lastCountRequest = request;
        const int id = ++m_countId;
        const int tokens = countFor(request, tokensPerImage());
        QTimer::singleShot(1, this, [this, id, tokens] { Q_EMIT tokenCountReady(id, tokens); });
        return id;
    }
    void loadModel(const ui::ModelChoice& choice) override {
        lastChoice = choice;
        ++loads;
        setState(ui::ModelState::Loading);
        Q_EMIT loadProgress(0.0);
        QTimer::singleShot(5, this, [this, load = loads] {
            if (load != loads || m_state != ui::ModelState::Loading) {
                return;
            }
            Q_EMIT loadProgress(0.5);
            if (!holdLoad) {
                setState(ui::ModelState::Ready);
            }
        });
    }
    void cancelLoad() override {
        ++cancels;
        if (m_state == ui::ModelState::Loading) {
            m_state = ui::ModelState::None;
            Q_EMIT modelStateChanged(m_state, QStringLiteral("Loading was cancelled."));
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
        if (m_next == 0 && !m_phasesSent) {
            m_phasesSent = true;
            Q_EMIT progress(m_id, ui::DraftPhase::EncodingImages, 1.0);
            Q_EMIT progress(m_id, ui::DraftPhase::ReadingPrompt, 1.0);
            Q_EMIT progress(m_id, ui::DraftPhase::Writing, 0.0);
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
    int m_countId = 0;
    bool m_phasesSent = false;
    bool m_stopRequested = false;
};

}  // namespace testutil
