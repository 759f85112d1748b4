#pragma once
// ConversationController: the text assistant's workflow. Each Send becomes a request whose turns
// are the whole conversation so far (MedGemma's earlier answers as model turns), with an
// attached health record folded into the turn that introduced it, trimmed to fit the context.
// The answer streams through a RequestRunner into the conversation view; Stop keeps the partial
// answer. Text only: no image is sent.
// Ownership: the panel is not owned and must outlive the controller.
// Thread-safety: GUI thread only.

#include <functional>

#include <QObject>
#include <QStringList>

#include "ui/assistant/health_record.h"
#include "ui/assistant/prompt_templates.h"
#include "ui/drafting_service.h"

namespace ui {

class ConversationPanel;
class RequestRunner;

struct ConversationTurn {
    bool fromModel = false;
    QString text;  // exactly what the model read (user turns include any record)
};

// The request of a conversation: the history, then `userText` as the new user turn.
DraftRequest buildConversationRequest(const PromptTemplate& t,
                                      const QList<ConversationTurn>& history,
                                      const QString& userText, const DraftSampling& sampling);

class ConversationController : public QObject {
    Q_OBJECT
public:
    using SamplingSource = std::function<DraftSampling()>;
    ConversationController(ConversationPanel& panel, SamplingSource sampling,
                           QObject* parent = nullptr);

    void setService(DraftingService* service);
    RequestRunner* runner() const { return m_runner; }
    bool isBusy() const;
    const QList<ConversationTurn>& turns() const { return m_turns; }
    const HealthRecord& record() const { return m_record; }

    void send();
    void stop();
    void newConversation();
    void attachRecord(const HealthRecord& record);
    void openRecordFile();  // asks for a .txt / .json file

Q_SIGNALS:
    void statusMessage(const QString& message, int timeoutMs);
    void speedChanged(const QString& text);
    void busyChanged(bool busy);

private:
    QString userText(const QString& message) const;
    int recordCharBudget(const QString& message) const;
    void onEnded(int requestId, DraftEnd end, const DraftStats& stats);
    void onFailed(int requestId, const QString& message);

    ConversationPanel& m_panel;
    SamplingSource m_sampling;
    RequestRunner* m_runner = nullptr;
    QList<ConversationTurn> m_turns;
    HealthRecord m_record;  // attached, not yet sent
    QStringList m_sentRecords;  // titles of the records already in this conversation
    QString m_answer;       // the answer streaming now
};

}  // namespace ui
