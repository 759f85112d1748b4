#include "ui/assistant/conversation_controller.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>

#include "ui/assistant/conversation_panel.h"
#include "ui/assistant/conversation_view.h"
#include "ui/assistant/request_builder.h"
#include "ui/assistant/request_runner.h"
#include "ui/common/settings_keys.h"

namespace ui {
namespace {

// Characters per token when sizing a record to the context: English prose is ~4, FHIR
// summaries with numbers and codes fewer; 3 leaves a margin.
constexpr int kCharsPerToken = 3;
constexpr int kReserveTokens = 512;  // system prompt, template and markers

DraftTurn textTurn(bool fromModel, const QString& text) {
    DraftTurn turn;
    turn.fromModel = fromModel;
    turn.items << DraftItem{DraftItem::Kind::Text, text, -1};
    return turn;
}

}  // namespace

DraftRequest buildConversationRequest(const PromptTemplate& t,
                                      const QList<ConversationTurn>& history,
                                      const QString& userText, const DraftSampling& sampling) {
    DraftRequest request;
    request.templateName = t.provenance();
    request.systemPrompt = t.systemPrompt;
    request.sampling = sampling;
    for (const ConversationTurn& turn : history) {
        request.turns << textTurn(turn.fromModel, turn.text);
    }
    request.turns << textTurn(false, userText);
    return request;
}

ConversationController::ConversationController(ConversationPanel& panel, SamplingSource sampling,
                                               QObject* parent)
    : QObject(parent),
      m_panel(panel),
      m_sampling(std::move(sampling)),
      m_runner(new RequestRunner(this)) {
    connect(&m_panel, &ConversationPanel::sendRequested, this, &ConversationController::send);
    connect(&m_panel, &ConversationPanel::stopRequested, this, &ConversationController::stop);
    connect(&m_panel, &ConversationPanel::newConversationRequested, this,
            &ConversationController::newConversation);
    connect(&m_panel, &ConversationPanel::openRecordRequested, this,
            &ConversationController::openRecordFile);
    connect(&m_panel, &ConversationPanel::removeRecordRequested, this,
            [this] { attachRecord({}); });
    connect(m_runner, &RequestRunner::chunk, this, [this](int, const QString& text) {
        m_answer += text;
        m_panel.view()->appendAnswer(text);
    });
    connect(m_runner, &RequestRunner::ended, this, &ConversationController::onEnded);
    connect(m_runner, &RequestRunner::failed, this, &ConversationController::onFailed);
    connect(m_runner, &RequestRunner::statusMessage, this, &ConversationController::statusMessage);
    connect(m_runner, &RequestRunner::speedChanged, this, &ConversationController::speedChanged);
}

void ConversationController::setService(DraftingService* service) {
    m_runner->setService(service);
}

bool ConversationController::isBusy() const {
    return m_runner->isRunning();
}

int ConversationController::recordCharBudget(const QString& message) const {
    const DraftingService* service = m_runner->service();
    const int context = service ? service->contextLength() : 0;
    if (context <= 0) {
        return 0;  // unknown: send it whole; the engine reports a context overflow clearly
    }
    int historyChars = message.size();
    for (const ConversationTurn& turn : m_turns) {
        historyChars += int(turn.text.size());
    }
    const int tokens =
        context - m_sampling().maxNewTokens - kReserveTokens - historyChars / kCharsPerToken;
    return std::max(1000, tokens * kCharsPerToken);
}

QString ConversationController::userText(const QString& message) const {
    QStringList parts;
    if (!m_record.text.isEmpty()) {
        parts << QStringLiteral("Health record (%1):\n%2")
                     .arg(m_record.title, trimToChars(m_record.text, recordCharBudget(message)));
    }
    PromptInputs inputs;
    inputs.question = message;
    inputs.languageCode = m_panel.languageCode();
    parts << composeQuestion(inputs);
    return parts.join(QStringLiteral("\n\n"));
}

void ConversationController::send() {
    QString message = m_panel.message().trimmed();
    if (message.isEmpty()) {
        message = m_panel.currentTemplate().question;  // e.g. "Summarise this patient's …"
    }
    if (!m_runner->canStart()) {
        return;
    }
    if (message.isEmpty()) {
        Q_EMIT statusMessage(tr("Write a question first."), 5000);
        return;
    }
    const QString text = userText(message);
    const PromptTemplate t = m_panel.currentTemplate();
    if (m_runner->start(buildConversationRequest(t, m_turns, text, m_sampling())) == 0) {
        return;
    }
    m_turns << ConversationTurn{false, text};
    m_panel.view()->addUserTurn(message, m_record.title);
    m_panel.view()->beginAnswer();
    m_panel.clearMessage();
    if (!m_record.text.isEmpty()) {
        m_sentRecords << m_record.title;
    }
    attachRecord({});  // it is part of the conversation now
    m_answer.clear();
    m_panel.setBusy(true);
    Q_EMIT busyChanged(true);
}

void ConversationController::stop() {
    m_runner->stop();
}

void ConversationController::onEnded(int, DraftEnd end, const DraftStats& stats) {
    m_turns << ConversationTurn{true, m_answer};
    m_panel.view()->endAnswer(end == DraftEnd::Stopped       ? tr("(stopped)")
                              : end == DraftEnd::LengthLimit ? tr("(length limit reached)")
                                                             : QString());
    m_panel.setBusy(false);
    Q_EMIT busyChanged(false);
    Q_EMIT statusMessage(tr("Answer complete: %n token(s). Check it before relying on it.", nullptr,
                            stats.generatedTokens),
                         10000);
}

void ConversationController::onFailed(int, const QString& message) {
    // The question stays visible but leaves the history, so user and model turns alternate.
    m_turns.removeLast();
    m_panel.view()->endAnswer(tr("(failed: %1)").arg(message));
    m_panel.setBusy(false);
    Q_EMIT busyChanged(false);
    Q_EMIT statusMessage(tr("The answer failed: %1").arg(message), 15000);
}

void ConversationController::newConversation() {
    if (isBusy()) {
        return;
    }
    m_turns.clear();
    m_sentRecords.clear();
    m_panel.view()->clearConversation();
    attachRecord(m_record);  // the line under the conversation no longer names sent records
}

void ConversationController::attachRecord(const HealthRecord& record) {
    m_record = record;
    if (record.text.isEmpty()) {
        // A record already sent stays in the conversation's history; say so rather than
        // "no record", which would read as if the model no longer had it.
        m_panel.setRecordInfo(
            m_sentRecords.isEmpty()
                ? QString()
                : tr("In this conversation: %1. Open another record to add it to the next "
                     "message.")
                      .arg(m_sentRecords.join(QStringLiteral(", "))),
            false);
        return;
    }
    const QString kind = record.fhir
                             ? tr("FHIR, %n resource(s) summarised", nullptr, record.resources)
                             : tr("%n character(s)", nullptr, int(record.text.size()));
    m_panel.setRecordInfo(
        tr("Record: %1 (%2) — sent with the next message").arg(record.title, kind), true);
}

void ConversationController::openRecordFile() {
    QSettings settings;
    const QString path = QFileDialog::getOpenFileName(
        &m_panel, tr("Open a health record"),
        settings.value(settings::lastRecordDirectory()).toString(),
        tr("Health records (*.txt *.json);;Text (*.txt);;FHIR JSON (*.json)"));
    if (path.isEmpty()) {
        return;
    }
    settings.setValue(settings::lastRecordDirectory(), QFileInfo(path).absolutePath());
    const HealthRecord record = loadHealthRecord(path);
    if (!record.error.isEmpty()) {
        Q_EMIT statusMessage(tr("%1 cannot be used: %2").arg(record.title, record.error), 10000);
        return;
    }
    attachRecord(record);
}

}  // namespace ui
