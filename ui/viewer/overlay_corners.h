#pragma once
// The four-corner text over an image (patient, study and series, slice, window and spacing),
// drawn so it stays legible on black and on white images (a dark outline around light text)
// and never runs into the opposite corner in a small viewport (lines are elided to half the
// width).
// Thread-safety: GUI thread (paints with a QPainter).

#include <QRect>
#include <QString>

class QPainter;

namespace ui {

struct CornerTexts {
    QString topLeft;
    QString topRight;
    QString bottomLeft;
    QString bottomRight;
};

// `area`: the widget rectangle less a margin, in device-independent pixels.
void paintOverlayCorners(QPainter& painter, const QRect& area, const CornerTexts& texts);

}  // namespace ui
