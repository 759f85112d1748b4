// Test helper (tests/ only): the workstation's report machinery in a process of its own, for
// test_ui_report_recovery to kill with SIGKILL. It binds a report editor to a journalled
// session, records a finished AI draft, then either types text into the editor or streams a
// second draft, forever, printing progress on stdout:
//   draft-done        the first draft is recorded
//   typed <n>         mode "type": the first n characters of typedText() are in the editor
//   chunk <n>         mode "stream": chunks 0..n-1 ("w0 w1 ...") went to the editor
// Usage: report_journal_helper <journal folder> type|stream
#include <cstdio>

#include <QApplication>
#include <QTextEdit>
#include <QTimer>
#include <QtTest/QTest>

#include "recovery_texts.h"
#include "report_fixture.h"
#include "ui/report/report_binding.h"
#include "ui/report/report_editor.h"
#include "ui/report/report_session.h"

namespace {

void say(const QByteArray& line) {
    std::fputs(QByteArray(line + '\n').constData(), stdout);
    std::fflush(stdout);
}

void recordFirstDraft(ui::ReportEditor& editor, ui::ReportSession& session) {
    editor.beginDraft(1);
    editor.appendChunk(1, testutil::firstDraftText());
    editor.endDraft(1);
    ui::DraftStats stats;
    stats.provenance = testutil::sampleProvenance();
    session.finishDraft(1, ui::DraftEnd::Completed, stats, dicom::Collection{});
    editor.textEdit()->moveCursor(QTextCursor::End);
    say("draft-done");
}

}  // namespace

int main(int argc, char** argv) {
    QApplication application(argc, argv);
    const QStringList args = QApplication::arguments();
    if (args.size() != 3) {
        std::fputs("usage: report_journal_helper <journal folder> type|stream\n", stderr);
        return 2;
    }
    ui::ReportEditor editor;
    ui::ReportSession session(args[1]);
    ui::ReportBinding binding(editor, session);
    editor.show();
    recordFirstDraft(editor, session);

    const bool typing = args[2] == QLatin1String("type");
    int step = 0;
    QTimer timer;
    timer.setInterval(15);
    QObject::connect(&timer, &QTimer::timeout, [&] {
        if (typing) {
            const QString text = testutil::typedText(step + 1);
            QTest::keyClick(editor.textEdit(), text.back().toLatin1());
            say("typed " + QByteArray::number(++step));
            return;
        }
        if (step == 0) {
            editor.beginDraft(2);
        }
        editor.appendChunk(2, testutil::streamedChunk(step));
        say("chunk " + QByteArray::number(++step));
    });
    timer.start();
    return application.exec();
}
