#pragma once
// The text assistant's conversation: the clinician's turns and MedGemma's answers, one after
// the other; an answer streams in at frame rate (FrameBatcher) and follows the bottom unless the
// reader scrolled up. Answers are tinted like AI drafts in the report.
// Thread-safety: GUI thread only.

#include <QTextBrowser>

namespace ui {

class FrameBatcher;

class ConversationView : public QTextBrowser {
    Q_OBJECT
public:
    explicit ConversationView(QWidget* parent = nullptr);

    void addUserTurn(const QString& text, const QString& attachment);
    void beginAnswer();
    void appendAnswer(const QString& text);  // batched to the display frame rate
    void endAnswer(const QString& note);     // flushes; `note` (e.g. "stopped") in grey
    void clearConversation();

private:
    void insertAnswerText(const QString& text);
    void appendHeading(const QString& who);
    void scrollToEndIfFollowing();

    FrameBatcher* m_batcher = nullptr;
    bool m_follow = true;
};

}  // namespace ui
