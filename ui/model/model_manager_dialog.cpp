#include "ui/model/model_manager_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

#include "ui/model/model_settings.h"
#include "ui/model/model_text.h"

namespace ui {
namespace {

enum Page { Searching, Help, List };
enum Column { Variant, Parameters, Dtype, Size, Memory, Source };

// The cache's models in the catalog's order (MedGemma first), then chosen folders not in it.
ModelSearchResult search(const ModelCatalog* catalog, const QStringList& chosen) {
    QStringList folders = catalog->discover();
    for (const QString& folder : chosen) {
        if (!folders.contains(folder)) {
            folders << folder;
        }
    }
    ModelSearchResult result;
    for (const QString& folder : folders) {
        result.models << catalog->describe(folder);
    }
    result.runtime = catalog->runtime();
    return result;
}

}  // namespace

ModelManagerDialog::ModelManagerDialog(ModelCatalog& catalog, DraftingService* service,
                                       QWidget* parent)
    : QDialog(parent), m_catalog(catalog), m_service(service) {
    setWindowTitle(tr("Model manager"));
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(new QLabel(tr("Looking for models in the Hugging Face cache…"), this));
    m_pages->addWidget(buildHelpPage());
    m_pages->addWidget(buildListPage());
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addWidget(close);
    resize(980, 560);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_search, &QFutureWatcher<ModelSearchResult>::finished, this,
            &ModelManagerDialog::onSearchDone);
    if (m_service) {
        connect(m_service, &DraftingService::loadProgress, this,
                [this](double fraction) { m_progress->setValue(int(fraction * 100)); });
        connect(m_service, &DraftingService::modelStateChanged, this,
                &ModelManagerDialog::onModelState);
    }
    const QString remembered = rememberedModelChoice().directory;
    if (!remembered.isEmpty()) {
        m_extraFolders << remembered;
    }
    setLoading(m_service && m_service->modelState() == ModelState::Loading);
    refresh();
}

ModelManagerDialog::~ModelManagerDialog() {
    m_search.waitForFinished();
}

QWidget* ModelManagerDialog::buildHelpPage() {
    auto* page = new QWidget(this);
    m_help = new QLabel(page);
    m_help->setWordWrap(true);
    m_help->setTextFormat(Qt::RichText);
    m_help->setTextInteractionFlags(Qt::TextBrowserInteraction);
    auto* choose = new QPushButton(tr("Choose folder…"), page);
    auto* again = new QPushButton(tr("Search again"), page);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(again);
    buttons->addWidget(choose);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_help);
    layout->addStretch(1);
    layout->addLayout(buttons);
    connect(choose, &QPushButton::clicked, this, &ModelManagerDialog::chooseFolder);
    connect(again, &QPushButton::clicked, this, &ModelManagerDialog::refresh);
    return page;
}

QWidget* ModelManagerDialog::buildListPage() {
    auto* page = new QWidget(this);
    m_list = new QTreeWidget(page);
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Model"), tr("Parameters"), tr("Weights"), tr("On disk"),
                             tr("Memory (bfloat16)"), tr("Found in")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);
    m_details = new QLabel(page);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_memory = new QLabel(page);
    m_memory->setWordWrap(true);
    m_device = new QComboBox(page);
    m_precision = new QComboBox(page);
    m_precision->addItem(tr("bfloat16 (recommended: half the memory, fast on recent CPUs)"),
                         int(ModelPrecision::BFloat16));
    m_precision->addItem(tr("float32 (for checking results; twice the memory)"),
                         int(ModelPrecision::Float32));
    m_precision->addItem(tr("int8 weights (about half the memory; quantized at the first load)"),
                         int(ModelPrecision::Int8));
    m_precision->addItem(
        tr("int4 weights (about a third of the memory, slightly less exact; quantized at the "
           "first load)"),
        int(ModelPrecision::Int4));
    m_status = new QLabel(page);
    m_status->setWordWrap(true);
    m_progress = new QProgressBar(page);
    m_progress->setRange(0, 100);
    m_load = new QPushButton(tr("Load"), page);
    m_load->setDefault(true);
    m_cancel = new QPushButton(tr("Cancel loading"), page);
    auto* choose = new QPushButton(tr("Choose folder…"), page);
    auto* again = new QPushButton(tr("Search again"), page);

    auto* form = new QFormLayout;
    form->addRow(tr("Device:"), m_device);
    form->addRow(tr("Precision:"), m_precision);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(again);
    buttons->addWidget(choose);
    buttons->addStretch(1);
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_load);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_details);
    layout->addLayout(form);
    layout->addWidget(m_memory);
    layout->addWidget(m_status);
    layout->addLayout(buttons);

    connect(m_list, &QTreeWidget::currentItemChanged, this, &ModelManagerDialog::showSelected);
    connect(m_precision, &QComboBox::currentIndexChanged, this, &ModelManagerDialog::showSelected);
    connect(m_device, &QComboBox::currentIndexChanged, this, &ModelManagerDialog::showSelected);
    connect(m_load, &QPushButton::clicked, this, &ModelManagerDialog::load);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_service) {
            m_service->cancelLoad();
        }
    });
    connect(choose, &QPushButton::clicked, this, &ModelManagerDialog::chooseFolder);
    connect(again, &QPushButton::clicked, this, &ModelManagerDialog::refresh);
    return page;
}

