// The report model without widgets: sections parsed from drafts however they are written and
// streamed, the word-level diff a reviewer reads, versions and status through a headless
// session, and the JSON file's round trip and format checks.
#include <QtTest>

#include <QJsonDocument>
#include <QTemporaryDir>

#include "report_fixture.h"
#include "ui/report/report_json.h"
#include "ui/report/report_provenance.h"
#include "ui/report/report_sections.h"
#include "ui/report/report_session.h"
#include "ui/report/word_diff.h"

using namespace ui;

Q_DECLARE_METATYPE(ui::SectionKind)

class TestReportModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sections_data();
    void sections();
    void sectionsOfAStreamedDraft();
    void wordDiff_data();
    void wordDiff();
    void diffSummaryCountsWords();
    void sessionRecordsDraftVersionsAndStatus();
    void jsonRoundTrip();
    void jsonRejectsOtherFormats();
    void templateNameParts();
};

void TestReportModel::sections_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("findings");
    QTest::addColumn<QString>("impression");
    QTest::addColumn<int>("count");
    QTest::newRow("capitals") << QStringLiteral(
                                     "FINDINGS: Lungs clear.\nNo effusion.\nIMPRESSION: Normal.")
                              << QStringLiteral("Lungs clear.\nNo effusion.")
                              << QStringLiteral("Normal.") << 2;
    QTest::newRow("markdown bold")
        << QStringLiteral("**Findings:** Lungs clear.\n\n**Impression:**\nNormal.")
        << QStringLiteral("Lungs clear.") << QStringLiteral("Normal.") << 2;
    QTest::newRow("markdown headings")
        << QStringLiteral("## Findings\nLungs clear.\n## Impression\nNormal.")
        << QStringLiteral("Lungs clear.") << QStringLiteral("Normal.") << 2;
    QTest::newRow("bold then colon")
        << QStringLiteral("**FINDINGS**: Lungs clear.\n**IMPRESSION**: Normal.")
        << QStringLiteral("Lungs clear.") << QStringLiteral("Normal.") << 2;
    QTest::newRow("body sentence is not a heading")
        << QStringLiteral("FINDINGS:\nFindings are normal.\nImpression: stable.")
        << QStringLiteral("Findings are normal.") << QStringLiteral("stable.") << 2;
    QTest::newRow("preamble and free sections")
        << QStringLiteral(
               "Chest radiograph, PA.\nCOMPARISON: None.\nFINDINGS: Clear.\nCLINICAL "
               "HISTORY:\nCough.\nIMPRESSION: Normal.")
        << QStringLiteral("Clear.") << QStringLiteral("Normal.") << 5;
    QTest::newRow("organ labels stay in findings")
        << QStringLiteral("FINDINGS:\nLIVER: 20 mm lesion.\nSPLEEN: normal.\nIMPRESSION: Lesion.")
        << QStringLiteral("LIVER: 20 mm lesion.\nSPLEEN: normal.") << QStringLiteral("Lesion.")
        << 2;
    QTest::newRow("portuguese") << QStringLiteral("Achados: Pulmões limpos.\nImpressão: Normal.")
                                << QStringLiteral("Pulmões limpos.") << QStringLiteral("Normal.")
                                << 2;
    QTest::newRow("chinese full-width colon")
        << QStringLiteral("影像所见：双肺清晰。\n诊断意见：未见异常。")
        << QStringLiteral("双肺清晰。") << QStringLiteral("未见异常。") << 2;
    QTest::newRow("no headings") << QStringLiteral("The lungs are clear.") << QString() << QString()
                                 << 1;
}

void TestReportModel::sections() {
    QFETCH(QString, text);
    QFETCH(QString, findings);
    QFETCH(QString, impression);
    QFETCH(int, count);
    const QList<SectionText> parsed = splitSections(text);
    QCOMPARE(parsed.size(), count);
    QCOMPARE(sectionBody(parsed, SectionKind::Findings), findings);
    QCOMPARE(sectionBody(parsed, SectionKind::Impression), impression);
}

void TestReportModel::sectionsOfAStreamedDraft() {
    // Chunks cut inside the headings, as a tokenizer cuts them.
    const QStringList chunks{QStringLiteral("**FIND"),
                             QStringLiteral("INGS:**"),
                             QStringLiteral(" The lu"),
                             QStringLiteral("ngs are clear.\n\n**IMPRE"),
                             QStringLiteral("SSION:** No acute"),
                             QStringLiteral(" findings.")};
    ReportSession session{QString()};
    session.beginDraft(3);
    for (const QString& chunk : chunks) {
        session.appendDraftText(3, chunk);
    }
    session.finishDraft(3, DraftEnd::Completed, DraftStats{}, dicom::Collection{});
    const QList<SectionText> parsed = session.document().sections();
    QCOMPARE(sectionBody(parsed, SectionKind::Findings), QStringLiteral("The lungs are clear."));
    QCOMPARE(sectionBody(parsed, SectionKind::Impression), QStringLiteral("No acute findings."));
    QCOMPARE(session.document().drafts.size(), 1);
    QCOMPARE(session.document().drafts[0].output, chunks.join(QString()));
}

