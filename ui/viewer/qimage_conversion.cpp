#include "ui/viewer/qimage_conversion.h"

#include <cstring>

namespace ui {

QImage toQImage(const dicom::Image8& image) {
    if (image.width <= 0 || image.height <= 0 || image.pixels.empty()) {
        return {};
    }
    const QImage::Format format =
        image.channels == 3 ? QImage::Format_RGB888 : QImage::Format_Grayscale8;
    QImage out(image.width, image.height, format);
    const int rowBytes = image.width * image.channels;
    for (int y = 0; y < image.height; ++y) {
        std::memcpy(out.scanLine(y), image.pixels.data() + static_cast<size_t>(y) * rowBytes,
                    rowBytes);
    }
    return out;
}

}  // namespace ui
