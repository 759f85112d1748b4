#pragma once
// Binds a ReportEditor to a ReportSession: the session reads its text from the editor, hears of
// every edit (journalled within a second) and of every streamed frame the editor inserts, and
// the editor shows a report the session adopts (restored, opened or new).
// Ownership: editor and session are not owned; the session may outlive the editor (it then
// keeps the text it last read).
// Thread-safety: GUI thread only.

#include <QObject>

namespace ui {

class ReportEditor;
class ReportSession;

class ReportBinding : public QObject {
    Q_OBJECT
public:
    ReportBinding(ReportEditor& editor, ReportSession& session, QObject* parent = nullptr);
};

}  // namespace ui
