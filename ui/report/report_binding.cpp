#include "ui/report/report_binding.h"

#include <QTextEdit>

#include "ui/report/report_editor.h"
#include "ui/report/report_session.h"

namespace ui {

ReportBinding::ReportBinding(ReportEditor& editor, ReportSession& session, QObject* parent)
    : QObject(parent) {
    session.setTextSource([&editor] { return editor.plainText(); });
    // Once the editor is gone the session keeps the text it last read.
    connect(&editor, &QObject::destroyed, &session, [&session] { session.setTextSource({}); });
    connect(editor.textEdit(), &QTextEdit::textChanged, &session, &ReportSession::textEdited);
    connect(&editor, &ReportEditor::draftStarted, &session, &ReportSession::beginDraft);
    connect(&editor, &ReportEditor::draftTextInserted, &session, &ReportSession::appendDraftText);
    connect(&session, &ReportSession::textReplaced, &editor, &ReportEditor::setPlainText);
}

}  // namespace ui
