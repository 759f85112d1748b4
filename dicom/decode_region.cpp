// decodeRegion: full-resolution parts of frames, for photographs shown shrunk.
#include <algorithm>

#include "dicom/detail/member_store.h"
#include "dicom/detail/photo_decoder.h"
#include "dicom/detail/scan_file.h"
#include "dicom/loader.h"

namespace dicom {
namespace {

template <typename T>
std::vector<T> cropValues(const std::vector<T>& values, int width, int channels, int x, int y, int w, int h) {
    std::vector<T> out;
    out.reserve(std::size_t(w) * std::size_t(h) * std::size_t(channels));
    for (int row = y; row < y + h; ++row) {
        const auto first = values.begin() + std::ptrdiff_t((std::size_t(row) * std::size_t(width) + std::size_t(x)) *
                                                           std::size_t(channels));
        out.insert(out.end(), first, first + std::ptrdiff_t(w) * channels);
    }
    return out;
}

Result<Image> crop(Image image, const PixelRect& r, const std::string& path) {
    const int x0 = std::max(r.x, 0), y0 = std::max(r.y, 0);
    const int x1 = std::min(r.x + r.width, image.width), y1 = std::min(r.y + r.height, image.height);
    if (x1 <= x0 || y1 <= y0) return Error{ErrorCode::FrameOutOfRange, path + ": the region lies outside the frame"};
    const int w = x1 - x0, h = y1 - y0;
    image.grey = cropValues(image.grey, image.width, 1, x0, y0, image.isGrey() ? w : 0, image.isGrey() ? h : 0);
    image.rgb8 = cropValues(image.rgb8, image.width, 3, x0, y0, image.rgb8.empty() ? 0 : w, image.rgb8.empty() ? 0 : h);
    image.rgb16 =
        cropValues(image.rgb16, image.width, 3, x0, y0, image.rgb16.empty() ? 0 : w, image.rgb16.empty() ? 0 : h);
    image.width = w;
    image.height = h;
    return image;
}

}  // namespace

Result<Image> decodeRegion(const InstanceInfo& instance, int frame, const PixelRect& region) {
    const auto local = detail::localPathFor(instance.path);
    if (!local) return local.error();
    const bool photograph = instance.kind == SourceKind::Photograph ||
                            (instance.sopClassUid.empty() && detail::isPhotographFile(local.value()));
    if (photograph) {
        auto part = detail::decodePhotographRegion(local.value(), frame, region);
        if (!part) return detail::renamePath(part.error(), local.value(), instance.path);
        return part;
    }
    auto image = decodeFrame(instance, frame);
    if (!image) return image.error();
    return crop(std::move(image).value(), region, instance.path);
}

}  // namespace dicom
