#include "dicom/detail/photo_pixels.h"

#include <algorithm>
#include <cstring>

#include <opencv2/imgproc.hpp>

namespace dicom::detail {

cv::Mat toSupportedDepth(const cv::Mat& m) {
    if (m.depth() == CV_8U || m.depth() == CV_16U) return m;
    double lo = 0, hi = 0;
    cv::minMaxLoc(m.reshape(1), &lo, &hi);
    cv::Mat out;
    const double scale = hi > lo ? 255.0 / (hi - lo) : 1.0;
    m.convertTo(out, CV_8U, scale, -lo * scale);
    return out;
}

cv::Mat toRgbOrder(const cv::Mat& m) {
    cv::Mat out;
    switch (m.channels()) {
    case 1: return m;
    case 4: cv::cvtColor(m, out, cv::COLOR_BGRA2RGB); break;
    default: cv::cvtColor(m, out, cv::COLOR_BGR2RGB); break;
    }
    return out;
}

cv::Mat applyOrientation(const cv::Mat& m, int orientation) {
    cv::Mat out;
    switch (orientation) {
    case 2: cv::flip(m, out, 1); break;                                 // row 0 top, column 0 right
    case 3: cv::rotate(m, out, cv::ROTATE_180); break;                  // row 0 bottom, column 0 right
    case 4: cv::flip(m, out, 0); break;                                 // row 0 bottom, column 0 left
    case 5: cv::transpose(m, out); break;                               // row 0 left, column 0 top
    case 6: cv::rotate(m, out, cv::ROTATE_90_CLOCKWISE); break;         // row 0 right, column 0 top
    case 7: cv::transpose(m, out); cv::flip(out, out, -1); break;       // row 0 right, column 0 bottom
    case 8: cv::rotate(m, out, cv::ROTATE_90_COUNTERCLOCKWISE); break;  // row 0 left, column 0 bottom
    default: return m;
    }
    return out;
}

cv::Mat shrink(const cv::Mat& m, int factor) {
    if (factor <= 1) return m;
    cv::Mat out;
    cv::resize(m, out, cv::Size(std::max(1, m.cols / factor), std::max(1, m.rows / factor)), 0, 0, cv::INTER_AREA);
    return out;
}

Image toImage(const cv::Mat& pixels, int reduction) {
    cv::Mat rgb;
    if (pixels.channels() == 1)
        cv::cvtColor(pixels, rgb, cv::COLOR_GRAY2RGB);
    else
        rgb = pixels;
    if (!rgb.isContinuous()) rgb = rgb.clone();
    Image image;
    image.width = rgb.cols;
    image.height = rgb.rows;
    image.reduction = reduction;
    const std::size_t values = image.pixelCount() * 3;
    if (rgb.depth() == CV_16U) {
        image.format = PixelFormat::Rgb16;
        image.rgb16.resize(values);
        std::memcpy(image.rgb16.data(), rgb.data, values * sizeof(std::uint16_t));
    } else {
        image.format = PixelFormat::Rgb8;
        image.rgb8.assign(rgb.data, rgb.data + values);
    }
    return image;
}

}  // namespace dicom::detail
