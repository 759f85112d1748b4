// The prompt side: templates edited, saved, reloaded and restored (also through the editor
// dialog), the order of items per placement, the output-language instruction and the clinical
// context in the prompt, persisted sampling settings, and a draft's headings shown in bold.
#include <QtTest>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QToolButton>

#include "ui/assistant/prompt_panel.h"
#include "ui/assistant/request_builder.h"
#include "ui/assistant/sampling_panel.h"
#include "ui/assistant/template_editor_dialog.h"
#include "ui/assistant/template_store.h"
#include "ui/report/report_editor.h"
#include "ui/report/report_headings.h"

using namespace ui;

namespace {

// Answers the next question box with `button` once it is open (it runs its own event loop).
void answerNextQuestion(QMessageBox::StandardButton button) {
    QTimer::singleShot(0, [button] {
        for (QWidget* widget : QApplication::topLevelWidgets()) {
            auto* box = qobject_cast<QMessageBox*>(widget);
            if (box && box->isVisible()) {
                box->button(button)->click();
                return;
            }
        }
    });
}

int rowOf(const QListWidget* list, const QString& id) {
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->data(Qt::UserRole).toString() == id) {
            return row;
        }
    }
    return -1;
}

}  // namespace

class TestPromptPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void builtInsCoverEveryTask();
    void templatesAreSavedReloadedAndRestored();
    void editorDialogSavesAVersion();
    void editorAsksBeforeDroppingEdits();
    void itemOrderFollowsPlacement_data();
    void itemOrderFollowsPlacement();
    void languageInstructionIsAppended();
    void contextFieldsGoIntoThePrompt();
    void samplingSettingsPersist();
    void headingsBecomeBoldSections();
};

void TestPromptPanel::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QFile::remove(TemplateStore::defaultPath());
}

void TestPromptPanel::builtInsCoverEveryTask() {
    const QStringList ids{QStringLiteral("cxr-report"),       QStringLiteral("cxr-comparison"),
                          QStringLiteral("ct-report"),        QStringLiteral("mr-report"),
                          QStringLiteral("derm-description"), QStringLiteral("fundus"),
                          QStringLiteral("histopathology"),   QStringLiteral("free-question"),
                          QStringLiteral("text-question"),    QStringLiteral("record-analysis")};
    const QList<PromptTemplate> all = builtInTemplates();
    for (const QString& id : ids) {
        QVERIFY2(findTemplate(all, id), qPrintable(id));
    }
    QCOMPARE(findTemplate(all, QStringLiteral("ct-report"))->placement,
             ImagePlacement::Interleaved);
    QCOMPARE(findTemplate(all, QStringLiteral("histopathology"))->placement,
             ImagePlacement::AfterText);
    QCOMPARE(findTemplate(all, QStringLiteral("record-analysis"))->placement, ImagePlacement::None);
}

void TestPromptPanel::templatesAreSavedReloadedAndRestored() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("templates.json"));
    {
        TemplateStore store(path);
        PromptTemplate cxr = *store.find(QStringLiteral("cxr-report"));
        QCOMPARE(cxr.version, 1);
        cxr.question = QStringLiteral("Describe this film. Be brief.");
        QVERIFY(store.save(cxr));
        PromptTemplate own;
        own.id = store.newId();
        own.name = QStringLiteral("Knee X-ray");
        own.question = QStringLiteral("Describe this knee X-ray.");
        QVERIFY(store.save(own));
    }
    TemplateStore reloaded(path);
    const PromptTemplate* cxr = reloaded.find(QStringLiteral("cxr-report"));
    QCOMPARE(cxr->question, QStringLiteral("Describe this film. Be brief."));
    QCOMPARE(cxr->version, 2);
    QVERIFY(cxr->edited);
    QCOMPARE(cxr->provenance(), QStringLiteral("cxr-report v2 (edited)"));
    const PromptTemplate* own = reloaded.find(QStringLiteral("user-1"));
    QVERIFY(own && !own->builtIn);
    QCOMPARE(own->name, QStringLiteral("Knee X-ray"));

    QVERIFY(reloaded.restoreOrRemove(QStringLiteral("cxr-report")));
    QVERIFY(reloaded.restoreOrRemove(QStringLiteral("user-1")));
    TemplateStore restored(path);
    QCOMPARE(restored.find(QStringLiteral("cxr-report"))->question,
             findTemplate(builtInTemplates(), QStringLiteral("cxr-report"))->question);
    QVERIFY(!restored.find(QStringLiteral("cxr-report"))->edited);
    QVERIFY(!restored.find(QStringLiteral("user-1")));
}

