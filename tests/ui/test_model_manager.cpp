// The model manager with a scripted catalog and service: the help page when nothing is found,
// the list with memory against free RAM, loading with progress and Cancel, the remembered
// choice; and the light/dark themes (the viewer stays black in both).
#include <QtTest>

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QTreeWidget>

#include "fake_model_catalog.h"
#include "scripted_drafting_service.h"
#include "ui/common/theme.h"
#include "ui/main_window.h"
#include "ui/model/model_catalog.h"
#include "ui/model/model_controller.h"
#include "ui/model/model_manager_dialog.h"
#include "ui/model/model_settings.h"
#include "ui/model/model_text.h"
#include "ui/viewer/image_viewer.h"
#include "ui/viewer/series_viewer.h"

using namespace ui;

using FakeCatalog = testutil::FakeModelCatalog;

namespace {

ModelSummary medgemma(const QString& dir, quint64 weights) {
    return FakeCatalog::medgemma(dir, weights);
}

}  // namespace

class TestModelManager : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void noModelShowsHowToGetOne();
    void listsModelsWithMemoryAgainstFreeRam();
    void loadsWithProgressAndCancel();
    void loadingRemembersTheChoice();
    void modelManagerActionOpensTheDialog();
    void themesSwitchAndPersist();

private:
    std::unique_ptr<ModelManagerDialog> openDialog();
    FakeCatalog m_catalog;
    testutil::ScriptedDraftingService m_service;
};

void TestModelManager::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void TestModelManager::init() {
    m_catalog.models.clear();
    m_service.holdLoad = false;
    m_service.setState(ModelState::None);
}

std::unique_ptr<ModelManagerDialog> TestModelManager::openDialog() {
    auto dialog = std::make_unique<ModelManagerDialog>(m_catalog, &m_service);
    dialog->show();
    if (!QTest::qWaitFor([&] { return !dialog->isSearching(); }, 10000)) {
        qWarning("the model search did not finish");
    }
    return dialog;
}

void TestModelManager::noModelShowsHowToGetOne() {
    auto dialog = openDialog();
    QCOMPARE(dialog->pages()->currentIndex(), 1);
    const QString help = dialog->helpLabel()->text();
    QVERIFY(help.contains(QStringLiteral("google/medgemma-4b-it")));
    QVERIFY(help.contains(QStringLiteral("Health AI Developer Foundations")));
    QVERIFY(help.contains(QStringLiteral("/nowhere/huggingface/hub")));
}

void TestModelManager::listsModelsWithMemoryAgainstFreeRam() {
    m_catalog.models = {medgemma(QStringLiteral("/cache/a"), 8600000000ULL),
                        medgemma(QStringLiteral("/cache/b"), 30000000000ULL)};
    auto dialog = openDialog();
    QCOMPARE(dialog->pages()->currentIndex(), 2);
    QCOMPARE(dialog->list()->topLevelItemCount(), 2);
    QTreeWidgetItem* first = dialog->list()->topLevelItem(0);
    QCOMPARE(first->text(0), QStringLiteral("MedGemma 4B (instruction-tuned)"));
    QCOMPARE(first->text(2), QStringLiteral("BF16"));
    QVERIFY(first->text(5).contains(QStringLiteral("google/medgemma-4b-it")));
    dialog->list()->setCurrentItem(first);
    QVERIFY2(dialog->memoryLabel()->text().contains(QStringLiteral("free")),
             qPrintable(dialog->memoryLabel()->text()));
    QVERIFY(dialog->memoryLabel()->styleSheet().isEmpty());  // 11.1 GB fits in 16 GB
    dialog->list()->setCurrentItem(dialog->list()->topLevelItem(1));
    QVERIFY(dialog->memoryLabel()->text().contains(QStringLiteral("more than is free")));
    // CPU only: this build reports no CUDA.
    QCOMPARE(dialog->deviceBox()->count(), 1);
    m_catalog.facts.cudaAvailable = true;
    m_catalog.facts.vramFree = 24000000000ULL;
    dialog->refresh();
    QTRY_VERIFY(!dialog->isSearching());
    QTRY_COMPARE(dialog->deviceBox()->count(), 2);
    // On the GPU the same model is weighed against the GPU's free memory: 24 GB.
    dialog->list()->setCurrentItem(dialog->list()->topLevelItem(1));
    QVERIFY(!dialog->memoryLabel()->styleSheet().isEmpty());  // 32.6 GB > 16 GB of RAM
    dialog->deviceBox()->setCurrentIndex(dialog->deviceBox()->findData(int(ModelDevice::Cuda)));
    QVERIFY2(dialog->memoryLabel()->text().contains(QStringLiteral("24.0 GB free on the GPU")),
             qPrintable(dialog->memoryLabel()->text()));
    QVERIFY2(dialog->memoryLabel()->text().contains(QStringLiteral("more than the GPU has free")),
             qPrintable(dialog->memoryLabel()->text()));
    dialog->list()->setCurrentItem(dialog->list()->topLevelItem(0));  // 11.2 GB fits in 24 GB
    QVERIFY(dialog->memoryLabel()->styleSheet().isEmpty());
    m_catalog.facts.vramFree = 8000000000ULL;
    dialog->refresh();
    QTRY_VERIFY(!dialog->isSearching());
    dialog->deviceBox()->setCurrentIndex(dialog->deviceBox()->findData(int(ModelDevice::Cuda)));
    QVERIFY(!dialog->memoryLabel()->styleSheet().isEmpty());  // but not in 8 GB of the GPU
    // CUDA's own context counts on the GPU: a model that just fits the free memory does not
    // once that is added.
    m_catalog.facts.vramFree = m_catalog.models[0].bfloat16.total() + 100000000ULL;
    dialog->refresh();
    QTRY_VERIFY(!dialog->isSearching());
    dialog->deviceBox()->setCurrentIndex(dialog->deviceBox()->findData(int(ModelDevice::Cuda)));
    dialog->list()->setCurrentItem(dialog->list()->topLevelItem(0));
    QVERIFY(dialog->memoryLabel()->styleSheet().isEmpty());
    m_catalog.facts.gpuRuntimeBytes = 536870912ULL;
    dialog->refresh();
    QTRY_VERIFY(!dialog->isSearching());
    dialog->deviceBox()->setCurrentIndex(dialog->deviceBox()->findData(int(ModelDevice::Cuda)));
    dialog->list()->setCurrentItem(dialog->list()->topLevelItem(0));
    QVERIFY2(dialog->memoryLabel()->text().contains(QStringLiteral("CUDA itself takes about")),
             qPrintable(dialog->memoryLabel()->text()));
    QVERIFY(!dialog->memoryLabel()->styleSheet().isEmpty());
    m_catalog.facts.gpuRuntimeBytes = 0;
    m_catalog.facts.cudaAvailable = false;
    m_catalog.facts.vramFree = 0;
}

