// The pt_BR and zh_CN catalogues: every message of the .ts sources is translated, keeps its
// placeholders and keyboard accelerator, and has the plural forms of its language; the
// compiled catalogues embedded under :/i18n translate the real main window. Each translated
// window (with the sample study open) and its dialogs are saved as PNG in $MEDGEMMA_SCREENSHOT_DIR,
// else <build>/screenshots, for a person to check; run under Xvfb (QT_QPA_PLATFORM=xcb) to see the
// fonts a user would see.
#include <QtTest>

#include <QAction>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSettings>
#include <QTranslator>
#include <QXmlStreamReader>

#include "fake_model_catalog.h"
#include "translations/available_languages.h"
#include "ui/assistant/prompt_panel.h"
#include "ui/assistant/template_editor_dialog.h"
#include "ui/main_window.h"
#include "ui/model/model_manager_dialog.h"
#include "ui/viewer/image_viewer.h"
#include "ui/viewer/series_viewer.h"

namespace {

struct CatalogueMessage {
    QString context;
    QString source;
    QStringList forms;  // the translation, or one text per plural form
    bool finished = true;
    bool numerus = false;
};

void readTranslation(QXmlStreamReader& xml, CatalogueMessage& message) {
    const QStringView type = xml.attributes().value(QLatin1String("type"));
    message.finished = type.isEmpty();  // "unfinished", "vanished" and "obsolete" all fail
    if (!message.numerus) {
        message.forms << xml.readElementText();
        return;
    }
    while (xml.readNextStartElement()) {
        if (xml.name() == QLatin1String("numerusform")) {
            message.forms << xml.readElementText();
        } else {
            xml.skipCurrentElement();
        }
    }
}

// Every <message> of a Qt Linguist .ts file; `error` is set when the file cannot be read.
QList<CatalogueMessage> readCatalogue(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<CatalogueMessage> messages;
    QString context;
    CatalogueMessage message;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) {
            continue;
        }
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            message = {context,
                       {},
                       {},
                       true,
                       xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes")};
        } else if (xml.name() == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            readTranslation(xml, message);
            messages << message;
        }
    }
    *error = xml.hasError() ? xml.errorString() : QString();
    return messages;
}

// The %1 ... %99, %L1 and %n markers of a text, sorted, duplicates kept once.
QStringList placeholders(const QString& text) {
    static const QRegularExpression marker(QStringLiteral("%(L?[1-9][0-9]?|n)"));
    QStringList found;
    for (const auto& match : marker.globalMatch(text)) {
        found << match.captured();
    }
    found.sort();
    found.removeDuplicates();
    return found;
}

// Whether the text marks a keyboard accelerator: a single '&' before a character.
bool hasAccelerator(const QString& text) {
    static const QRegularExpression accelerator(QStringLiteral("(^|[^&])&[^&\\s]"));
    return accelerator.match(text).hasMatch();
}

QString catalogueFile(const QString& code) {
    return QStringLiteral(MEDGEMMA_TRANSLATIONS_DIR "/medgemma_%1.ts").arg(code);
}

}  // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyMessageIsTranslated_data();
    void everyMessageIsTranslated();
    void everyOfferedLanguageHasACatalogue();
    void catalogueTranslatesTheWindow_data();
    void catalogueTranslatesTheWindow();

private:
    void saveMenuScreenshots(ui::MainWindow& window, const QString& code);
    void saveDialogScreenshots(ui::MainWindow& window, const QString& code);
    void saveScreenshot(QWidget* window, const QString& name);
};

void TestTranslations::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void TestTranslations::everyMessageIsTranslated_data() {
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("pluralForms");
    QTest::newRow("pt_BR") << QStringLiteral("pt_BR") << 2;  // singular, plural
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << 1;  // Chinese has no plural
}

