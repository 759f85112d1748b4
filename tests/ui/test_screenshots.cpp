// Writes PNG screenshots of the main views so that a person can look at them:
// $MEDGEMMA_SCREENSHOT_DIR, else <build>/screenshots. Run under Xvfb (QT_QPA_PLATFORM=xcb) for
// real window decorations and fonts, or offscreen. Each shot is also checked not to be blank.
#include <QtTest>

#include <QDir>
#include <QSettings>
#include <QTreeWidget>

#include "dicom/sample_study.h"
#include "ui/browser/study_browser.h"
#include "ui/main_window.h"
#include "ui/viewer/image_viewer.h"
#include "ui/viewer/series_viewer.h"

using namespace ui;

class TestScreenshots : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void emptyWindow();
    void ctSeries();
    void chestRadiograph();
    void photograph();

private:
    void showModality(const QString& modality);
    void save(const QString& name);
    std::unique_ptr<MainWindow> m_window;
    QDir m_out;
};

void TestScreenshots::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    const QString dir = qEnvironmentVariable("MEDGEMMA_SCREENSHOT_DIR",
                                             QStringLiteral(MEDGEMMA_BINARY_DIR "/screenshots"));
    QVERIFY(QDir().mkpath(dir));
    m_out = QDir(dir);
    m_window = std::make_unique<MainWindow>();
    m_window->setSampleStudyPath(QStringLiteral(MEDGEMMA_BINARY_DIR "/sample-study"));
    m_window->resize(1600, 1000);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestScreenshots::save(const QString& name) {
    QTest::qWait(50);  // let queued repaints land
    const QImage shot = m_window->grab().toImage();
    QVERIFY(!shot.isNull());
    const QString path = m_out.filePath(name + QStringLiteral(".png"));
    QVERIFY(shot.save(path));
    qInfo("screenshot: %s", qPrintable(path));
}

void TestScreenshots::showModality(const QString& modality) {
    QTreeWidget* tree = m_window->browser()->tree();
    for (QTreeWidgetItemIterator it(tree); *it; ++it) {
        if ((*it)->childCount() == 0 && (*it)->text(1) == modality) {
            tree->setCurrentItem(*it);
            break;
        }
    }
    QTRY_VERIFY(m_window->seriesViewer()->series() &&
                m_window->seriesViewer()->series().series->modality == modality.toStdString());
    QTRY_VERIFY(m_window->seriesViewer()->viewer()->hasImage());
}

void TestScreenshots::emptyWindow() { save(QStringLiteral("01-empty")); }

void TestScreenshots::ctSeries() {
    QSignalSpy loaded(m_window.get(), &MainWindow::studiesLoaded);
    m_window->openSampleStudy();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
    showModality(QStringLiteral("CT"));
    SeriesViewer* series = m_window->seriesViewer();
    for (int i = 0; i < series->frameCount(); ++i) {
        series->setIndex(i);
        if (series->currentInstance()->instanceNumber == dicom::sample::kLesionInstanceNumber) {
            break;
        }
    }
    QTRY_VERIFY(series->viewer()->hasImage());
    save(QStringLiteral("02-ct-abdomen-window"));
}

void TestScreenshots::chestRadiograph() {
    showModality(QStringLiteral("DX"));
    save(QStringLiteral("03-chest-radiograph"));
}

void TestScreenshots::photograph() {
    showModality(QStringLiteral("XC"));
    save(QStringLiteral("04-photograph"));
}

QTEST_MAIN(TestScreenshots)
#include "test_screenshots.moc"
