// The report in the main window: the offer to restore a report an earlier run left unsaved
// (Restore and Discard clicked for real), the File menu's report commands and shortcuts, and a
// draft that is linked to its study and images, edited, exported, copied, audited and marked
// final.
#include <QtTest>

#include <QApplication>
#include <QClipboard>
#include <QJsonDocument>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTextEdit>
#include <QTreeWidget>

#include "dicom/sample_study.h"
#include "report_fixture.h"
#include "ui/assistant/draft_controller.h"
#include "ui/assistant/prompt_panel.h"
#include "ui/browser/study_browser.h"
#include "ui/main_window.h"
#include "ui/report/audit_log.h"
#include "ui/report/recovery_dialog.h"
#include "ui/report/report_controller.h"
#include "ui/report/report_editor.h"
#include "ui/report/report_session.h"
#include "ui/viewer/image_viewer.h"
#include "ui/viewer/series_viewer.h"

using namespace ui;

namespace {

// A drafting service that answers at once, with the provenance the engine's service gives.
class ProvenanceService : public DraftingService {
public:
    using DraftingService::DraftingService;
    DraftRequest lastRequest;

    ModelState modelState() const override { return ModelState::Ready; }
    QString modelDescription() const override { return QStringLiteral("Test model"); }
    int contextLength() const override { return 8192; }
    int tokensPerImage() const override { return 260; }
    void requestStop(int) override {}
    int requestTokenCount(const DraftRequest&) override { return 0; }
    void loadModel(const ModelChoice&) override {}
    void cancelLoad() override {}
    int startDraft(const DraftRequest& request) override {
        lastRequest = request;
        const int id = ++m_id;
        QTimer::singleShot(5, this, [this, id, request] {
            Q_EMIT textChunk(id, QStringLiteral("FINDINGS: Clear lungs.\n"));
            Q_EMIT textChunk(id, QStringLiteral("IMPRESSION: Normal chest."));
            DraftStats stats;
            stats.provenance = testutil::sampleProvenance();
            stats.provenance.images = request.images;
            stats.provenance.templateName = request.templateName;
            Q_EMIT finished(id, DraftEnd::Completed, stats);
        });
        return id;
    }

private:
    int m_id = 0;
};

RecoveryDialog* openRecoveryDialog() {
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (auto* dialog = qobject_cast<RecoveryDialog*>(w); dialog && dialog->isVisible()) {
            return dialog;
        }
    }
    return nullptr;
}

// An orphan journal, as a run that died with this report open leaves it.
void leaveOrphan(const QString& text) {
    ReportSession session(ReportJournal::defaultDirectory());
    session.beginDraft(1);
    session.appendDraftText(1, text);
    DraftStats stats;
    stats.provenance = testutil::sampleProvenance();
    session.finishDraft(1, DraftEnd::Completed, stats, dicom::Collection{});
    session.flushJournal();
}

QStringList auditEvents() {
    QFile file(AuditLog::defaultPath());
    QStringList formats;
    if (file.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : file.readAll().split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (!o.isEmpty())
                formats << o.value(QStringLiteral("parameters"))
                               .toObject()
                               .value(QStringLiteral("format"))
                               .toString();
        }
    }
    return formats;
}

}  // namespace

class TestReportWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void restoreOfferRestoresTheReport();
    void discardRemovesTheJournal();
    void reportCommandsAreInTheFileMenu();
    void draftIsLinkedExportedCopiedAndAudited();

private:
    std::unique_ptr<MainWindow> makeWindow();
    QTemporaryDir m_out;
};

void TestReportWindow::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QDir(ReportJournal::defaultDirectory()).removeRecursively();
    QFile::remove(AuditLog::defaultPath());
}

void TestReportWindow::cleanup() {
    QDir(ReportJournal::defaultDirectory()).removeRecursively();
}

std::unique_ptr<MainWindow> TestReportWindow::makeWindow() {
    auto window = std::make_unique<MainWindow>();
    window->resize(1400, 900);
    window->show();
    [&] { QVERIFY(QTest::qWaitForWindowExposed(window.get())); }();
    return window;
}

void TestReportWindow::restoreOfferRestoresTheReport() {
    leaveOrphan(QStringLiteral("FINDINGS: Restored text."));
    auto window = makeWindow();
    QVERIFY(window->offerReportRecovery());
    QTRY_VERIFY(openRecoveryDialog());
    RecoveryDialog* dialog = openRecoveryDialog();
    const QString oldJournal = dialog->orphan().path;
    QTest::mouseClick(dialog->restoreButton(), Qt::LeftButton);
    QTRY_COMPARE(window->reportEditor()->plainText(), QStringLiteral("FINDINGS: Restored text."));
    const ReportSession& session = window->report()->session();
    QCOMPARE(session.document().drafts.size(), 1);
    QCOMPARE(session.document().status, ReportStatus::AiDraft);
    QVERIFY(!QFile::exists(oldJournal));
    QVERIFY(QFile::exists(session.journalPath()));  // protected again at once
    QVERIFY(!window->offerReportRecovery());        // its own journal is not an orphan
}