void TestReportModel::wordDiff_data() {
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("markup");
    QTest::newRow("same") << QStringLiteral("The lungs are clear.")
                          << QStringLiteral("The lungs are clear.")
                          << QStringLiteral("The lungs are clear.");
    QTest::newRow("replaced word")
        << QStringLiteral("The lungs are clear.") << QStringLiteral("The lungs look clear.")
        << QStringLiteral("The lungs [-are-]{+look+} clear.");
    QTest::newRow("inserted words")
        << QStringLiteral("No effusion.") << QStringLiteral("No pleural effusion seen.")
        << QStringLiteral("No {+pleural+} effusion {+seen+}.");
    QTest::newRow("deleted sentence")
        << QStringLiteral("Clear. Possible nodule. Normal heart.")
        << QStringLiteral("Clear. Normal heart.")
        << QStringLiteral("Clear. [-Possible nodule.-] Normal heart.");
    QTest::newRow("reflowed lines are no change")
        << QStringLiteral("The lungs\nare clear.") << QStringLiteral("The lungs are clear.")
        << QStringLiteral("The lungs are clear.");
    QTest::newRow("from nothing") << QString() << QStringLiteral("New text.")
                                  << QStringLiteral("{+New text.+}");
}

void TestReportModel::wordDiff() {
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QString, markup);
    QCOMPARE(diffMarkup(ui::wordDiff(before, after)), markup);
}

void TestReportModel::diffSummaryCountsWords() {
    const DiffSummary s =
        summariseDiff(ui::wordDiff(QStringLiteral("a b c d"), QStringLiteral("a x c d e")));
    QCOMPARE(s.equalWords, 3);
    QCOMPARE(s.insertedWords, 2);
    QCOMPARE(s.deletedWords, 1);
    QVERIFY(qAbs(s.changedFraction() - 3.0 / 9.0) < 1e-9);
    QVERIFY(diffHtml(ui::wordDiff(QStringLiteral("a <b>"), QStringLiteral("a c")))
                .contains(QStringLiteral("line-through'>&lt;b&gt;</span>")));
}

void TestReportModel::sessionRecordsDraftVersionsAndStatus() {
    QString text;
    ReportSession session{QString()};
    session.setTextSource([&text] { return text; });
    session.beginDraft(1);
    text = QStringLiteral("FINDINGS: Clear.");
    session.appendDraftText(1, text);
    DraftStats stats;
    stats.provenance = testutil::sampleProvenance();
    session.finishDraft(1, DraftEnd::Completed, stats, dicom::Collection{});
    QCOMPARE(session.document().status, ReportStatus::AiDraft);
    QCOMPARE(session.document().versions.size(), 1);
    QCOMPARE(session.document().drafts[0].provenance.modelVariant, stats.provenance.modelVariant);
    QVERIFY(session.document().drafts[0].provenance.images[0].rgb.isNull());

    text = QStringLiteral("FINDINGS: Clear lungs.");
    session.textEdited();
    session.flushJournal();
    QCOMPARE(session.document().status, ReportStatus::Edited);
    session.markFinal();
    QCOMPARE(session.document().status, ReportStatus::Final);
    QCOMPARE(session.document().versions.size(), 2);
    const ReportVersion* ai = session.document().lastAiVersion();
    QVERIFY(ai);
    QCOMPARE(diffMarkup(ui::wordDiff(ai->text, session.document().text)),
             QStringLiteral("FINDINGS: Clear {+lungs+}."));
}

void TestReportModel::jsonRoundTrip() {
    const ReportDocument doc = testutil::sampleReport();
    QString error;
    const std::optional<ReportDocument> back = reportFromJson(reportToJson(doc), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->id, doc.id);
    QCOMPARE(back->text, doc.text);
    QCOMPARE(back->status, doc.status);
    QCOMPARE(back->study.patientId, doc.study.patientId);
    QCOMPARE(back->study.studyTime, doc.study.studyTime);
    QCOMPARE(back->images.size(), 1);
    QCOMPARE(back->images[0].region, QRect(10, 20, 100, 80));
    QCOMPARE(back->images[0].picture.size(), QSize(64, 64));
    QCOMPARE(back->versions.size(), 1);
    QCOMPARE(back->versions[0].status, ReportStatus::AiDraft);
    const DraftProvenance& p = back->drafts[0].provenance;
    QCOMPARE(p.sampling.seed, doc.drafts[0].provenance.sampling.seed);
    QCOMPARE(p.weights.size(), 2);
    QCOMPARE(p.weights[0].sha256, doc.drafts[0].provenance.weights[0].sha256);
    QCOMPARE(p.weights[1].bytes, 3639026128LL);
    QVERIFY(p.weights[1].sha256.isEmpty());
    QCOMPARE(p.renderedPrompt, doc.drafts[0].provenance.renderedPrompt);
    QCOMPARE(p.started, doc.drafts[0].provenance.started);
    QCOMPARE(p.images[0].region, QRect(10, 20, 100, 80));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("r.report.json"));
    QVERIFY(saveReportFile(doc, path, &error));
    const std::optional<ReportDocument> loaded = loadReportFile(path, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(reportToJson(*loaded), reportToJson(doc));
    const QJsonObject json = reportToJson(doc);
    QCOMPARE(json.value(QStringLiteral("changesFromAiDraft"))
                     .toObject()
                     .value(QStringLiteral("insertedWords"))
                     .toInt() > 0,
             true);
}

void TestReportModel::jsonRejectsOtherFormats() {
    QString error;
    QVERIFY(
        !reportFromJson(QJsonObject{{QStringLiteral("format"), QStringLiteral("other")}}, &error));
    QVERIFY(!error.isEmpty());
    QJsonObject newer = reportToJson(testutil::sampleReport());
    newer.insert(QStringLiteral("formatVersion"), kReportFormatVersion + 1);
    QVERIFY(!reportFromJson(newer, &error));
}

void TestReportModel::templateNameParts() {
    QCOMPARE(templateId(QStringLiteral("cxr-report v3 (edited)")), QStringLiteral("cxr-report"));
    QCOMPARE(templateVersion(QStringLiteral("cxr-report v3 (edited)")), 3);
    QCOMPARE(templateVersion(QStringLiteral("free text")), 0);
}

QTEST_GUILESS_MAIN(TestReportModel)
#include "test_report_model.moc"
