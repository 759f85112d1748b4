#pragma once
// The assistant side of the window: a "Report draft" tab (prompt panel and the "what the model
// sees" strip) and a "Text assistant" tab (conversation with MedGemma, health records), with one
// progress line under both. It owns the drafting workflow (model inputs, token budget, draft
// controller, the task template that follows the images), the text assistant, and the region layer over the viewer; the main window only
// places it and forwards the drafting service.
// Ownership: session, viewer, cache and editor are not owned and must outlive the panel.
// Thread-safety: GUI thread only.

#include <QPointer>
#include <QWidget>

#include "ui/drafting_service.h"

class QTabWidget;

namespace ui {

class ConversationController;
class ConversationPanel;
class DraftController;
class DraftProgress;
class FrameCache;
class InputStrip;
class ModelInputs;
class PromptPanel;
class RegionOverlay;
class ReportEditor;
class SeriesViewer;
class StudySession;
class TemplateFollower;
class TokenBudget;
struct WindowActions;

class AssistantPanel : public QWidget {
    Q_OBJECT
public:
    AssistantPanel(StudySession& session, SeriesViewer& viewer, FrameCache& cache,
                   ReportEditor& editor, QWidget* parent = nullptr);

    void setService(DraftingService* service);  // not owned; may be null
    void setModelState(ModelState state, const QString& detail);
    // Connects the window's assistant actions and puts the selection ones on the strip.
    void bindActions(const WindowActions& actions);

    void startCurrent();  // Draft in the drafting tab, Send in the text assistant
    void stopCurrent();
    void showDrafting();
    void showTextAssistant();

    PromptPanel* promptPanel() const { return m_prompt; }
    InputStrip* strip() const { return m_strip; }
    ModelInputs* inputs() const { return m_inputs; }
    TokenBudget* budget() const { return m_budget; }
    DraftController* draftController() const { return m_draft; }
    ConversationPanel* conversationPanel() const { return m_conversationPanel; }
    ConversationController* conversation() const { return m_conversation; }
    RegionOverlay* regionOverlay() const { return m_region; }
    DraftProgress* progress() const { return m_progress; }
    QTabWidget* tabs() const { return m_tabs; }

Q_SIGNALS:
    void statusMessage(const QString& message, int timeoutMs);
    void speedChanged(const QString& text);
    void chooseModelRequested();

private:
    void buildTabs();
    void connectDrafting();
    void connectProgress();
    void updateRegionOverlay();
    void refreshBudget();

    SeriesViewer& m_viewer;
    QPointer<DraftingService> m_service;
    PromptPanel* m_prompt = nullptr;
    ModelInputs* m_inputs = nullptr;
    InputStrip* m_strip = nullptr;
    TokenBudget* m_budget = nullptr;
    DraftController* m_draft = nullptr;
    TemplateFollower* m_follower = nullptr;
    ConversationPanel* m_conversationPanel = nullptr;
    ConversationController* m_conversation = nullptr;
    RegionOverlay* m_region = nullptr;
    DraftProgress* m_progress = nullptr;
    QTabWidget* m_tabs = nullptr;
};

}  // namespace ui
