#include "dicom/detail/photo_decoder.h"

#include <algorithm>
#include <fstream>
#include <mutex>

#include <opencv2/core.hpp>
#include <opencv2/core/utils/logger.hpp>
#include <opencv2/imgcodecs.hpp>

#include "dicom/detail/icc_transform.h"
#include "dicom/detail/photo_format.h"
#include "dicom/detail/photo_integrity.h"
#include "dicom/detail/photo_metadata.h"
#include "dicom/detail/photo_pixels.h"
#include "dicom/detail/tiff_orientation.h"

namespace dicom::detail {
namespace {

PhotoFormat formatOf(const std::string& path, bool& bigTiff) {
    unsigned char head[32] = {};
    std::ifstream in(path, std::ios::binary);
    in.read(reinterpret_cast<char*>(head), sizeof head);
    const PhotoFormat sniffed = sniffPhotoFormat(head, std::size_t(in.gcount()));
    bigTiff = sniffed == PhotoFormat::Tiff && (head[2] == '+' || head[3] == '+');
    return sniffed != PhotoFormat::None ? sniffed : photoFormatFromExtension(path);
}

Error fail(ErrorCode code, const std::string& path, const std::string& reason) { return {code, path + ": " + reason}; }

// The orientation is applied here, from the file's own metadata, for every format alike.
constexpr int kBaseFlags = cv::IMREAD_ANYDEPTH | cv::IMREAD_ANYCOLOR | cv::IMREAD_IGNORE_ORIENTATION;

int jpegScaleFlag(int factor) {
    return factor >= 8 ? cv::IMREAD_REDUCED_COLOR_8 : factor == 4 ? cv::IMREAD_REDUCED_COLOR_4 : cv::IMREAD_REDUCED_COLOR_2;
}

// Decodes page `page`; `factor` > 1 lets the JPEG decoder scale in the DCT domain (the rest of
// the factor, beyond 8, is left to the caller). Returns the factor already applied.
cv::Mat readPixels(const std::string& path, PhotoFormat format, int page, int factor, int& applied) {
    applied = 1;
    if (page > 0) {
        std::vector<cv::Mat> pages;
        if (!cv::imreadmulti(path, pages, page, 1, kBaseFlags) || pages.empty()) return {};
        return pages.front();
    }
    if (format == PhotoFormat::Jpeg && factor > 1) {
        applied = std::min(factor, 8);
        return cv::imread(path, jpegScaleFlag(factor) | cv::IMREAD_IGNORE_ORIENTATION);
    }
    return cv::imread(path, kBaseFlags);
}

struct Decoded {
    cv::Mat pixels;  // RGB order, 8/16-bit, 1 or 3 channels, display orientation, sRGB
    int reduction = 1;
};

Result<Decoded> decode(const std::string& path, int page, bool forDisplay) {
    bool bigTiff = false;
    const PhotoFormat format = formatOf(path, bigTiff);
    // OpenCV's TIFF reader knows classic TIFF only; the header is read, the pixels cannot be.
    if (bigTiff) return fail(ErrorCode::UnsupportedSyntax, path, "BigTIFF pictures cannot be decoded by this version");
    if (Status complete = checkPhotoComplete(path, format); !complete) return complete.error();
    auto header = readPhotoHeader(path, format);
    if (!header) return fail(header.error().code, path, header.error().message);
    if (page < 0 || page >= header->pages)
        return fail(ErrorCode::FrameOutOfRange, path, "page " + std::to_string(page + 1) + " requested of " +
                                                          std::to_string(header->pages));
    if (std::uint64_t(header->width) * std::uint64_t(header->height) > kMaxPhotoPixels)
        return fail(ErrorCode::TooLarge, path, "the photograph has more than a gigapixel");
    const int factor = forDisplay ? displayReduction(std::uint64_t(header->width), std::uint64_t(header->height)) : 1;
    // Damaged files are reported through the result; OpenCV's own warnings would only repeat it.
    static std::once_flag quiet;
    std::call_once(quiet, [] { cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_SILENT); });
    Decoded out;
    try {
        int applied = 1;
        cv::Mat m = readPixels(path, format, page, factor, applied);
        if (m.empty()) return fail(ErrorCode::Corrupt, path, "the photograph is damaged or truncated");
        const int decodedDepth = m.depth();
        m = shrink(toRgbOrder(toSupportedDepth(m)), factor / applied);
        const PhotoMetadata meta = readPhotoMetadata(path, format, page);
        convertToSrgb(m, meta.iccProfile);
        // OpenCV's TIFF decoder turns some pages itself; only what it leaves is applied here.
        const int orientation = format == PhotoFormat::Tiff ? residualTiffOrientation(meta.orientation, decodedDepth)
                                                            : meta.orientation;
        out.pixels = applyOrientation(m, orientation);
        out.reduction = factor;
    } catch (const cv::Exception& e) {
        return fail(ErrorCode::Corrupt, path, std::string("the photograph cannot be decoded (") + e.what() + ")");
    }
    return out;
}

}  // namespace

int displayReduction(std::uint64_t width, std::uint64_t height) {
    int factor = 1;
    while (factor < 1024 && (width / std::uint64_t(factor) > std::uint64_t(kDisplayMaxSide) ||
                             height / std::uint64_t(factor) > std::uint64_t(kDisplayMaxSide) ||
                             (width / std::uint64_t(factor)) * (height / std::uint64_t(factor)) > kDisplayMaxPixels))
        factor *= 2;
    return factor;
}

Result<Image> decodePhotograph(const std::string& path, int frame) {
    auto decoded = decode(path, frame, true);
    if (!decoded) return decoded.error();
    return toImage(decoded->pixels, decoded->reduction);
}

Result<Image> decodePhotographRegion(const std::string& path, int frame, const PixelRect& region) {
    auto decoded = decode(path, frame, false);
    if (!decoded) return decoded.error();
    const cv::Mat& m = decoded->pixels;
    const cv::Rect wanted = cv::Rect(region.x, region.y, region.width, region.height) & cv::Rect(0, 0, m.cols, m.rows);
    if (wanted.empty()) return fail(ErrorCode::FrameOutOfRange, path, "the region lies outside the picture");
    return toImage(m(wanted), 1);
}

}  // namespace dicom::detail
