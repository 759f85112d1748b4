#include "ui/assistant/assistant_panel.h"

#include <QAction>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QVBoxLayout>

#include "ui/assistant/conversation_controller.h"
#include "ui/assistant/conversation_panel.h"
#include "ui/assistant/draft_controller.h"
#include "ui/assistant/draft_progress.h"
#include "ui/assistant/input_strip.h"
#include "ui/assistant/model_inputs.h"
#include "ui/assistant/prompt_panel.h"
#include "ui/assistant/region_overlay.h"
#include "ui/assistant/request_runner.h"
#include "ui/assistant/sampling_panel.h"
#include "ui/assistant/template_follower.h"
#include "ui/assistant/token_budget.h"
#include "ui/viewer/image_viewer.h"
#include "ui/viewer/series_viewer.h"
#include "ui/window_actions.h"

namespace ui {

AssistantPanel::AssistantPanel(StudySession& session, SeriesViewer& viewer, FrameCache& cache,
                               ReportEditor& editor, QWidget* parent)
    : QWidget(parent), m_viewer(viewer) {
    m_prompt = new PromptPanel(this);
    m_inputs = new ModelInputs(session, viewer, cache, this);
    m_strip = new InputStrip(*m_inputs, this);
    m_draft = new DraftController(*m_prompt, *m_inputs, editor, this);
    m_follower = new TemplateFollower(session, viewer, *m_inputs, *m_prompt, this);
    m_budget = new TokenBudget([this] { return m_draft->buildRequest(); }, this);
    m_conversationPanel = new ConversationPanel(this);
    m_conversationPanel->setTemplates(m_prompt->templates().templates());
    m_conversation = new ConversationController(
        *m_conversationPanel, [this] { return m_prompt->promptInputs().sampling; }, this);
    m_region = new RegionOverlay(viewer.viewer());
    m_progress = new DraftProgress(this);
    buildTabs();
    connectDrafting();
    connectProgress();
}

void AssistantPanel::buildTabs() {
    auto* drafting = new QWidget(this);
    auto* draftLayout = new QVBoxLayout(drafting);
    draftLayout->setContentsMargins(0, 0, 0, 0);
    draftLayout->setSpacing(0);
    draftLayout->addWidget(m_prompt, 1);
    draftLayout->addWidget(m_strip);
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(drafting, tr("Report draft"));
    m_tabs->addTab(m_conversationPanel, tr("Text assistant"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_progress);
}

void AssistantPanel::connectDrafting() {
    connect(m_prompt, &PromptPanel::inputsChanged, this, [this] {
        m_strip->setPlacement(m_prompt->currentTemplate().placement);
        refreshBudget();
    });
    connect(m_prompt, &PromptPanel::templatesEdited, this,
            [this] { m_conversationPanel->setTemplates(m_prompt->templates().templates()); });
    connect(m_inputs, &ModelInputs::ready, this, &AssistantPanel::refreshBudget);
    connect(m_budget, &TokenBudget::changed, this,
            [this] { m_strip->setBudget(m_budget->figures()); });
    connect(m_inputs, &ModelInputs::selectionChanged, this, &AssistantPanel::updateRegionOverlay);
    connect(&m_viewer, &SeriesViewer::frameShown, this, &AssistantPanel::updateRegionOverlay);
    connect(m_region, &RegionOverlay::regionDrawn, m_inputs, &ModelInputs::setRegion);
    connect(m_draft, &DraftController::statusMessage, this, &AssistantPanel::statusMessage);
    connect(m_follower, &TemplateFollower::switched, this,
            [this](const QString& message) { Q_EMIT statusMessage(message, 5000); });
    connect(m_draft, &DraftController::speedChanged, this, &AssistantPanel::speedChanged);
    connect(m_conversation, &ConversationController::statusMessage, this,
            &AssistantPanel::statusMessage);
    connect(m_conversation, &ConversationController::speedChanged, this,
            &AssistantPanel::speedChanged);
    connect(m_prompt, &PromptPanel::chooseModelRequested, this,
            &AssistantPanel::chooseModelRequested);
    connect(m_conversationPanel, &ConversationPanel::chooseModelRequested, this,
            &AssistantPanel::chooseModelRequested);
    m_strip->setPlacement(m_prompt->currentTemplate().placement);
}

void AssistantPanel::connectProgress() {
    for (RequestRunner* runner : {m_draft->runner(), m_conversation->runner()}) {
        connect(runner, &RequestRunner::progress, m_progress, &DraftProgress::showPhase);
        connect(runner, &RequestRunner::ended, m_progress, &DraftProgress::finish);
        connect(runner, &RequestRunner::failed, m_progress, &DraftProgress::finish);
    }
    connect(m_draft, &DraftController::draftingChanged, this, [this](bool drafting) {
        if (!drafting) {
            m_progress->finish();
        }
    });
}

void AssistantPanel::setService(DraftingService* service) {
    if (m_service) {
        disconnect(m_service, nullptr, m_progress, nullptr);
    }
    m_service = service;
    m_draft->setService(service);
    m_conversation->setService(service);
    m_budget->setService(service);
    if (service) {
        connect(service, &DraftingService::loadProgress, m_progress, &DraftProgress::showModelLoad);
        connect(service, &DraftingService::modelStateChanged, m_progress, [this](ModelState state) {
            if (state != ModelState::Loading) {
                m_progress->finish();
            }
        });
    }
}

void AssistantPanel::setModelState(ModelState state, const QString& detail) {
    m_prompt->setModelState(state, detail);
    m_conversationPanel->setModelState(state, detail);
}

void AssistantPanel::bindActions(const WindowActions& a) {
    connect(a.markImage, &QAction::triggered, m_inputs, &ModelInputs::toggleCurrentFrame);
    connect(a.markSeries, &QAction::triggered, m_inputs, &ModelInputs::markWholeSeries);
    connect(a.clearMarks, &QAction::triggered, m_inputs, &ModelInputs::clearMarks);
    connect(a.drawRegion, &QAction::toggled, m_region, &RegionOverlay::setDrawing);
    connect(m_region, &RegionOverlay::drawingChanged, a.drawRegion, &QAction::setChecked);
    connect(a.clearRegion, &QAction::triggered, m_inputs, &ModelInputs::clearRegion);
    connect(a.editTemplates, &QAction::triggered, m_prompt, &PromptPanel::editTemplates);
    connect(a.showDrafting, &QAction::triggered, this, &AssistantPanel::showDrafting);
    connect(a.showTextAssistant, &QAction::triggered, this, &AssistantPanel::showTextAssistant);
    connect(a.openRecord, &QAction::triggered, this, [this] {
        showTextAssistant();
        m_conversation->openRecordFile();
    });
    connect(a.newConversation, &QAction::triggered, m_conversation,
            &ConversationController::newConversation);
    m_strip->setActions({a.markImage, a.markSeries, a.drawRegion, a.clearMarks},
                        {tr("Mark"), tr("Series"), tr("Region"), tr("Clear")});
}

void AssistantPanel::startCurrent() {
    if (m_tabs->currentWidget() == m_conversationPanel) {
        m_conversation->send();
    } else {
        m_draft->start();
    }
}

void AssistantPanel::stopCurrent() {
    m_draft->stop();
    m_conversation->stop();
}

void AssistantPanel::showDrafting() {
    m_tabs->setCurrentIndex(0);
    m_prompt->promptEdit()->setFocus();
}

void AssistantPanel::showTextAssistant() {
    m_tabs->setCurrentWidget(m_conversationPanel);
    m_conversationPanel->messageEdit()->setFocus();
}

void AssistantPanel::updateRegionOverlay() {
    const SeriesRef series = m_viewer.series();
    const QString uid =
        series ? QString::fromStdString(series.series->seriesInstanceUid) : QString();
    const ModelRegion& region = m_inputs->region();
    m_region->setRegion(region.seriesUid == uid && !uid.isEmpty() ? region.rect : QRect());
    m_region->setMarked(m_inputs->currentFrameMarked());
}

void AssistantPanel::refreshBudget() {
    if (m_inputs->isReady() || !m_prompt->currentTemplate().usesImages()) {
        m_budget->refresh();
    }
}

}  // namespace ui
