#include "ui/report/report_editor.h"

#include <QLabel>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextEdit>
#include <QVBoxLayout>

namespace ui {
namespace {

constexpr int kFrameIntervalMs = 33;          // ~30 insertions a second at most
constexpr int kAiDraftProperty = QTextFormat::UserProperty + 1;

QTextCharFormat aiDraftFormat() {
    QTextCharFormat format;
    format.setBackground(QColor(255, 236, 179, 150));  // amber tint readable in both themes
    format.setProperty(kAiDraftProperty, true);
    return format;
}

QTextCharFormat plainFormat() {
    QTextCharFormat format;
    format.setBackground(Qt::transparent);
    format.setProperty(kAiDraftProperty, false);
    return format;
}

}  // namespace

QString ReportEditor::researchNotice() {
    return tr("Research use only — not for diagnosis. AI drafts can be wrong and must be "
              "reviewed by a qualified clinician.");
}

ReportEditor::ReportEditor(QWidget* parent) : QWidget(parent) {
    m_notice = new QLabel(researchNotice(), this);
    m_notice->setWordWrap(true);
    m_notice->setObjectName(QStringLiteral("researchNotice"));
    m_notice->setStyleSheet(QStringLiteral(
        "QLabel#researchNotice { background: #7a2e12; color: white; padding: 4px 8px; "
        "font-weight: bold; }"));
    m_edit = new QTextEdit(this);
    m_edit->setAcceptRichText(false);
    m_edit->setPlaceholderText(tr("The report. Draft it with MedGemma or type it here."));
    m_edit->setAccessibleName(tr("Report"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_notice);
    layout->addWidget(m_edit, 1);

    m_flushTimer.setInterval(kFrameIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &ReportEditor::flush);
    connect(m_edit, &QTextEdit::cursorPositionChanged, this, &ReportEditor::onCursorMoved);
    connect(m_edit, &QTextEdit::textChanged, this, [this] {
        if (!m_inserting) {
            Q_EMIT draftAcceptedChanged(hasUnacceptedDraft());
        }
    });
    connect(m_edit->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &ReportEditor::onScrolled);
}

void ReportEditor::beginDraft(int requestId) {
    flush();
    m_requestId = requestId;
    m_pending.clear();
    m_followStream = true;
    QTextCursor cursor(m_edit->document());
    cursor.movePosition(QTextCursor::End);
    if (!m_edit->document()->isEmpty() && !cursor.block().text().isEmpty()) {
        m_inserting = true;
        cursor.insertText(QStringLiteral("\n\n"), plainFormat());
        m_inserting = false;
    }
    m_flushTimer.start();
}

void ReportEditor::appendChunk(int requestId, const QString& text) {
    if (requestId != m_requestId || requestId == 0) {
        return;  // a chunk of a request that was stopped or replaced
    }
    m_pending += text;
}

void ReportEditor::endDraft(int requestId) {
    if (requestId != m_requestId) {
        return;
    }
    flush();
    m_flushTimer.stop();
    m_requestId = 0;
    Q_EMIT draftAcceptedChanged(hasUnacceptedDraft());
}

void ReportEditor::flush() {
    if (m_pending.isEmpty()) {
        return;
    }
    QScrollBar* bar = m_edit->verticalScrollBar();
    QTextCursor cursor(m_edit->document());
    cursor.movePosition(QTextCursor::End);
    m_inserting = true;
    cursor.insertText(m_pending, aiDraftFormat());
    m_inserting = false;
    m_pending.clear();
    if (m_followStream) {
        QSignalBlocker block(bar);
        bar->setValue(bar->maximum());
    }
}

void ReportEditor::onScrolled(int value) {
    // Scrolling up stops following the stream; scrolling back to the bottom resumes it.
    m_followStream = value >= m_edit->verticalScrollBar()->maximum() - 4;
}

void ReportEditor::onCursorMoved() {
    if (m_inserting) {
        return;
    }
    // What the clinician types is theirs: new text takes the plain format wherever the cursor
    // is, even inside a tinted draft, so it is never shown as AI text. Only a tinted format is
    // replaced, so consecutive keystrokes keep one format and undo as one step.
    if (m_edit->currentCharFormat().property(kAiDraftProperty).toBool()) {
        m_edit->setCurrentCharFormat(plainFormat());
    }
}

void ReportEditor::acceptDraft() {
    QTextCursor cursor(m_edit->document());
    cursor.select(QTextCursor::Document);
    m_inserting = true;
    cursor.mergeCharFormat(plainFormat());
    m_inserting = false;
    Q_EMIT draftAcceptedChanged(false);
}

bool ReportEditor::hasUnacceptedDraft() const {
    for (QTextBlock block = m_edit->document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().property(kAiDraftProperty).toBool()) {
                return true;
            }
        }
    }
    return false;
}

QString ReportEditor::plainText() const { return m_edit->toPlainText(); }

void ReportEditor::setPlainText(const QString& text) {
    m_inserting = true;
    m_edit->setPlainText(text);
    m_inserting = false;
}

}  // namespace ui
