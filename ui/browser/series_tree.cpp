#include "ui/browser/series_tree.h"

#include <algorithm>

#include <QHeaderView>
#include <QStyledItemDelegate>

#include "ui/common/series_drag.h"

namespace ui {
namespace {

// QTreeView asks for row heights without a width, so a word-wrapped first column is measured
// as one line and its last lines are elided when painted. This measures it at the width the
// text will really have: the column less the indentation of the item's depth.
class WrappedNameDelegate : public QStyledItemDelegate {
public:
    explicit WrappedNameDelegate(QTreeView* tree) : QStyledItemDelegate(tree), m_tree(tree) {}

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override {
        if (index.column() != 0 || !m_tree->wordWrap()) {
            return QStyledItemDelegate::sizeHint(option, index);
        }
        int depth = m_tree->rootIsDecorated() ? 1 : 0;
        for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent()) {
            ++depth;
        }
        QStyleOptionViewItem measured(option);
        // A row spanning every column (patient, study) has the whole width.
        const int column = m_tree->isFirstColumnSpanned(index.row(), index.parent())
                               ? m_tree->header()->length()
                               : m_tree->header()->sectionSize(0);
        const int width = column - depth * m_tree->indentation();
        measured.rect = QRect(0, 0, std::max(1, width), QWIDGETSIZE_MAX);
        return QStyledItemDelegate::sizeHint(measured, index);
    }

private:
    QTreeView* m_tree;
};

}  // namespace

SeriesTree::SeriesTree(int uidRole, QWidget* parent) : QTreeWidget(parent), m_uidRole(uidRole) {
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    // Row heights are measured once, at the column width of that moment; word-wrapped series
    // names would keep the height of a wider column and be elided when the column narrows
    // (a stretched first column changes width with the window, a translation or the splitter).
    setItemDelegate(new WrappedNameDelegate(this));
    connect(header(), &QHeaderView::sectionResized, this, [this] { scheduleDelayedItemsLayout(); });
}

QStringList SeriesTree::mimeTypes() const {
    return {seriesMimeType()};
}

QMimeData* SeriesTree::mimeData(const QList<QTreeWidgetItem*>& items) const {
    const QString uid = items.isEmpty() ? QString() : items.first()->data(0, m_uidRole).toString();
    if (uid.isEmpty()) {
        return nullptr;  // patients and studies are not dragged
    }
    auto* mime = new QMimeData;
    mime->setData(seriesMimeType(), uid.toUtf8());
    return mime;
}

}  // namespace ui
