#pragma once
// Conversions between dicom/'s 8-bit images and QImage.
// Thread-safety: pure functions; safe on any thread (QImage is reentrant).

#include <QImage>

#include "dicom/image.h"

namespace ui {

// Deep copy: Grayscale8 for one channel, RGB888 for three.
QImage toQImage(const dicom::Image8& image);

}  // namespace ui
