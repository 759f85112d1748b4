#pragma once
// The text assistant's panel: a text-only task (medical question, health-record analysis, or a
// text template of the clinician's own), the answer language, the conversation, the attached
// health record, the message box and Send / Stop / New conversation. Behaviour lives in
// ConversationController; this class is the widgets.
// Thread-safety: GUI thread only.

#include <QWidget>

#include "ui/assistant/prompt_templates.h"
#include "ui/drafting_service.h"

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace ui {

class ConversationView;
class ModelNotice;

class ConversationPanel : public QWidget {
    Q_OBJECT
public:
    explicit ConversationPanel(QWidget* parent = nullptr);

    void setTemplates(const QList<PromptTemplate>& templates);  // keeps the text-only ones
    PromptTemplate currentTemplate() const;
    QString languageCode() const;
    QString message() const;
    void clearMessage();
    void setModelState(ModelState state, const QString& detail);
    void setBusy(bool busy);
    // The line about health records; empty: none. `removable`: a record waits to be sent and
    // the remove button shows.
    void setRecordInfo(const QString& text, bool removable);
    QString recordInfo() const;

    ConversationView* view() const { return m_view; }
    QPlainTextEdit* messageEdit() const { return m_message; }
    QPushButton* sendButton() const { return m_send; }
    QPushButton* stopButton() const { return m_stop; }
    QToolButton* openRecordButton() const { return m_openRecord; }
    QComboBox* taskBox() const { return m_task; }

Q_SIGNALS:
    void sendRequested();
    void stopRequested();
    void openRecordRequested();
    void removeRecordRequested();
    void newConversationRequested();
    void chooseModelRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void buildLayout();
    void updateButtons();

    QList<PromptTemplate> m_templates;
    ModelNotice* m_notice = nullptr;
    QComboBox* m_task = nullptr;
    QComboBox* m_language = nullptr;
    ConversationView* m_view = nullptr;
    QLabel* m_record = nullptr;
    QToolButton* m_openRecord = nullptr;
    QToolButton* m_removeRecord = nullptr;
    QPlainTextEdit* m_message = nullptr;
    QPushButton* m_newConversation = nullptr;
    QPushButton* m_stop = nullptr;
    QPushButton* m_send = nullptr;
    ModelState m_modelState = ModelState::None;
    bool m_busy = false;
};

}  // namespace ui
