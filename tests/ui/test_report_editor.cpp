// ReportEditor: streamed text is batched to frames, tinted as an AI draft until accepted, stale
// request ids are dropped, the clinician's own typing is never tinted, auto-scroll yields to
// the user.
#include <QtTest>

#include <QScrollBar>
#include <QTextEdit>

#include "ui/report/report_editor.h"

using ui::ReportEditor;

class TestReportEditor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void chunksArriveInOrderAndAreBatched();
    void staleRequestChunksAreDropped();
    void streamedTextIsMarkedUntilAccepted();
    void typedTextIsNeverMarked();
    void endFlushesEverything();
    void draftGoesAfterExistingText();
    void autoScrollStopsWhenUserScrollsUp();
    void undoRemovesTyping();
};

void TestReportEditor::chunksArriveInOrderAndAreBatched() {
    ReportEditor editor;
    int changes = 0;
    connect(editor.textEdit(), &QTextEdit::textChanged, [&] { ++changes; });
    editor.beginDraft(7);
    for (int i = 0; i < 200; ++i) {
        editor.appendChunk(7, QStringLiteral("w%1 ").arg(i));
    }
    QCOMPARE(editor.plainText(), QString());  // nothing is laid out per token
    QTRY_VERIFY(editor.plainText().startsWith(QStringLiteral("w0 w1 w2")));
    QVERIFY2(changes <= 3, qPrintable(QString::number(changes)));
    editor.endDraft(7);
    QVERIFY(editor.plainText().endsWith(QStringLiteral("w199 ")));
}

void TestReportEditor::staleRequestChunksAreDropped() {
    ReportEditor editor;
    editor.beginDraft(1);
    editor.appendChunk(1, QStringLiteral("first"));
    editor.endDraft(1);
    editor.appendChunk(1, QStringLiteral(" late"));
    editor.beginDraft(2);
    editor.appendChunk(1, QStringLiteral(" stale"));
    editor.appendChunk(2, QStringLiteral("second"));
    editor.endDraft(2);
    QCOMPARE(editor.plainText(), QStringLiteral("first\n\nsecond"));
}

void TestReportEditor::streamedTextIsMarkedUntilAccepted() {
    ReportEditor editor;
    QSignalSpy spy(&editor, &ReportEditor::draftAcceptedChanged);
    editor.beginDraft(3);
    editor.appendChunk(3, QStringLiteral("FINDINGS: clear lungs."));
    editor.endDraft(3);
    QVERIFY(editor.hasUnacceptedDraft());
    editor.acceptDraft();
    QVERIFY(!editor.hasUnacceptedDraft());
    QVERIFY(!spy.isEmpty());
    QCOMPARE(spy.last().at(0).toBool(), false);
}

void TestReportEditor::typedTextIsNeverMarked() {
    ReportEditor editor;
    editor.show();
    editor.beginDraft(4);
    editor.appendChunk(4, QStringLiteral("AI text"));
    editor.endDraft(4);
    editor.acceptDraft();
    editor.textEdit()->setFocus();
    editor.textEdit()->moveCursor(QTextCursor::End);
    QTest::keyClicks(editor.textEdit(), QStringLiteral(" typed by me"));
    QCOMPARE(editor.plainText(), QStringLiteral("AI text typed by me"));
    QVERIFY(!editor.hasUnacceptedDraft());

    // Typing inside a tinted draft keeps the typed words plain and the rest tinted.
    editor.beginDraft(5);
    editor.appendChunk(5, QStringLiteral("more AI"));
    editor.endDraft(5);
    editor.textEdit()->moveCursor(QTextCursor::End);
    QTest::keyClicks(editor.textEdit(), QStringLiteral("!"));
    QVERIFY(editor.hasUnacceptedDraft());
}

void TestReportEditor::endFlushesEverything() {
    ReportEditor editor;
    editor.beginDraft(9);
    editor.appendChunk(9, QStringLiteral("abc"));
    editor.endDraft(9);  // no event loop ran: end must flush
    QCOMPARE(editor.plainText(), QStringLiteral("abc"));
    QVERIFY(!editor.isStreaming());
}

void TestReportEditor::draftGoesAfterExistingText() {
    ReportEditor editor;
    editor.setPlainText(QStringLiteral("Indication: cough."));
    editor.beginDraft(2);
    editor.appendChunk(2, QStringLiteral("Draft"));
    editor.endDraft(2);
    QCOMPARE(editor.plainText(), QStringLiteral("Indication: cough.\n\nDraft"));
}

void TestReportEditor::autoScrollStopsWhenUserScrollsUp() {
    ReportEditor editor;
    editor.resize(300, 200);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QScrollBar* bar = editor.textEdit()->verticalScrollBar();
    editor.beginDraft(1);
    for (int i = 0; i < 100; ++i) {
        editor.appendChunk(1, QStringLiteral("line %1\n").arg(i));
    }
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());
    bar->setValue(0);  // the user scrolls up to read
    QVERIFY(!editor.autoScrollActive());
    for (int i = 0; i < 50; ++i) {
        editor.appendChunk(1, QStringLiteral("more %1\n").arg(i));
    }
    editor.endDraft(1);
    QCOMPARE(bar->value(), 0);
}

void TestReportEditor::undoRemovesTyping() {
    ReportEditor editor;
    editor.show();
    editor.textEdit()->setFocus();
    QTest::keyClicks(editor.textEdit(), QStringLiteral("hello"));
    editor.textEdit()->undo();
    QCOMPARE(editor.plainText(), QString());
    editor.textEdit()->redo();
    QCOMPARE(editor.plainText(), QStringLiteral("hello"));
}

QTEST_MAIN(TestReportEditor)
#include "test_report_editor.moc"
