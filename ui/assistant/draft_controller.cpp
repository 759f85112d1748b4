#include "ui/assistant/draft_controller.h"

#include "ui/assistant/model_inputs.h"
#include "ui/assistant/prompt_panel.h"
#include "ui/assistant/request_builder.h"
#include "ui/assistant/request_runner.h"
#include "ui/report/report_editor.h"

namespace ui {

DraftController::DraftController(PromptPanel& panel, ModelInputs& inputs, ReportEditor& editor,
                                 QObject* parent)
    : QObject(parent),
      m_panel(panel),
      m_inputs(inputs),
      m_editor(editor),
      m_runner(new RequestRunner(this)) {
    connect(&m_panel, &PromptPanel::draftRequested, this, &DraftController::start);
    connect(&m_panel, &PromptPanel::stopRequested, this, &DraftController::stop);
    connect(&m_inputs, &ModelInputs::ready, this, [this] {
        if (m_waitingForInputs) {
            send();
        }
    });
    connect(m_runner, &RequestRunner::chunk, &m_editor, &ReportEditor::appendChunk);
    connect(m_runner, &RequestRunner::ended, this, &DraftController::onEnded);
    connect(m_runner, &RequestRunner::failed, this, &DraftController::onFailed);
    connect(m_runner, &RequestRunner::statusMessage, this, &DraftController::statusMessage);
    connect(m_runner, &RequestRunner::speedChanged, this, &DraftController::speedChanged);
}

void DraftController::setService(DraftingService* service) {
    m_runner->setService(service);
}

bool DraftController::isDrafting() const {
    return m_waitingForInputs || m_runner->isRunning();
}
int DraftController::currentRequestId() const {
    return m_runner->requestId();
}

DraftRequest DraftController::buildRequest() const {
    return buildDraftRequest(m_panel.currentTemplate(), m_panel.promptInputs(), m_inputs.images());
}

void DraftController::start() {
    if (!m_runner->canStart() || isDrafting()) {
        return;
    }
    if (m_panel.promptText().trimmed().isEmpty()) {
        Q_EMIT statusMessage(tr("Write what MedGemma should do first."), 5000);
        return;
    }
    m_panel.setDrafting(true);
    Q_EMIT draftingChanged(true);
    if (m_panel.currentTemplate().usesImages() && !m_inputs.isReady()) {
        m_waitingForInputs = true;
        Q_EMIT statusMessage(tr("Preparing the images…"), 0);
        m_inputs.prepareNow();
        return;
    }
    send();
}

void DraftController::send() {
    m_waitingForInputs = false;
    const int id = m_runner->start(buildRequest());
    if (id == 0) {
        endRequest(0);
        return;
    }
    m_editor.beginDraft(id);
    Q_EMIT statusMessage(tr("Drafting…"), 0);
}

void DraftController::stop() {
    if (m_waitingForInputs) {
        m_waitingForInputs = false;
        endRequest(0);
        Q_EMIT statusMessage(tr("Drafting stopped before it started."), 5000);
        return;
    }
    m_runner->stop();
}

void DraftController::onEnded(int requestId, DraftEnd end, const DraftStats& stats) {
    endRequest(requestId);
    switch (end) {
        case DraftEnd::Completed:
            Q_EMIT statusMessage(tr("Draft complete: %n token(s). Review it before use.", nullptr,
                                    stats.generatedTokens),
                                 10000);
            break;
        case DraftEnd::LengthLimit:
            Q_EMIT statusMessage(tr("The draft reached the length limit and may be cut short."),
                                 10000);
            break;
        case DraftEnd::Stopped:
            Q_EMIT statusMessage(tr("Drafting stopped; the text so far is kept."), 10000);
            break;
    }
}

void DraftController::onFailed(int requestId, const QString& message) {
    endRequest(requestId);
    Q_EMIT statusMessage(tr("Drafting failed: %1").arg(message), 15000);
    Q_EMIT draftFailed(message);
}

void DraftController::endRequest(int requestId) {
    if (requestId != 0) {
        m_editor.endDraft(requestId);
    }
    m_panel.setDrafting(false);
    Q_EMIT draftingChanged(false);
}

}  // namespace ui
