#include "ui/assistant/input_strip.h"

#include <QAction>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QProgressBar>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/assistant/model_inputs.h"

namespace ui {
namespace {

constexpr int kThumb = 88;  // logical pixels; the squares are 896 px for the model

}  // namespace

InputStrip::InputStrip(ModelInputs& inputs, QWidget* parent) : QWidget(parent), m_inputs(inputs) {
    m_title = new QLabel(tr("<b>What the model sees</b>"), this);
    m_title->setWordWrap(true);
    m_title->setMinimumWidth(80);
    m_list = new QListWidget(this);
    m_list->setViewMode(QListView::IconMode);
    m_list->setFlow(QListView::LeftToRight);
    m_list->setWrapping(false);
    m_list->setMovement(QListView::Static);
    m_list->setIconSize(QSize(kThumb, kThumb));
    m_list->setUniformItemSizes(true);
    m_list->setFixedHeight(kThumb + 2 * fontMetrics().height() + 22);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->setAccessibleName(tr("Images sent to the model"));
    m_list->installEventFilter(this);
    m_budget = new QLabel(this);
    m_budget->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumHeight(fontMetrics().height());
    m_progress->setVisible(false);

    m_tools = new QHBoxLayout;
    m_tools->setSpacing(2);
    auto* header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addLayout(m_tools);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(2);
    layout->addLayout(header);
    layout->addWidget(m_list);
    layout->addWidget(m_progress);
    layout->addWidget(m_budget);

    connect(&m_inputs, &ModelInputs::ready, this, &InputStrip::rebuild);
    connect(&m_inputs, &ModelInputs::preparing, this, &InputStrip::onPreparing);
    // The thumbnail of the frame on screen is selected, so the reader sees where it sits.
    connect(&m_inputs, &ModelInputs::currentImageChanged, this, [this](int index) {
        m_list->setCurrentRow(index);
        if (QListWidgetItem* item = m_list->currentItem()) {
            m_list->scrollToItem(item);
        }
    });
    connect(m_list, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { m_inputs.showImage(m_list->row(item)); });
    connect(m_list, &QListWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        if (!m_list->itemAt(at)) {
            return;
        }
        QMenu menu(this);
        menu.addAction(tr("Remove from the model's images"), this, &InputStrip::removeSelected);
        menu.exec(m_list->viewport()->mapToGlobal(at));
    });
}

void InputStrip::setActions(const QList<QAction*>& actions, const QStringList& shortNames) {
    for (int i = 0; i < actions.size(); ++i) {
        QAction* action = actions[i];
        // Short labels keep the assistant narrow; the tooltip has the full name and the key.
        action->setIconText(shortNames.value(i, action->text()));
        action->setToolTip(
            tr("%1 (%2)").arg(QString(action->text()).remove(QLatin1Char('&')),
                              action->shortcut().toString(QKeySequence::NativeText)));
        auto* button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setAutoRaise(true);
        m_tools->addWidget(button);
    }
}

void InputStrip::setPlacement(ImagePlacement placement) {
    m_placement = placement;
    for (int i = 0; i < m_list->count(); ++i) {
        m_list->item(i)->setText(captionFor(i));
    }
}

int InputStrip::imageCount() const {
    return m_list->count();
}

QString InputStrip::captionFor(int index) const {
    if (m_placement == ImagePlacement::Interleaved && m_list->count() >= 2) {
        return QStringLiteral("SLICE %1").arg(index + 1);  // the label the model reads
    }
    return tr("Image %1").arg(index + 1);
}

void InputStrip::rebuild() {
    m_progress->setVisible(false);
    m_list->clear();
    const QList<DraftImage>& images = m_inputs.images();
    for (int i = 0; i < images.size(); ++i) {
        const DraftImage& image = images[i];
        auto* item = new QListWidgetItem(m_list);
        item->setIcon(QPixmap::fromImage(image.rgb.scaled(
            kThumb * 2, kThumb * 2, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
        item->setToolTip(tr("%1\n%2 × %3 px RGB\n%4")
                             .arg(image.sourceLabel)
                             .arg(image.rgb.width())
                             .arg(image.rgb.height())
                             .arg(image.recipe));
    }
    for (int i = 0; i < m_list->count(); ++i) {
        m_list->item(i)->setText(captionFor(i));
    }
    const QString marks = m_inputs.marks().isEmpty()
                              ? tr("the image on screen")
                              : tr("%n marked", nullptr, int(m_inputs.marks().size()));
    m_title->setText(tr("<b>What the model sees</b> — %1").arg(marks));
    if (!m_inputs.errors().isEmpty()) {
        m_title->setToolTip(m_inputs.errors().join(QLatin1Char('\n')));
    }
}

void InputStrip::onPreparing(int done, int total) {
    m_progress->setVisible(total > 1 && done < total);
    m_progress->setRange(0, std::max(1, total));
    m_progress->setValue(done);
    m_progress->setFormat(tr("Preparing the images… %p%"));
}

void InputStrip::setBudget(const TokenFigures& figures) {
    m_budget->setText(TokenBudget::describe(figures));
    m_budget->setStyleSheet(figures.fits() ? QString() : QStringLiteral("color: #d9534f;"));
    m_budget->setToolTip(figures.fits() ? QString()
                                        : tr("The request does not fit the model's context: "
                                             "send fewer images or a shorter answer."));
}

void InputStrip::removeSelected() {
    const int row = m_list->currentRow();
    if (row >= 0) {
        m_inputs.removeImage(row);
    }
}

bool InputStrip::eventFilter(QObject* watched, QEvent* event) {
    const bool key = event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride;
    if (watched != m_list || !key) {
        return QWidget::eventFilter(watched, event);
    }
    const int pressed = static_cast<QKeyEvent*>(event)->key();
    if (pressed != Qt::Key_Delete && pressed != Qt::Key_Backspace) {
        return QWidget::eventFilter(watched, event);
    }
    // In the strip, Delete removes an image from the model's selection, not an annotation of
    // the viewer (the window's shortcut for the same key).
    event->accept();
    if (event->type() == QEvent::KeyPress) {
        removeSelected();
    }
    return true;
}

}  // namespace ui
