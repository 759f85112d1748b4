// Autosave survives kill -9: a helper process types into a journalled report editor (or streams
// a draft into it) and is killed with SIGKILL; the journal it leaves is an orphan whose replay
// holds the finished draft with its provenance and everything typed or streamed more than 2 s
// before the kill. Also: a clean close leaves nothing to recover, a live owner's journal is not
// offered, and a torn last line is skipped.
#include <QtTest>

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include "recovery_texts.h"
#include "report_fixture.h"
#include "ui/report/report_journal.h"
#include "ui/report/report_session.h"

using namespace ui;

namespace {

constexpr qint64 kAllowedLossMs = 2000;

// Runs the helper and remembers when each progress line arrived.
class Helper {
public:
    Helper(const QString& journalDir, const QString& mode) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        m_process.setProcessEnvironment(env);
        m_process.setProgram(QStringLiteral(REPORT_JOURNAL_HELPER));
        m_process.setArguments({journalDir, mode});
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, [this] { read(); });
        m_clock.start();
        m_process.start();
    }
    ~Helper() {
        m_process.kill();
        m_process.waitForFinished();
    }

    int last() const { return m_steps.isEmpty() ? 0 : m_steps.last().first; }
    bool running() const { return m_process.state() != QProcess::NotRunning; }

    // Kills with SIGKILL; returns how many steps were reported more than kAllowedLossMs before.
    int killNow() {
        const qint64 killedAt = m_clock.elapsed();
        m_process.kill();  // SIGKILL on Unix
        m_process.waitForFinished();
        int safe = 0;
        for (const auto& [step, at] : m_steps) {
            if (at <= killedAt - kAllowedLossMs) {
                safe = step;
            }
        }
        return safe;
    }

private:
    void read() {
        while (m_process.canReadLine()) {
            const QList<QByteArray> words = m_process.readLine().trimmed().split(' ');
            if (words.size() == 2) {
                m_steps.append({words[1].toInt(), m_clock.elapsed()});
            }
        }
    }

    QProcess m_process;
    QElapsedTimer m_clock;
    QList<QPair<int, qint64>> m_steps;
};

}  // namespace

class TestReportRecovery : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void typingSurvivesKill();
    void streamingSurvivesKill();
    void cleanCloseLeavesNothing();
    void liveOwnerIsNotAnOrphan();
    void tornLastLineIsSkipped();

private:
    void killAndRecover(const QString& mode, int steps, int* safe, ReportDocument* doc);
};

void TestReportRecovery::killAndRecover(const QString& mode, int steps, int* safe,
                                        ReportDocument* doc) {
    QTemporaryDir dir;
    Helper helper(dir.path(), mode);
    // Long enough that some steps are more than 2 s old when the process dies.
    QTRY_VERIFY_WITH_TIMEOUT(helper.last() >= steps || !helper.running(), 30000);
    QVERIFY(helper.running());
    *safe = helper.killNow();
    const QList<ReportJournal::Orphan> orphans = ReportJournal::findOrphans(dir.path());
    QCOMPARE(orphans.size(), 1);
    *doc = orphans.first().document;
}

void TestReportRecovery::typingSurvivesKill() {
    int safe = 0;
    ReportDocument doc;
    killAndRecover(QStringLiteral("type"), 160, &safe, &doc);
    if (QTest::currentTestFailed()) {
        return;
    }
    QVERIFY2(safe > 0, "nothing was typed 2 s before the kill; the test proves nothing");
    const QString draft = testutil::firstDraftText();
    QVERIFY2(doc.text.startsWith(draft), qPrintable(doc.text));
    const QString typed = doc.text.mid(draft.size());
    QCOMPARE(typed, testutil::typedText(int(typed.size())));
    QVERIFY2(typed.size() >= safe,
             qPrintable(QStringLiteral("%1 of %2 characters").arg(typed.size()).arg(safe)));
    QCOMPARE(doc.drafts.size(), 1);
    QCOMPARE(doc.drafts[0].provenance.modelVariant, testutil::sampleProvenance().modelVariant);
    QCOMPARE(doc.drafts[0].output, draft);
    QCOMPARE(doc.status, ReportStatus::Edited);
}

void TestReportRecovery::streamingSurvivesKill() {
    int safe = 0;
    ReportDocument doc;
    killAndRecover(QStringLiteral("stream"), 160, &safe, &doc);
    if (QTest::currentTestFailed()) {
        return;
    }
    QVERIFY(safe > 0);
    const QString prefix = testutil::firstDraftText() + QStringLiteral("\n\n");
    QVERIFY2(doc.text.startsWith(prefix), qPrintable(doc.text));
    const QString streamed = doc.text.mid(prefix.size());
    QString expected;
    int chunks = 0;
    while (expected.size() < streamed.size()) {
        expected += testutil::streamedChunk(chunks++);
    }
    QCOMPARE(streamed, expected);
    QVERIFY2(chunks >= safe, qPrintable(QStringLiteral("%1 of %2 chunks").arg(chunks).arg(safe)));
}

void TestReportRecovery::cleanCloseLeavesNothing() {
    QTemporaryDir dir;
    {
        ReportSession session(dir.path());
        session.beginDraft(1);
        session.appendDraftText(1, QStringLiteral("FINDINGS: clear."));
        session.finishDraft(1, DraftEnd::Completed, DraftStats{}, dicom::Collection{});
        QString error;
        QVERIFY(session.save(dir.filePath(QStringLiteral("r.report.json")), &error));
        session.close();
    }
    QVERIFY(ReportJournal::findOrphans(dir.path()).isEmpty());
    QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.journal")}, QDir::Files).size(), 0);
}

void TestReportRecovery::liveOwnerIsNotAnOrphan() {
    QTemporaryDir dir;
    ReportSession session(dir.path());
    session.beginDraft(1);
    session.appendDraftText(1, QStringLiteral("FINDINGS: clear."));
    session.flushJournal();
    QVERIFY(ReportJournal::findOrphans(dir.path()).isEmpty());  // this process holds it
}

void TestReportRecovery::tornLastLineIsSkipped() {
    QTemporaryDir dir;
    QString path;
    {
        ReportSession session(dir.path());
        session.beginDraft(1);
        session.appendDraftText(1, QStringLiteral("FINDINGS: clear."));
        session.flushJournal();
        path = session.journalPath();
    }  // destroyed without close(): the journal stays, as after a crash
    QFile file(path);
    QVERIFY(file.open(QIODevice::Append));
    file.write("{\"type\":\"chunk\",\"request\":1,\"text\":\" half");
    file.close();
    const QList<ReportJournal::Orphan> orphans = ReportJournal::findOrphans(dir.path());
    QCOMPARE(orphans.size(), 1);
    QCOMPARE(orphans[0].document.text, QStringLiteral("FINDINGS: clear."));
}

QTEST_GUILESS_MAIN(TestReportRecovery)
#include "test_report_recovery.moc"
