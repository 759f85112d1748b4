#pragma once
// The browser's tree widget, with series that can be dragged onto a viewport (the payload is
// the Series Instance UID, see ui/common/series_drag.h). Word-wrapped first-column text gets
// rows as tall as its lines at the column's current width.
// Thread-safety: GUI thread only.

#include <QTreeWidget>

namespace ui {

class SeriesTree : public QTreeWidget {
    Q_OBJECT
public:
    // `uidRole`: the item data role that holds a series item's Series Instance UID.
    SeriesTree(int uidRole, QWidget* parent = nullptr);

protected:
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QList<QTreeWidgetItem*>& items) const override;

private:
    int m_uidRole;
};

}  // namespace ui
