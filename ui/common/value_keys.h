#pragma once
// Arrow and paging keys belong to the widget that changes a value with them (a combo box, a
// spin box, a slider) while it has the keyboard focus. The main window's single-key shortcuts
// (Up/Down step through images) would otherwise take them first, because Qt offers a key to
// shortcuts before the focus widget unless that widget claims it (ShortcutOverride), and these
// widgets do not. With the focus anywhere else the shortcuts keep the keys.
// Ownership: a QObject; install with installValueKeyPriority(), which parents it to `owner`.
// Thread-safety: GUI thread only.

#include <QObject>

namespace ui {

// Filters the application's events for as long as `owner` lives.
void installValueKeyPriority(QObject* owner);

}  // namespace ui
