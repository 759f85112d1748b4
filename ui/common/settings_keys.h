#pragma once
// QSettings keys shared by the workstation's widgets and the application.

#include <QString>

namespace ui::settings {

inline QString windowGeometry() { return QStringLiteral("window/geometry"); }
inline QString windowState() { return QStringLiteral("window/state"); }
inline QString splitterState() { return QStringLiteral("window/splitters"); }
inline QString recentPaths() { return QStringLiteral("files/recent"); }
inline QString lastOpenDirectory() { return QStringLiteral("files/lastDirectory"); }
inline QString modelDirectory() { return QStringLiteral("model/directory"); }
inline QString language() { return QStringLiteral("ui/language"); }  // "" = system locale
inline QString overlayVisible() { return QStringLiteral("viewer/overlay"); }

}  // namespace ui::settings
