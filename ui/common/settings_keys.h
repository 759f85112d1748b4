#pragma once
// QSettings keys shared by the workstation's widgets and the application.

#include <QString>

namespace ui::settings {

inline QString windowGeometry() { return QStringLiteral("window/geometry"); }
inline QString windowState() { return QStringLiteral("window/state"); }
inline QString splitterState() { return QStringLiteral("window/splitters"); }
// The assistant above the report editor; which assistant tab was open.
inline QString rightSplitterState() { return QStringLiteral("window/rightSplitter"); }
inline QString assistantTab() { return QStringLiteral("window/assistantTab"); }
inline QString recentPaths() { return QStringLiteral("files/recent"); }
inline QString lastOpenDirectory() { return QStringLiteral("files/lastDirectory"); }
inline QString modelDirectory() { return QStringLiteral("model/directory"); }
inline QString language() { return QStringLiteral("ui/language"); }  // "" = system locale
inline QString overlayVisible() { return QStringLiteral("viewer/overlay"); }
// DICOM overlay planes (60xx) shown; the number of viewports (1, 2 or 4).
inline QString overlayPlanesVisible() { return QStringLiteral("viewer/overlayPlanes"); }
inline QString viewerLayout() { return QStringLiteral("viewer/layout"); }

// The assistant and the model manager.
inline QString samplingPrefix() { return QStringLiteral("assistant/sampling/"); }
inline QString outputLanguage() { return QStringLiteral("assistant/outputLanguage"); }
inline QString lastTemplate() { return QStringLiteral("assistant/template"); }
inline QString lastRecordDirectory() { return QStringLiteral("assistant/recordDirectory"); }
inline QString modelDevice() { return QStringLiteral("model/device"); }        // "cpu" / "cuda"
inline QString modelPrecision() { return QStringLiteral("model/precision"); }  // "bfloat16" / "float32"
inline QString theme() { return QStringLiteral("ui/theme"); }                  // "light" / "dark"

}  // namespace ui::settings
