#include "ui/browser/series_tree.h"

#include "ui/common/series_drag.h"

namespace ui {

SeriesTree::SeriesTree(int uidRole, QWidget* parent) : QTreeWidget(parent), m_uidRole(uidRole) {
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
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
