#include "dicom/detail/photo_decoder.h"

#include <cstring>
#include <fstream>
#include <mutex>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/core/utils/logger.hpp>

#include "dicom/detail/photo_format.h"
#include "dicom/detail/photo_integrity.h"

namespace dicom::detail {
namespace {

// Any depth other than 8 or 16 bits (32-bit float TIFF, signed) is stretched to 8 bits.
cv::Mat toSupportedDepth(const cv::Mat& m) {
    if (m.depth() == CV_8U || m.depth() == CV_16U) return m;
    double lo = 0, hi = 0;
    cv::minMaxLoc(m.reshape(1), &lo, &hi);
    cv::Mat out;
    const double scale = hi > lo ? 255.0 / (hi - lo) : 1.0;
    m.convertTo(out, CV_8U, scale, -lo * scale);
    return out;
}

cv::Mat toRgb(const cv::Mat& m) {
    cv::Mat rgb;
    switch (m.channels()) {
    case 1: cv::cvtColor(m, rgb, cv::COLOR_GRAY2RGB); break;
    case 4: cv::cvtColor(m, rgb, cv::COLOR_BGRA2RGB); break;
    default: cv::cvtColor(m, rgb, cv::COLOR_BGR2RGB); break;
    }
    return rgb.isContinuous() ? rgb : rgb.clone();
}

PhotoFormat formatOf(const std::string& path) {
    unsigned char head[32] = {};
    std::ifstream in(path, std::ios::binary);
    in.read(reinterpret_cast<char*>(head), sizeof head);
    const PhotoFormat sniffed = sniffPhotoFormat(head, std::size_t(in.gcount()));
    return sniffed != PhotoFormat::None ? sniffed : photoFormatFromExtension(path);
}

}  // namespace

Result<Image> decodePhotograph(const std::string& path) {
    if (Status complete = checkPhotoComplete(path, formatOf(path)); !complete) return complete.error();
    // Damaged files are reported through the result; OpenCV's own warnings would only repeat it.
    static std::once_flag quiet;
    std::call_once(quiet, [] { cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_SILENT); });
    cv::Mat decoded;
    try {
        // ANYDEPTH keeps 16-bit PNG/TIFF; ANYCOLOR drops alpha and keeps grey as one channel;
        // leaving out IMREAD_IGNORE_ORIENTATION applies the EXIF orientation.
        decoded = cv::imread(path, cv::IMREAD_ANYDEPTH | cv::IMREAD_ANYCOLOR);
    } catch (const cv::Exception& e) {
        return Error{ErrorCode::Corrupt, path + ": the photograph cannot be decoded (" + e.what() + ")"};
    }
    if (decoded.empty()) return Error{ErrorCode::Corrupt, path + ": the photograph is damaged or truncated"};
    const cv::Mat rgb = toRgb(toSupportedDepth(decoded));
    Image image;
    image.width = rgb.cols;
    image.height = rgb.rows;
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
