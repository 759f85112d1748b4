#pragma once
// Finds rows of the study browser's tree in GUI tests. Header-only; GUI thread only.
#include <QString>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

namespace testutil {

// The first series row (a leaf) whose Modality column reads `modality`, or nullptr.
inline QTreeWidgetItem* firstSeriesOfModality(QTreeWidget* tree, const QString& modality) {
    for (QTreeWidgetItemIterator it(tree); *it; ++it) {
        if ((*it)->childCount() == 0 && (*it)->text(1) == modality) {
            return *it;
        }
    }
    return nullptr;
}

}  // namespace testutil
