#pragma once
// Help ▸ Keyboard shortcuts and Help ▸ About.
// Thread-safety: GUI thread only.

#include <QList>
#include <QString>

class QAction;
class QWidget;

namespace ui {

void showShortcutsDialog(QWidget* parent, const QList<QAction*>& actions);
void showAboutDialog(QWidget* parent, const QString& versionReport);

// The text of the shortcuts table: one "shortcut — action" line per action with a shortcut,
// plus the mouse gestures of the viewer.
QString shortcutsText(const QList<QAction*>& actions);

}  // namespace ui