void TestReportWindow::discardRemovesTheJournal() {
    leaveOrphan(QStringLiteral("FINDINGS: Not wanted."));
    auto window = makeWindow();
    QVERIFY(window->offerReportRecovery());
    QTRY_VERIFY(openRecoveryDialog());
    QTest::mouseClick(openRecoveryDialog()->discardButton(), Qt::LeftButton);
    QTRY_VERIFY(!openRecoveryDialog());
    QVERIFY(window->reportEditor()->plainText().isEmpty());
    QVERIFY(ReportJournal::findOrphans(ReportJournal::defaultDirectory()).isEmpty());
}

void TestReportWindow::reportCommandsAreInTheFileMenu() {
    auto window = makeWindow();
    const WindowActions& a = window->actions();
    QVERIFY(a.all().contains(a.saveReport));
    for (QAction* action : a.reportActions()) {
        QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->text()));
        QVERIFY(a.all().contains(action));
    }
    QCOMPARE(a.saveReport->shortcut(), QKeySequence(QStringLiteral("Ctrl+S")));
    const QList<QAction*> exports = a.exportMenu->actions();
    for (QAction* action : {a.exportSr, a.exportPdf, a.exportFhir, a.exportText, a.exportMarkdown,
                            a.deidentifyExports}) {
        QVERIFY(exports.contains(action));
    }
    QVERIFY(a.deidentifyExports->isCheckable());
}

void TestReportWindow::draftIsLinkedExportedCopiedAndAudited() {
    auto window = makeWindow();
    auto* service = new ProvenanceService(window.get());
    window->setDraftingService(service);
    window->setSampleStudyPath(QStringLiteral(MEDGEMMA_BINARY_DIR "/sample-study"));
    QSignalSpy loaded(window.get(), &MainWindow::studiesLoaded);
    window->openSampleStudy();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
    QTreeWidget* tree = window->browser()->tree();
    for (QTreeWidgetItemIterator it(tree); *it; ++it) {
        if ((*it)->childCount() == 0 && (*it)->text(1) == QLatin1String("DX")) {
            tree->setCurrentItem(*it);
        }
    }
    QTRY_VERIFY(window->seriesViewer()->series() &&
                window->seriesViewer()->series().series->modality == "DX");
    QTRY_VERIFY(window->seriesViewer()->viewer()->hasImage());
    auto* prompt = window->promptPanel()->findChild<QPlainTextEdit*>();
    prompt->setPlainText(QStringLiteral("Describe this chest X-ray."));
    QTest::mouseClick(window->promptPanel()->draftButton(), Qt::LeftButton);
    QTRY_VERIFY(window->report()->session().document().drafts.size() == 1);

    const ReportDocument& doc = window->report()->session().document();
    QCOMPARE(doc.status, ReportStatus::AiDraft);
    QCOMPARE(doc.study.patientId, QString::fromLatin1(dicom::sample::kPatientId));
    QCOMPARE(doc.images.size(), 1);
    QCOMPARE(doc.images[0].sopInstanceUid, service->lastRequest.images[0].sopInstanceUid);
    QCOMPARE(doc.images[0].modality, QStringLiteral("DX"));
    QVERIFY(!doc.images[0].picture.isNull());
    QCOMPARE(doc.drafts[0].output,
             QStringLiteral("FINDINGS: Clear lungs.\nIMPRESSION: Normal chest."));

    QTextEdit* edit = window->reportEditor()->textEdit();
    edit->moveCursor(QTextCursor::End);
    QTest::keyClicks(edit, QStringLiteral(" Reviewed."));
    window->report()->session().flushJournal();
    QCOMPARE(window->report()->session().document().status, ReportStatus::Edited);

    for (ExportFormat format : allExportFormats()) {
        const ExportResult result =
            window->report()->exportTo(format, m_out.filePath(defaultFileName(format)));
        QVERIFY2(result.ok, qPrintable(result.error));
    }
    window->report()->copyToClipboard();
    QVERIFY(QApplication::clipboard()->text().contains(QStringLiteral("Normal chest. Reviewed.")));
    QCOMPARE(auditEvents(), QStringList({QStringLiteral("dicom-sr"), QStringLiteral("pdf"),
                                         QStringLiteral("fhir"), QStringLiteral("text"),
                                         QStringLiteral("markdown"), QStringLiteral("clipboard")}));

    window->actions().markFinal->trigger();
    QCOMPARE(window->report()->session().document().status, ReportStatus::Final);
    QVERIFY(window->report()->saveTo(m_out.filePath(QStringLiteral("r.report.json"))));
    window->close();  // a clean close of a saved report leaves nothing to restore
    QVERIFY(ReportJournal::findOrphans(ReportJournal::defaultDirectory()).isEmpty());
}

QTEST_MAIN(TestReportWindow)
#include "test_report_window.moc"
