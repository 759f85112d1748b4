#pragma once
// Light and dark themes for the whole application: the Fusion style with a matching QPalette,
// remembered in QSettings. The image viewer paints its own black background in both, as
// diagnostic viewers do, so the theme never changes how an image looks.
// Thread-safety: GUI thread only (changes the application's palette and style).

#include <QPalette>
#include <QString>

class QAction;

namespace ui {

enum class Theme { Light, Dark };

QPalette themePalette(Theme theme);
void applyTheme(Theme theme);  // sets the style and palette of the application
Theme savedTheme();            // Light when none was saved
void saveTheme(Theme theme);
Theme currentTheme();  // the theme applyTheme last set (Light before any)

// Makes `light` and `dark` an exclusive, checkable pair that applies and saves the theme.
void bindThemeActions(QAction* light, QAction* dark);

}  // namespace ui