void TestPromptPanel::editorDialogSavesAVersion() {
    QTemporaryDir dir;
    TemplateStore store(dir.filePath(QStringLiteral("t.json")));
    TemplateEditorDialog dialog(store, QStringLiteral("derm-description"));
    dialog.show();
    dialog.questionEdit()->setPlainText(QStringLiteral("Describe the lesion in two lines."));
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
    QCOMPARE(store.find(QStringLiteral("derm-description"))->question,
             QStringLiteral("Describe the lesion in two lines."));
    QCOMPARE(store.find(QStringLiteral("derm-description"))->version, 2);
    QVERIFY(dialog.restoreButton()->isEnabled());
    QTest::mouseClick(dialog.restoreButton(), Qt::LeftButton);
    QVERIFY(!store.find(QStringLiteral("derm-description"))->edited);
    QCOMPARE(dialog.questionEdit()->toPlainText(),
             findTemplate(builtInTemplates(), QStringLiteral("derm-description"))->question);
}

void TestPromptPanel::editorAsksBeforeDroppingEdits() {
    QTemporaryDir dir;
    TemplateStore store(dir.filePath(QStringLiteral("t.json")));
    TemplateEditorDialog dialog(store, QStringLiteral("ct-report"));
    dialog.show();
    QVERIFY(!dialog.hasUnsavedChanges());

    // Save: picking another template keeps the edit, in the store and in the list's names.
    dialog.questionEdit()->setPlainText(QStringLiteral("List the findings per organ."));
    QVERIFY(dialog.hasUnsavedChanges());
    answerNextQuestion(QMessageBox::Save);
    dialog.list()->setCurrentRow(rowOf(dialog.list(), QStringLiteral("mr-report")));
    QCOMPARE(store.find(QStringLiteral("ct-report"))->question,
             QStringLiteral("List the findings per organ."));
    QVERIFY(dialog.list()->item(rowOf(dialog.list(), QStringLiteral("ct-report")))
                ->text()
                .contains(QStringLiteral("(edited)")));
    QCOMPARE(dialog.selectedId(), QStringLiteral("mr-report"));

    // Cancel: the pick is undone and the typed text stays.
    dialog.nameEdit()->setText(QStringLiteral("MR brain"));
    answerNextQuestion(QMessageBox::Cancel);
    dialog.list()->setCurrentRow(rowOf(dialog.list(), QStringLiteral("fundus")));
    QCOMPARE(dialog.selectedId(), QStringLiteral("mr-report"));
    QCOMPARE(dialog.list()->currentRow(), rowOf(dialog.list(), QStringLiteral("mr-report")));
    QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("MR brain"));

    // Discard on close: the store keeps the shipped wording and the dialog closes.
    answerNextQuestion(QMessageBox::Discard);
    dialog.reject();
    QVERIFY(!dialog.isVisible());
    QVERIFY(!store.find(QStringLiteral("mr-report"))->edited);
}

void TestPromptPanel::itemOrderFollowsPlacement_data() {
    QTest::addColumn<int>("placement");
    QTest::addColumn<QString>("instruction");
    QTest::addColumn<int>("images");
    QTest::addColumn<QString>("layout");  // I = image, T = text, S = "SLICE k"
    QTest::newRow("images first") << int(ImagePlacement::BeforeText) << QString() << 2 << "IIT";
    QTest::newRow("text first") << int(ImagePlacement::AfterText) << QString() << 2 << "TII";
    QTest::newRow("text first, question after")
        << int(ImagePlacement::AfterText) << QStringLiteral("Look.") << 1 << "TIT";
    QTest::newRow("slices") << int(ImagePlacement::Interleaved) << QStringLiteral("Review.") << 3
                            << "TISISIST";
    QTest::newRow("one slice has no label")
        << int(ImagePlacement::Interleaved) << QStringLiteral("Review.") << 1 << "TIT";
    QTest::newRow("text only") << int(ImagePlacement::None) << QString() << 0 << "T";
}

void TestPromptPanel::itemOrderFollowsPlacement() {
    QFETCH(int, placement);
    QFETCH(QString, instruction);
    QFETCH(int, images);
    QFETCH(QString, layout);
    PromptTemplate t;
    t.placement = ImagePlacement(placement);
    t.instruction = instruction;
    QString seen;
    for (const DraftItem& item : orderItems(t, QStringLiteral("Question?"), images)) {
        seen += item.kind == DraftItem::Kind::Image             ? QLatin1Char('I')
                : item.text.startsWith(QLatin1String("SLICE ")) ? QLatin1Char('S')
                                                                : QLatin1Char('T');
    }
    QCOMPARE(seen, layout);
}

