#include "ui/common/recent_paths.h"

#include <QFileInfo>
#include <QSettings>

#include "ui/common/settings_keys.h"

namespace ui {

QStringList RecentPaths::load() {
    return QSettings().value(settings::recentPaths()).toStringList();
}

void RecentPaths::add(const QStringList& paths) {
    QStringList recent = load();
    for (auto it = paths.crbegin(); it != paths.crend(); ++it) {
        const QString absolute = QFileInfo(*it).absoluteFilePath();
        recent.removeAll(absolute);
        recent.prepend(absolute);
    }
    while (recent.size() > kMaximum) {
        recent.removeLast();
    }
    QSettings().setValue(settings::recentPaths(), recent);
}

void RecentPaths::clear() { QSettings().remove(settings::recentPaths()); }

}  // namespace ui
