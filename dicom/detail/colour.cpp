#include "dicom/detail/colour.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace dicom::detail {
namespace {

using Triple = std::array<double, 3>;

// Where the three samples of pixel `p` sit in the unpacked frame.
Triple samplesOf(const std::vector<std::int64_t>& s, const PixelLayout& l, std::size_t p, std::size_t n) {
    if (l.photometric == Photometric::YbrFull422) {
        // Two pixels share one Cb and one Cr: Y0 Y1 Cb Cr (PS3.3 C.7.6.3.1.2).
        const std::size_t pair = (p / 2) * 4;
        return {double(s[pair + p % 2]), double(s[pair + 2]), double(s[pair + 3])};
    }
    if (l.planarConfiguration == 1) return {double(s[p]), double(s[n + p]), double(s[2 * n + p])};
    return {double(s[3 * p]), double(s[3 * p + 1]), double(s[3 * p + 2])};
}

// YCbCr full range to RGB with the coefficients of PS3.3 C.7.6.3.1.2; chroma is centred on
// half the stored range (128 for 8 bits).
Triple ybrToRgb(const Triple& ybr, double centre) {
    const double y = ybr[0], cb = ybr[1] - centre, cr = ybr[2] - centre;
    return {y + 1.402 * cr, y - 0.344136 * cb - 0.714136 * cr, y + 1.772 * cb};
}

bool isYbr(Photometric p) { return p == Photometric::YbrFull || p == Photometric::YbrFull422; }

Image rgbImage(const PixelLayout& l, bool deep) {
    Image image;
    image.width = l.columns;
    image.height = l.rows;
    image.format = deep ? PixelFormat::Rgb16 : PixelFormat::Rgb8;
    if (deep)
        image.rgb16.resize(image.pixelCount() * 3);
    else
        image.rgb8.resize(image.pixelCount() * 3);
    return image;
}

void store(Image& image, std::size_t index, double value, double maxOut) {
    const double v = std::clamp(std::round(value), 0.0, maxOut);
    if (image.format == PixelFormat::Rgb16)
        image.rgb16[index] = static_cast<std::uint16_t>(v);
    else
        image.rgb8[index] = static_cast<std::uint8_t>(v);
}

}  // namespace

Image colourFrame(const std::vector<std::int64_t>& samples, const PixelLayout& l) {
    const bool deep = l.bitsAllocated > 8;
    Image image = rgbImage(l, deep);
    const double maxOut = deep ? 65535.0 : 255.0;
    const double maxIn = std::ldexp(1.0, l.bitsStored) - 1.0;
    const double scale = maxOut / maxIn;
    const double centre = std::ldexp(1.0, l.bitsStored - 1);
    const bool ybr = isYbr(l.photometric);
    const std::size_t n = image.pixelCount();
    for (std::size_t p = 0; p < n; ++p) {
        Triple t = samplesOf(samples, l, p, n);
        if (ybr) t = ybrToRgb(t, centre);
        for (std::size_t c = 0; c < 3; ++c) store(image, 3 * p + c, std::clamp(t[c], 0.0, maxIn) * scale, maxOut);
    }
    return image;
}

Image paletteFrame(const std::vector<std::int64_t>& indices, const PixelLayout& l,
                   const Lut& red, const Lut& green, const Lut& blue) {
    const bool deep = red.bits > 8 || green.bits > 8 || blue.bits > 8;
    Image image = rgbImage(l, deep);
    const std::array<const Lut*, 3> luts = {&red, &green, &blue};
    std::array<double, 3> scale{};
    for (std::size_t c = 0; c < 3; ++c) scale[c] = (deep && luts[c]->bits <= 8) ? 257.0 : 1.0;
    const double maxOut = deep ? 65535.0 : 255.0;
    const std::size_t n = image.pixelCount();
    for (std::size_t p = 0; p < n; ++p) {
        for (std::size_t c = 0; c < 3; ++c)
            store(image, 3 * p + c, luts[c]->lookup(indices[p]) * scale[c], maxOut);
    }
    return image;
}

}  // namespace dicom::detail