void TestPromptPanel::languageInstructionIsAppended() {
    PromptPanel panel;
    panel.selectTemplate(QStringLiteral("cxr-report"));
    QCOMPARE(panel.languageBox()->count(), 4);
    panel.languageBox()->setCurrentIndex(panel.languageBox()->findData(QStringLiteral("pt")));
    const DraftRequest request =
        buildDraftRequest(panel.currentTemplate(), panel.promptInputs(), {});
    const QString last = request.turns[0].items.last().text;
    QVERIFY2(last.startsWith(QStringLiteral("Describe this chest X-ray.")), qPrintable(last));
    QVERIFY2(last.endsWith(QStringLiteral("Write the whole answer in Brazilian Portuguese.")),
             qPrintable(last));
    panel.languageBox()->setCurrentIndex(panel.languageBox()->findData(QStringLiteral("en")));
    QVERIFY(!buildDraftRequest(panel.currentTemplate(), panel.promptInputs(), {})
                 .turns[0]
                 .items.last()
                 .text.contains(QStringLiteral("Write the whole answer")));
    // The choice is remembered.
    panel.languageBox()->setCurrentIndex(panel.languageBox()->findData(QStringLiteral("zh")));
    PromptPanel again;
    QCOMPARE(again.languageBox()->currentData().toString(), QStringLiteral("zh"));
    again.languageBox()->setCurrentIndex(0);
}

void TestPromptPanel::contextFieldsGoIntoThePrompt() {
    PromptPanel panel;
    panel.selectTemplate(QStringLiteral("ct-report"));
    QTest::keyClicks(panel.indicationEdit(), QStringLiteral("Right upper quadrant pain"));
    QTest::keyClicks(panel.comparisonEdit(), QStringLiteral("CT of 2024-01-10"));
    QList<DraftImage> images(2);
    const DraftRequest request =
        buildDraftRequest(panel.currentTemplate(), panel.promptInputs(), images);
    const QString question = request.turns[0].items.last().text;
    QVERIFY2(question.startsWith(QStringLiteral("Clinical indication: Right upper quadrant pain\n"
                                                "Comparison: CT of 2024-01-10\n\nBased on")),
             qPrintable(question));
    // The question (with its context) comes after the slices, as the CT notebook orders it.
    QCOMPARE(request.turns[0].items[request.turns[0].items.size() - 2].text,
             QStringLiteral("SLICE 2"));
    QCOMPARE(request.templateName, QStringLiteral("ct-report v1"));
}

void TestPromptPanel::samplingSettingsPersist() {
    {
        PromptPanel panel;
        SamplingPanel* sampling = panel.samplingPanel();
        QVERIFY(!sampling->isExpanded());
        QCOMPARE(panel.promptInputs().sampling.temperature, 0.0);  // greedy by default
        QTest::mouseClick(sampling->header(), Qt::LeftButton);
        QVERIFY(sampling->isExpanded());
        auto boxes = sampling->findChildren<QDoubleSpinBox*>();
        QVERIFY(!boxes.isEmpty());
        boxes.first()->setValue(0.7);  // temperature is the first
        QCOMPARE(panel.promptInputs().sampling.temperature, 0.7);
    }
    PromptPanel again;
    QCOMPARE(again.promptInputs().sampling.temperature, 0.7);
    DraftSampling greedy;
    again.samplingPanel()->setSampling(greedy);
    again.samplingPanel()->findChildren<QDoubleSpinBox*>().first()->setValue(0.0);
}

void TestPromptPanel::headingsBecomeBoldSections() {
    ReportEditor editor;
    editor.beginDraft(1);
    editor.appendChunk(1, QStringLiteral("**Findings:** Clear lungs.\nNo effusion.\n## Impression\n"
                                         "Normal chest. Findings are stable."));
    editor.endDraft(1);
    QCOMPARE(editor.plainText(),
             QStringLiteral("Findings: Clear lungs.\nNo effusion.\nImpression:\n"
                            "Normal chest. Findings are stable."));
    QTextDocument* doc = editor.textEdit()->document();
    auto weightAt = [doc](int position) {
        QTextCursor cursor(doc);
        cursor.setPosition(position + 1);
        return cursor.charFormat().fontWeight();
    };
    QCOMPARE(weightAt(0), int(QFont::Bold));
    const int body = int(editor.plainText().indexOf(QStringLiteral("Clear")));
    QVERIFY(weightAt(body) != int(QFont::Bold));
    QCOMPARE(weightAt(int(editor.plainText().indexOf(QStringLiteral("Impression")))),
             int(QFont::Bold));
    QVERIFY(weightAt(int(editor.plainText().indexOf(QStringLiteral("stable")))) !=
            int(QFont::Bold));
    QVERIFY(editor.hasUnacceptedDraft());  // still marked as an AI draft
}

QTEST_MAIN(TestPromptPanel)
#include "test_prompt_panel.moc"
