#include "ui/assistant/conversation_view.h"

#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>

#include "ui/common/frame_batcher.h"

namespace ui {
namespace {

QTextCharFormat answerFormat() {
    QTextCharFormat format;
    format.setBackground(QColor(255, 190, 60, 60));  // the report's AI-draft tint, lighter
    return format;
}

// Bold in the text colour of the theme in use: a colour fixed at insertion would stay behind
// when the theme changes.
QTextCharFormat headingFormat() {
    QTextCharFormat format;
    format.setFontWeight(QFont::Bold);
    return format;
}

}  // namespace

ConversationView::ConversationView(QWidget* parent) : QTextBrowser(parent) {
    setOpenLinks(false);
    setAccessibleName(tr("Conversation"));
    setPlaceholderText(
        tr("Ask a medical question, or open a health record (.txt or FHIR .json) "
           "and ask about it. MedGemma's answers appear here."));
    m_batcher = new FrameBatcher([this](const QString& text) { insertAnswerText(text); }, this);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this](int value) { m_follow = value >= verticalScrollBar()->maximum() - 4; });
}

void ConversationView::appendHeading(const QString& who) {
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    if (!document()->isEmpty()) {
        cursor.insertBlock();
        cursor.insertBlock();
    }
    cursor.insertText(who, headingFormat());
    cursor.insertBlock();
    cursor.setCharFormat(QTextCharFormat());
}

void ConversationView::addUserTurn(const QString& text, const QString& attachment) {
    appendHeading(tr("You"));
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    if (!attachment.isEmpty()) {
        QTextCharFormat note;
        note.setFontItalic(true);
        cursor.insertText(tr("Health record attached: %1").arg(attachment), note);
        cursor.insertBlock();
    }
    cursor.insertText(text, QTextCharFormat());
    m_follow = true;
    scrollToEndIfFollowing();
}

void ConversationView::beginAnswer() {
    appendHeading(tr("MedGemma"));
    m_batcher->start();
}

void ConversationView::appendAnswer(const QString& text) {
    m_batcher->add(text);
}

void ConversationView::insertAnswerText(const QString& text) {
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(text, answerFormat());
    scrollToEndIfFollowing();
}

void ConversationView::endAnswer(const QString& note) {
    m_batcher->stop();
    if (!note.isEmpty()) {
        QTextCursor cursor(document());
        cursor.movePosition(QTextCursor::End);
        QTextCharFormat aside;
        aside.setFontItalic(true);
        cursor.insertText(QStringLiteral(" ") + note, aside);
    }
    scrollToEndIfFollowing();
}

void ConversationView::clearConversation() {
    m_batcher->stop();
    clear();
    m_follow = true;
}

void ConversationView::scrollToEndIfFollowing() {
    if (m_follow) {
        QSignalBlocker block(verticalScrollBar());
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    }
}

}  // namespace ui
