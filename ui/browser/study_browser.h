#pragma once
// The study browser: patient -> study -> series tree of everything opened, with a filter box.
// The tree is listed at once; each series' thumbnail is rendered in the background
// (ThumbnailLoader) and appears when ready. Selecting a series asks the viewer to show it.
// While nothing is open, the recently opened studies are listed for reopening with one click.
// Thread-safety: GUI thread only.

#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace ui {

class StudySession;
class ThumbnailLoader;

class StudyBrowser : public QWidget {
    Q_OBJECT
public:
    explicit StudyBrowser(StudySession& session, QWidget* parent = nullptr);

    void selectSeries(const QString& seriesUid);
    void focusFilter();  // puts the keyboard in the filter box, its text selected
    // Files and folders opened before, newest first; listed while the session is empty.
    void setRecentPaths(const QStringList& paths);
    QListWidget* recentList() const { return m_recent; }
    QTreeWidget* tree() const { return m_tree; }
    ThumbnailLoader* thumbnails() const { return m_thumbnails; }
    // The row of a series; null when it is not listed.
    QTreeWidgetItem* seriesItemOf(const QString& seriesUid) const;

Q_SIGNALS:
    void seriesActivated(const QString& seriesUid);
    void openRequested(const QString& path);  // a recent study was clicked

private:
    void rebuild();
    void applyFilter(const QString& text);
    void showThumbnail(const QString& seriesUid);
    void updateRecentVisibility();
    void onCurrentItemChanged(QTreeWidgetItem* current);

    StudySession& m_session;
    QLineEdit* m_filter = nullptr;
    QTreeWidget* m_tree = nullptr;
    ThumbnailLoader* m_thumbnails = nullptr;
    QLabel* m_recentTitle = nullptr;
    QListWidget* m_recent = nullptr;
};

}  // namespace ui
