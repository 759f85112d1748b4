#pragma once
// The report editor. Streamed text is buffered and inserted at most once per display frame
// (no relayout per token); it is tinted as an AI draft until the clinician accepts it, and
// anything the clinician types is plain. Auto-scroll follows the stream until the user scrolls
// up. When a draft ends, its FINDINGS / IMPRESSION heading lines become bold headings of the one
// report document (report_headings.h). A permanent notice says that drafts are for research,
// not diagnosis.
// Thread-safety: GUI thread only.

#include <QWidget>

class QLabel;
class QTextEdit;

namespace ui {

class FrameBatcher;

class ReportEditor : public QWidget {
    Q_OBJECT
public:
    explicit ReportEditor(QWidget* parent = nullptr);

    // Starts receiving streamed text for `requestId` at the end of the report.
    void beginDraft(int requestId);
    // Queues text of `requestId`; text of any other (stale) request is dropped.
    void appendChunk(int requestId, const QString& text);
    // Flushes what is queued and closes the stream.
    void endDraft(int requestId);
    bool isStreaming() const { return m_requestId != 0; }

    void acceptDraft();                 // removes the AI-draft marking
    bool hasUnacceptedDraft() const;
    QString plainText() const;
    void setPlainText(const QString& text);
    QTextEdit* textEdit() const { return m_edit; }
    bool autoScrollActive() const { return m_followStream; }

    static QString researchNotice();

Q_SIGNALS:
    void draftAcceptedChanged(bool hasUnaccepted);
    // A draft of `requestId` begins at the end of the document (after the separating empty
    // line, when there is earlier text).
    void draftStarted(int requestId);
    // Streamed text of `requestId` just went into the document at its end (the autosave
    // journal follows the document exactly, frame by frame).
    void draftTextInserted(int requestId, const QString& text);

private:
    void insertDraftText(const QString& text);
    void onCursorMoved();
    void onScrolled(int value);

    QLabel* m_notice = nullptr;
    QTextEdit* m_edit = nullptr;
    FrameBatcher* m_batcher = nullptr;
    int m_requestId = 0;
    int m_draftStart = 0;       // document position where the current draft began
    bool m_inserting = false;   // our own insertions are not user edits
    bool m_followStream = true;
};

}  // namespace ui
