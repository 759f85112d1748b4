#pragma once
// The study browser: patient -> study -> series tree of everything opened, with a filter box.
// Selecting a series asks the viewer to show it.
// Thread-safety: GUI thread only.

#include <QWidget>

class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace ui {

class StudySession;

class StudyBrowser : public QWidget {
    Q_OBJECT
public:
    explicit StudyBrowser(StudySession& session, QWidget* parent = nullptr);

    void selectSeries(const QString& seriesUid);
    QTreeWidget* tree() const { return m_tree; }

Q_SIGNALS:
    void seriesActivated(const QString& seriesUid);

private:
    void rebuild();
    void applyFilter(const QString& text);
    void onCurrentItemChanged(QTreeWidgetItem* current);

    StudySession& m_session;
    QLineEdit* m_filter = nullptr;
    QTreeWidget* m_tree = nullptr;
};

}  // namespace ui