void ModelManagerDialog::refresh() {
    if (m_searching) {
        return;
    }
    m_searching = true;
    m_pages->setCurrentIndex(Searching);
    m_help->setText(howToGetModelHtml(m_catalog.cacheDirectory()));
    const ModelCatalog* catalog = &m_catalog;
    m_search.setFuture(QtConcurrent::run(search, catalog, m_extraFolders));
}

void ModelManagerDialog::addFolder(const QString& folder) {
    if (!m_extraFolders.contains(folder)) {
        m_extraFolders << folder;
    }
    m_selectAfterSearch = folder;
    refresh();
}

void ModelManagerDialog::chooseFolder() {
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Choose the MedGemma model folder (with config.json and *.safetensors)"),
        rememberedModelChoice().directory);
    if (!folder.isEmpty()) {
        addFolder(folder);
    }
}

void ModelManagerDialog::onSearchDone() {
    m_searching = false;
    const ModelSearchResult result = m_search.result();
    m_models = result.models;
    m_runtime = result.runtime;
    m_device->clear();
    m_device->addItem(tr("CPU"), int(ModelDevice::Cpu));
    if (m_runtime.cudaAvailable) {
        m_device->addItem(tr("CUDA GPU"), int(ModelDevice::Cuda));
    }
    const ModelChoice remembered = rememberedModelChoice();
    m_device->setCurrentIndex(std::max(0, m_device->findData(int(remembered.device))));
    m_precision->setCurrentIndex(std::max(0, m_precision->findData(int(remembered.precision))));
    fillList(m_selectAfterSearch.isEmpty() ? remembered.directory : m_selectAfterSearch);
    m_selectAfterSearch.clear();
    m_pages->setCurrentIndex(m_models.isEmpty() ? Help : List);
    Q_EMIT searchFinished();
}

void ModelManagerDialog::fillList(const QString& selectDirectory) {
    m_list->clear();
    for (const ModelSummary& m : m_models) {
        auto* item = new QTreeWidgetItem(m_list);
        item->setText(Variant, m.usable ? m.variant : tr("%1 (cannot be used)").arg(m.variant));
        item->setText(Parameters, m.usable ? formatParameters(m.parameters) : QString());
        item->setText(Dtype, m.dtype);
        item->setText(Size, formatBytes(m.fileBytes));
        item->setText(Memory, m.usable ? formatBytes(m.bfloat16.total()) : QString());
        item->setText(Source, sourceText(m));
        item->setToolTip(Source, m.directory);
        item->setData(Variant, Qt::UserRole, m.directory);
        if (m.directory == selectDirectory || !m_list->currentItem()) {
            m_list->setCurrentItem(item);
        }
    }
    showSelected();
}

void ModelManagerDialog::showSelected() {
    const int row = m_list->currentItem() ? m_list->indexOfTopLevelItem(m_list->currentItem()) : -1;
    if (row < 0 || row >= m_models.size()) {
        m_load->setEnabled(false);
        return;
    }
    const ModelSummary& m = m_models[row];
    const auto precision = ModelPrecision(m_precision->currentData().toInt());
    m_details->setText(
        m.usable ? tr("%1 — %2, %3, context up to %4 tokens.\n%5")
                       .arg(m.variant, m.architecture,
                            m.hasVision
                                ? tr("images and text (%1 tokens per image)").arg(m.tokensPerImage)
                                : tr("text only"),
                            QLocale().toString(m.maxContext), m.directory)
                 : tr("%1\n%2").arg(m.problem, m.directory));
    const auto device = ModelDevice(m_device->currentData().toInt());
    m_memory->setText(m.usable ? memoryText(m, precision, device, m_runtime) : QString());
    m_memory->setStyleSheet(m.usable && !memoryFits(m, precision, device, m_runtime)
                                ? QStringLiteral("color: #d9534f;")
                                : QString());
    m_load->setEnabled(m.usable && m_service && !m_loading);
}

ModelChoice ModelManagerDialog::selectedChoice() const {
    ModelChoice choice;
    if (QTreeWidgetItem* item = m_list->currentItem()) {
        choice.directory = item->data(Variant, Qt::UserRole).toString();
    }
    choice.device = ModelDevice(m_device->currentData().toInt());
    choice.precision = ModelPrecision(m_precision->currentData().toInt());
    return choice;
}

void ModelManagerDialog::load() {
    const ModelChoice choice = selectedChoice();
    if (choice.directory.isEmpty() || !m_service) {
        return;
    }
    rememberModelChoice(choice);
    m_service->loadModel(choice);
}

void ModelManagerDialog::onModelState(ModelState state, const QString& message) {
    setLoading(state == ModelState::Loading);
    switch (state) {
        case ModelState::Loading:
            m_status->setText(tr("Loading %1 …").arg(message));
            break;
        case ModelState::Ready:
            m_status->setText(
                tr("Ready: %1").arg(m_service ? m_service->modelDescription() : message));
            break;
        case ModelState::Failed:
            m_status->setText(tr("Loading failed: %1").arg(message));
            break;
        case ModelState::None:
            m_status->setText(message);
            break;
    }
}

void ModelManagerDialog::setLoading(bool loading) {
    m_loading = loading;
    m_progress->setVisible(loading);
    m_cancel->setVisible(loading);
    if (loading) {
        m_progress->setValue(0);
    }
    showSelected();
}

}  // namespace ui
