#include "ui/report/report_editor.h"

#include <QLabel>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextEdit>
#include <QVBoxLayout>

#include "ui/common/frame_batcher.h"
#include "ui/report/report_headings.h"
#include "ui/report/report_text.h"

namespace ui {
namespace {

constexpr int kAiDraftProperty = QTextFormat::UserProperty + 1;

QTextCharFormat aiDraftFormat() {
    QTextCharFormat format;
    // A translucent amber: pale under dark text (light theme), deep brown under light text
    // (dark theme); both keep a contrast ratio above 4.5.
    format.setBackground(QColor(255, 190, 60, 90));
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

// One wording for the editor and every export (report_text.h).
QString ReportEditor::researchNotice() { return ui::researchNotice(); }

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

    m_batcher = new FrameBatcher([this](const QString& text) { insertDraftText(text); }, this);
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
    m_batcher->stop();
    m_requestId = requestId;
    m_followStream = true;
    QTextCursor cursor(m_edit->document());
    cursor.movePosition(QTextCursor::End);
    if (!m_edit->document()->isEmpty() && !cursor.block().text().isEmpty()) {
        m_inserting = true;
        cursor.insertText(QStringLiteral("\n\n"), plainFormat());
        m_inserting = false;
    }
    m_draftStart = cursor.position();
    m_batcher->start();
    Q_EMIT draftStarted(requestId);
}

void ReportEditor::appendChunk(int requestId, const QString& text) {
    if (requestId != m_requestId || requestId == 0) {
        return;  // a chunk of a request that was stopped or replaced
    }
    m_batcher->add(text);
}

void ReportEditor::endDraft(int requestId) {
    if (requestId != m_requestId) {
        return;
    }
    m_batcher->stop();
    m_requestId = 0;
    m_inserting = true;
    emphasiseHeadings(m_edit->document(), m_draftStart, m_edit->document()->characterCount());
    m_inserting = false;
    Q_EMIT draftAcceptedChanged(hasUnacceptedDraft());
}

void ReportEditor::insertDraftText(const QString& text) {
    QScrollBar* bar = m_edit->verticalScrollBar();
    QTextCursor cursor(m_edit->document());
    cursor.movePosition(QTextCursor::End);
    m_inserting = true;
    cursor.insertText(text, aiDraftFormat());
    m_inserting = false;
    Q_EMIT draftTextInserted(m_requestId, text);
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
