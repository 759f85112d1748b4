#pragma once
// The most recently opened files and folders, newest first, kept in QSettings.
// Thread-safety: GUI thread only.

#include <QStringList>

namespace ui {

class RecentPaths {
public:
    static constexpr int kMaximum = 10;

    static QStringList load();
    static void add(const QStringList& paths);  // each path moves to the front
    static void clear();
};

}  // namespace ui
