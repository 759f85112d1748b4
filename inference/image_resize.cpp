#include "inference/image_resize.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace inference {
namespace {

// Pillow keeps 8 bits for the value and 2 bits of headroom in a 32-bit accumulator.
constexpr int kPrecisionBits = 32 - 8 - 2;

// Filter taps of one output sample: input indices [first, first + count) with fixed-point
// weights. All rows share one flat weight table of stride `maxTaps`.
struct ResampleTable {
    int maxTaps = 0;
    std::vector<int> first;
    std::vector<int> count;
    std::vector<std::int32_t> weights;
};

double triangle(double x) {
    x = std::fabs(x);
    return x < 1.0 ? 1.0 - x : 0.0;
}

// Pillow's precompute_coeffs + normalize_coeffs_8bpc for the box [0, inSize) and the bilinear
// filter (support 1). The arithmetic is done in double in Pillow's order so that every weight
// rounds to the same integer.
ResampleTable makeTable(int inSize, int outSize) {
    const double scale = static_cast<double>(static_cast<float>(inSize)) / outSize;
    const double filterScale = std::max(scale, 1.0);
    const double support = 1.0 * filterScale;
    ResampleTable table;
    table.maxTaps = static_cast<int>(std::ceil(support)) * 2 + 1;
    table.first.resize(outSize);
    table.count.resize(outSize);
    table.weights.assign(static_cast<std::size_t>(outSize) * table.maxTaps, 0);
    std::vector<double> taps(table.maxTaps);
    const double inverseScale = 1.0 / filterScale;  // Pillow multiplies by the reciprocal
    for (int xx = 0; xx < outSize; ++xx) {
        const double center = (xx + 0.5) * scale;
        // (int) truncates toward zero exactly like the C cast in Pillow.
        const int xmin = std::max(static_cast<int>(center - support + 0.5), 0);
        const int xmax = std::min(static_cast<int>(center + support + 0.5), inSize) - xmin;
        double sum = 0.0;
        for (int x = 0; x < xmax; ++x) {
            taps[x] = triangle((x + xmin - center + 0.5) * inverseScale);
            sum += taps[x];
        }
        std::int32_t* out = &table.weights[static_cast<std::size_t>(xx) * table.maxTaps];
        for (int x = 0; x < xmax; ++x) {
            const double w = sum != 0.0 ? taps[x] / sum : taps[x];
            const double fixed = w * (1 << kPrecisionBits);
            out[x] = static_cast<std::int32_t>(w < 0 ? fixed - 0.5 : fixed + 0.5);
        }
        table.first[xx] = xmin;
        table.count[xx] = xmax;
    }
    return table;
}

// Rounds a fixed-point accumulator (which started at one half) to a clipped 8-bit value.
std::uint8_t clip8(std::int32_t accumulator) {
    const std::int32_t value = accumulator >> kPrecisionBits;  // arithmetic shift, as Pillow
    return static_cast<std::uint8_t>(std::clamp(value, 0, 255));
}

// One horizontal pass over input rows [rowBegin, rowEnd) into a packed outWidth-wide buffer.
std::vector<std::uint8_t> resampleRows(const Image8View& in, const ResampleTable& table,
                                       int outWidth, int rowBegin, int rowEnd) {
    const int c = in.channels;
    std::vector<std::uint8_t> out(static_cast<std::size_t>(rowEnd - rowBegin) * outWidth * c);
    for (int y = rowBegin; y < rowEnd; ++y) {
        const std::uint8_t* src = in.data + static_cast<std::size_t>(y) * in.strideBytes;
        std::uint8_t* dst = &out[static_cast<std::size_t>(y - rowBegin) * outWidth * c];
        for (int xx = 0; xx < outWidth; ++xx) {
            const std::int32_t* k = &table.weights[static_cast<std::size_t>(xx) * table.maxTaps];
            const std::uint8_t* s = src + static_cast<std::size_t>(table.first[xx]) * c;
            for (int ch = 0; ch < c; ++ch) {
                std::int32_t acc = 1 << (kPrecisionBits - 1);
                for (int x = 0; x < table.count[xx]; ++x) {
                    acc += s[x * c + ch] * k[x];
                }
                dst[xx * c + ch] = clip8(acc);
            }
        }
    }
    return out;
}

// The vertical pass; `in` rows are numbered from `rowOffset` of the source image.
std::vector<std::uint8_t> resampleColumns(const Image8View& in, const ResampleTable& table,
                                          int outHeight, int rowOffset) {
    const int c = in.channels;
    const std::size_t rowBytes = static_cast<std::size_t>(in.width) * c;
    std::vector<std::uint8_t> out(static_cast<std::size_t>(outHeight) * rowBytes);
    for (int yy = 0; yy < outHeight; ++yy) {
        const std::int32_t* k = &table.weights[static_cast<std::size_t>(yy) * table.maxTaps];
        const int first = table.first[yy] - rowOffset;
        std::uint8_t* dst = &out[static_cast<std::size_t>(yy) * rowBytes];
        for (std::size_t i = 0; i < rowBytes; ++i) {
            std::int32_t acc = 1 << (kPrecisionBits - 1);
            for (int y = 0; y < table.count[yy]; ++y) {
                acc += in.data[static_cast<std::size_t>(first + y) * in.strideBytes + i] * k[y];
            }
            dst[i] = clip8(acc);
        }
    }
    return out;
}

std::vector<std::uint8_t> copyPacked(const Image8View& in) {
    const std::size_t rowBytes = static_cast<std::size_t>(in.width) * in.channels;
    std::vector<std::uint8_t> out(rowBytes * in.height);
    for (int y = 0; y < in.height; ++y) {
        std::copy_n(in.data + static_cast<std::size_t>(y) * in.strideBytes, rowBytes,
                    &out[static_cast<std::size_t>(y) * rowBytes]);
    }
    return out;
}

}  // namespace

std::vector<std::uint8_t> resizeBilinearPil(const Image8View& image, int outWidth, int outHeight) {
    assert(image.data && image.width > 0 && image.height > 0 && outWidth > 0 && outHeight > 0);
    assert(image.strideBytes >= static_cast<std::size_t>(image.width) * image.channels);
    const bool horizontal = outWidth != image.width;
    const bool vertical = outHeight != image.height;
    const ResampleTable vTable = makeTable(image.height, outHeight);
    // Only the rows the vertical pass reads go through the horizontal pass.
    const int rowBegin = vTable.first.front();
    const int rowEnd = vTable.first.back() + vTable.count.back();

    std::vector<std::uint8_t> current;
    Image8View view = image;
    int rowOffset = 0;
    if (horizontal) {
        current = resampleRows(image, makeTable(image.width, outWidth), outWidth, rowBegin, rowEnd);
        view = Image8View{current.data(), outWidth, rowEnd - rowBegin, image.channels,
                          static_cast<std::size_t>(outWidth) * image.channels};
        rowOffset = rowBegin;
    }
    if (vertical) {
        return resampleColumns(view, vTable, outHeight, rowOffset);
    }
    return horizontal ? current : copyPacked(image);
}

}  // namespace inference