void TestTranslations::everyMessageIsTranslated() {
    QFETCH(QString, code);
    QFETCH(int, pluralForms);
    QString error;
    const QList<CatalogueMessage> messages = readCatalogue(catalogueFile(code), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(!messages.isEmpty(), "the catalogue is empty: run the update_translations target");
    for (const CatalogueMessage& m : messages) {
        const QString where = m.context + QStringLiteral(": ") + m.source;
        QVERIFY2(m.finished, qPrintable(QStringLiteral("unfinished: ") + where));
        QCOMPARE(m.forms.size(), m.numerus ? pluralForms : 1);
        for (const QString& form : m.forms) {
            QVERIFY2(!form.isEmpty(), qPrintable(QStringLiteral("empty: ") + where));
            QVERIFY2(placeholders(form) == placeholders(m.source),
                     qPrintable(QStringLiteral("placeholders differ: ") + where +
                                QStringLiteral(" -> ") + form));
            QVERIFY2(hasAccelerator(form) == hasAccelerator(m.source),
                     qPrintable(QStringLiteral("accelerator differs: ") + where +
                                QStringLiteral(" -> ") + form));
        }
    }
}

void TestTranslations::everyOfferedLanguageHasACatalogue() {
    for (const auto& language : translations::availableLanguages()) {
        if (language.code == QLatin1String("en")) {
            continue;  // the source language
        }
        QTranslator translator;
        QVERIFY2(translator.load(translations::catalogueResource(language.code)),
                 qPrintable(language.code));
        QVERIFY(!translator.isEmpty());
        QVERIFY(QFile::exists(catalogueFile(language.code)));
    }
}

void TestTranslations::catalogueTranslatesTheWindow_data() {
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("fileMenu");
    QTest::addColumn<QString>("lungPreset");
    QTest::newRow("pt_BR") << QStringLiteral("pt_BR") << QStringLiteral("&Arquivo")
                           << QStringLiteral("Pulmão");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("文件(&F)")
                           << QStringLiteral("肺窗");
}

void TestTranslations::catalogueTranslatesTheWindow() {
    QFETCH(QString, code);
    QFETCH(QString, fileMenu);
    QFETCH(QString, lungPreset);
    QTranslator translator;
    QVERIFY(translator.load(translations::catalogueResource(code)));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    ui::MainWindow window;
    window.setSampleStudyPath(QStringLiteral(MEDGEMMA_BINARY_DIR "/sample-study"));
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.menuBar()->actions().value(0)->text(), fileMenu);
    QCOMPARE(QCoreApplication::translate("ui::WindowPresets", "Lung"), lungPreset);

    QSignalSpy loaded(&window, &ui::MainWindow::studiesLoaded);
    window.openSampleStudy();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(window.seriesViewer()->viewer()->hasImage(), 20000);
    saveScreenshot(&window, QStringLiteral("i18n-") + code);
    saveMenuScreenshots(window, code);
    saveDialogScreenshots(window, code);
    QCoreApplication::removeTranslator(&translator);
}

// Every menu of the menu bar, where accelerators and shortcuts stand side by side.
void TestTranslations::saveMenuScreenshots(ui::MainWindow& window, const QString& code) {
    const QList<QAction*> menus = window.menuBar()->actions();
    for (int i = 0; i < menus.size(); ++i) {
        QMenu* menu = menus[i]->menu();
        QVERIFY(menu);
        menu->adjustSize();
        saveScreenshot(menu, QStringLiteral("i18n-%1-menu-%2").arg(code).arg(i + 1));
    }
}

// The dialogs with the longest texts: the model manager, with a model and without (its
// instructions), and the template editor.
void TestTranslations::saveDialogScreenshots(ui::MainWindow& window, const QString& code) {
    testutil::FakeModelCatalog catalog;
    catalog.models = {testutil::FakeModelCatalog::medgemma(QStringLiteral("/data/medgemma-4b-it"))};
    for (const QString& name : {QStringLiteral("model-manager"), QStringLiteral("no-model")}) {
        ui::ModelManagerDialog models(catalog, nullptr);
        models.show();
        QTRY_VERIFY(!models.isSearching());
        QVERIFY(QTest::qWaitForWindowExposed(&models));
        saveScreenshot(&models, QStringLiteral("i18n-%1-%2").arg(code, name));
        catalog.models.clear();
    }
    ui::TemplateEditorDialog templates(window.promptPanel()->templates(),
                                       QStringLiteral("ct-report"));
    templates.show();
    QVERIFY(QTest::qWaitForWindowExposed(&templates));
    saveScreenshot(&templates, QStringLiteral("i18n-%1-template-editor").arg(code));
}

void TestTranslations::saveScreenshot(QWidget* window, const QString& name) {
    const QDir out(qEnvironmentVariable("MEDGEMMA_SCREENSHOT_DIR",
                                        QStringLiteral(MEDGEMMA_BINARY_DIR "/screenshots")));
    QVERIFY(QDir().mkpath(out.path()));
    QTest::qWait(50);  // let queued repaints land
    const QString path = out.filePath(name + QStringLiteral(".png"));
    QVERIFY(window->grab().save(path));
    qInfo("screenshot: %s", qPrintable(path));
}

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"