void TestModelManager::loadsWithProgressAndCancel() {
    m_catalog.models = {medgemma(QStringLiteral("/cache/a"), 8600000000ULL)};
    auto dialog = openDialog();
    m_service.holdLoad = true;
    QVERIFY(dialog->loadButton()->isEnabled());
    QTest::mouseClick(dialog->loadButton(), Qt::LeftButton);
    QCOMPARE(m_service.lastChoice.directory, QStringLiteral("/cache/a"));
    QVERIFY(dialog->progressBar()->isVisible());
    QVERIFY(dialog->cancelButton()->isVisible());
    QVERIFY(!dialog->loadButton()->isEnabled());
    QTRY_COMPARE(dialog->progressBar()->value(), 50);
    QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
    QCOMPARE(m_service.modelState(), ModelState::None);
    QVERIFY(!dialog->progressBar()->isVisible());
    QVERIFY(dialog->statusLabel()->text().contains(QStringLiteral("cancelled")));
    m_service.holdLoad = false;
    QTest::mouseClick(dialog->loadButton(), Qt::LeftButton);
    QTRY_COMPARE(m_service.modelState(), ModelState::Ready);
    QVERIFY(dialog->statusLabel()->text().startsWith(QStringLiteral("Ready")));
}

void TestModelManager::loadingRemembersTheChoice() {
    m_catalog.models = {medgemma(QStringLiteral("/cache/a"), 8600000000ULL),
                        medgemma(QStringLiteral("/cache/b"), 8600000000ULL)};
    {
        auto dialog = openDialog();
        dialog->list()->setCurrentItem(dialog->list()->topLevelItem(1));
        dialog->precisionBox()->setCurrentIndex(
            dialog->precisionBox()->findData(int(ModelPrecision::Float32)));
        QTest::mouseClick(dialog->loadButton(), Qt::LeftButton);
        QCOMPARE(m_service.lastChoice.precision, ModelPrecision::Float32);
    }
    const ModelChoice remembered = rememberedModelChoice();
    QCOMPARE(remembered.directory, QStringLiteral("/cache/b"));
    QCOMPARE(remembered.precision, ModelPrecision::Float32);
    auto again = openDialog();
    QCOMPARE(again->selectedChoice().directory, QStringLiteral("/cache/b"));
    QCOMPARE(again->selectedChoice().precision, ModelPrecision::Float32);
    // int4 weights: offered, estimated with their own (smaller) size, and remembered.
    again->precisionBox()->setCurrentIndex(
        again->precisionBox()->findData(int(ModelPrecision::Int4)));
    QVERIFY(again->memoryLabel()->text().contains(formatBytes(8600000000ULL / 3)));
    QTest::mouseClick(again->loadButton(), Qt::LeftButton);
    QCOMPARE(m_service.lastChoice.precision, ModelPrecision::Int4);
    QCOMPARE(rememberedModelChoice().precision, ModelPrecision::Int4);
}

void TestModelManager::modelManagerActionOpensTheDialog() {
    MainWindow window;
    window.setDraftingService(&m_service);
    window.setModelCatalog(&m_catalog);
    window.show();
    window.actions().modelManager->trigger();  // Ctrl+Shift+M
    QVERIFY(window.models()->dialog());
    QTRY_VERIFY(window.models()->dialog()->isVisible());
    window.models()->dialog()->close();
}

void TestModelManager::themesSwitchAndPersist() {
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.actions().darkTheme->trigger();
    QVERIFY(window.actions().darkTheme->isChecked());
    QCOMPARE(savedTheme(), Theme::Dark);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
    QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() > 180);
    ImageViewer* viewer = window.seriesViewer()->viewer();
    const QImage dark = viewer->grab().toImage();
    QCOMPARE(dark.pixelColor(2, 2), QColor(Qt::black));
    window.actions().lightTheme->trigger();
    QCOMPARE(savedTheme(), Theme::Light);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
    QCOMPARE(viewer->grab().toImage().pixelColor(2, 2), QColor(Qt::black));
}

QTEST_MAIN(TestModelManager)
#include "test_model_manager.moc"
