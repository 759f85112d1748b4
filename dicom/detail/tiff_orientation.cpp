#include "dicom/detail/tiff_orientation.h"

#include <array>
#include <cstdint>
#include <mutex>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "dicom/detail/photo_pixels.h"

namespace dicom::detail {
namespace {

using Bytes = std::vector<std::uint8_t>;

void put16(Bytes& b, unsigned v) {
    b.push_back(std::uint8_t(v));
    b.push_back(std::uint8_t(v >> 8));
}

void put32(Bytes& b, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) b.push_back(std::uint8_t(v >> (8 * i)));
}

// 3 x 2 pixels, each its own grey level: every orientation gives a different picture.
cv::Mat probePixels(int depth) {
    cv::Mat m(2, 3, CV_MAKETYPE(depth, 1));
    for (int y = 0; y < 2; ++y)
        for (int x = 0; x < 3; ++x) {
            const int v = 10 + 40 * (3 * y + x);
            if (depth == CV_16U)
                m.at<std::uint16_t>(y, x) = std::uint16_t(v * 257);
            else
                m.at<std::uint8_t>(y, x) = std::uint8_t(v);
        }
    return m;
}

// A baseline grey TIFF in memory: one strip, uncompressed, little endian.
Bytes probeTiff(const cv::Mat& grey, int orientation) {
    const unsigned bits = grey.depth() == CV_16U ? 16 : 8;
    const std::uint32_t bytes = std::uint32_t(grey.total() * grey.elemSize());
    const std::uint32_t entries[][3] = {{256, 3, unsigned(grey.cols)}, {257, 3, unsigned(grey.rows)}, {258, 3, bits},
                                        {259, 3, 1}, {262, 3, 1}, {273, 4, 8 + 2 + 12 * 10 + 4}, {274, 3, unsigned(orientation)},
                                        {277, 3, 1}, {278, 3, unsigned(grey.rows)}, {279, 4, bytes}};
    Bytes out = {'I', 'I', 42, 0};
    put32(out, 8);
    put16(out, 10);
    for (const auto& e : entries) {
        put16(out, e[0]);
        put16(out, e[1]);
        put32(out, 1);
        if (e[1] == 3) {
            put16(out, e[2]);
            put16(out, 0);
        } else {
            put32(out, e[2]);
        }
    }
    put32(out, 0);
    out.insert(out.end(), grey.data, grey.data + bytes);  // little-endian host
    return out;
}

bool same(const cv::Mat& a, const cv::Mat& b) {
    return a.size() == b.size() && a.type() == b.type() && cv::countNonZero(a.reshape(1) != b.reshape(1)) == 0;
}

// For each orientation, the one that turns OpenCV's output into the intended picture.
std::array<int, 9> measure(int depth) {
    std::array<int, 9> residual{};
    const cv::Mat stored = probePixels(depth);
    for (int o = 1; o <= 8; ++o) {
        residual[std::size_t(o)] = o;  // if OpenCV cannot even read the probe, it did nothing
        cv::Mat decoded;
        try {
            decoded = cv::imdecode(probeTiff(stored, o), cv::IMREAD_ANYDEPTH | cv::IMREAD_GRAYSCALE |
                                                             cv::IMREAD_IGNORE_ORIENTATION);
        } catch (const cv::Exception&) {
            continue;
        }
        if (decoded.empty() || decoded.depth() != depth) continue;
        const cv::Mat wanted = applyOrientation(stored, o);
        for (int r = 1; r <= 8; ++r)
            if (same(applyOrientation(decoded, r), wanted)) {
                residual[std::size_t(o)] = r;
                break;
            }
    }
    return residual;
}

}  // namespace

int residualTiffOrientation(int orientation, int depth) {
    static std::once_flag once;
    static std::array<int, 9> eight{}, sixteen{};
    std::call_once(once, [] {
        eight = measure(CV_8U);
        sixteen = measure(CV_16U);
    });
    if (orientation < 1 || orientation > 8) return 1;
    return (depth == CV_16U ? sixteen : eight)[std::size_t(orientation)];
}

}  // namespace dicom::detail
