#include "dicom/image_io.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace dicom {

Status writePng(const Image8& image, const std::string& path) {
    const bool shapeOk = image.width > 0 && image.height > 0 && (image.channels == 1 || image.channels == 3) &&
                         image.pixels.size() == std::size_t(image.width) * std::size_t(image.height) *
                                                    std::size_t(image.channels);
    if (!shapeOk) return Error{ErrorCode::Internal, path + ": the image to write is empty or inconsistent"};
    const cv::Mat view(image.height, image.width, image.channels == 1 ? CV_8UC1 : CV_8UC3,
                       const_cast<std::uint8_t*>(image.pixels.data()));
    cv::Mat bgr;
    if (image.channels == 3)
        cv::cvtColor(view, bgr, cv::COLOR_RGB2BGR);  // OpenCV writes BGR order
    else
        bgr = view;
    try {
        if (cv::imwrite(path, bgr)) return {};
    } catch (const cv::Exception& e) {
        return Error{ErrorCode::WriteFailed, path + ": the PNG cannot be written (" + e.what() + ")"};
    }
    return Error{ErrorCode::WriteFailed, path + ": the PNG cannot be written"};
}

}  // namespace dicom
