#include "dicom/model_input.h"

#include <algorithm>
#include <cmath>

#include "dicom/display.h"

namespace dicom {
namespace {

// Python's round() and numpy's np.round: halves go to the even neighbour. std::nearbyint does
// that under the default rounding mode.
double roundHalfEven(double v) { return std::nearbyint(v); }

std::uint8_t toByte(double v) { return std::uint8_t(std::clamp(roundHalfEven(v), 0.0, 255.0)); }

Image8 greyToRgb(const std::vector<std::uint8_t>& grey, int width, int height) {
    Image8 out{width, height, 3, std::vector<std::uint8_t>(grey.size() * 3)};
    for (std::size_t i = 0; i < grey.size(); ++i) {
        out.pixels[3 * i] = out.pixels[3 * i + 1] = out.pixels[3 * i + 2] = grey[i];
    }
    return out;
}

// numpy.interp(x, [lo, hi], [0, top]) for x already clipped to [lo, hi], with numpy's float64
// operations: the end points map exactly (hi also when lo == hi), the rest through
// slope * (x - lo) with slope = top / (hi - lo).
double numpyInterp(double x, double lo, double hi, double top) {
    if (x >= hi) return top;
    if (x <= lo) return 0.0;
    const double slope = (top - 0.0) / (hi - lo);
    return slope * (x - lo) + 0.0;
}

// Reference server, window tags present: TraditionalWindow to uint8 (np.round), then
// MONOCHROME1 inverted as 255 - x.
std::vector<std::uint8_t> windowedGrey(const Image& frame, const WindowPreset& window) {
    const double half = std::floor(window.width / 2);  // Python's w // 2 on a float
    const double lo = window.center - half, hi = window.center + half;
    std::vector<std::uint8_t> grey(frame.pixelCount());
    for (std::size_t i = 0; i < grey.size(); ++i)
        grey[i] = toByte(numpyInterp(std::clamp(double(frame.grey[i]), lo, hi), lo, hi, 255.0));
    if (frame.monochrome1)
        for (auto& g : grey) g = std::uint8_t(255 - g);
    return grey;
}

// Reference server without window tags: the modality values are cast back to the stored integer
// type (truncation toward zero; the wrap of negative values into unsigned storage is not copied,
// spec 8.1), unsigned 8-bit data stay as they are; anything else is stretched over the full
// range of its type by numpy.interp and truncated (astype), MONOCHROME1 inverted at that depth
// (max - x), and finally divided by max / 255 and rounded to 8 bits (spec 3.0.1).
std::vector<std::uint8_t> stretchedGrey(const Image& frame, const InstanceInfo& instance) {
    std::vector<double> values(frame.pixelCount());
    for (std::size_t i = 0; i < values.size(); ++i) values[i] = std::trunc(double(frame.grey[i]));
    std::vector<std::uint8_t> grey(values.size());
    if (instance.bitsAllocated == 8 && !instance.pixelSigned) {
        for (std::size_t i = 0; i < grey.size(); ++i) grey[i] = std::uint8_t(std::clamp(values[i], 0.0, 255.0));
        if (frame.monochrome1)
            for (auto& g : grey) g = std::uint8_t(255 - g);
        return grey;
    }
    const double top = instance.bitsAllocated <= 8 ? 255.0 : instance.bitsAllocated <= 16 ? 65535.0 : 4294967295.0;
    const auto [mn, mx] = std::minmax_element(values.begin(), values.end());
    const double lo = values.empty() ? 0 : *mn, hi = values.empty() ? 0 : *mx;
    for (std::size_t i = 0; i < grey.size(); ++i) {
        double v = std::floor(numpyInterp(values[i], lo, hi, top));
        if (frame.monochrome1) v = top - v;
        grey[i] = toByte(top == 255.0 ? v : v / (top / 255.0));
    }
    return grey;
}

std::vector<std::uint8_t> projectionGrey(const Image& frame, const InstanceInfo& instance) {
    if (!instance.windows.empty() && instance.windows.front().width > 0)
        return windowedGrey(frame, instance.windows.front());
    return stretchedGrey(frame, instance);
}

Image8 ctWindows(const Image& frame) {
    static constexpr float kWindows[3][2] = {{-1024.f, 1024.f}, {-135.f, 215.f}, {0.f, 80.f}};
    Image8 out{frame.width, frame.height, 3, std::vector<std::uint8_t>(frame.pixelCount() * 3)};
    for (std::size_t i = 0; i < frame.pixelCount(); ++i) {
        for (int c = 0; c < 3; ++c) {
            const float lo = kWindows[c][0], hi = kWindows[c][1];
            // float32 arithmetic, as the reference notebook casts before scaling.
            const float v = (std::clamp(frame.grey[i], lo, hi) - lo) / (hi - lo) * 255.0f;
            out.pixels[3 * i + c] = toByte(v);
        }
    }
    return out;
}

Image8 minMax(const Image& frame, std::pair<float, float> range) {
    const double mn = range.first, mx = range.second;
    std::vector<std::uint8_t> grey(frame.pixelCount(), 255);
    if (mx > mn) {
        for (std::size_t i = 0; i < grey.size(); ++i) {
            grey[i] = toByte((frame.grey[i] - mn) / (mx - mn) * 255.0);
        }
    }
    return greyToRgb(grey, frame.width, frame.height);
}

Image8 colour(const Image& frame) {
    Image8 out{frame.width, frame.height, 3, {}};
    if (frame.format == PixelFormat::Rgb8) {
        out.pixels = frame.rgb8;
        return out;
    }
    out.pixels.resize(frame.rgb16.size());
    for (std::size_t i = 0; i < frame.rgb16.size(); ++i) {
        out.pixels[i] = toByte(frame.rgb16[i] / 257.0);
    }
    return out;
}

}  // namespace

const char* recipeName(InputRecipe recipe) {
    switch (recipe) {
        case InputRecipe::Projection:
            return "projection";
        case InputRecipe::CtWindows:
            return "ct-3-windows";
        case InputRecipe::MrVolume:
            return "mr-volume-minmax";
        case InputRecipe::Photograph:
            return "photograph";
    }
    return "unknown";
}

std::string recipeDescription(InputRecipe recipe) {
    switch (recipe) {
        case InputRecipe::Projection:
            return "projection (first window c-w//2..c+w//2, else min/max; MONOCHROME1 "
                   "inverted), padded to square";
        case InputRecipe::CtWindows:
            return "ct-3-windows (R -1024..1024 HU, G -135..215 HU, B 0..80 HU), padded to square";
        case InputRecipe::MrVolume:
            return "mr-volume-minmax (one min/max over the acquisition), padded to square";
        case InputRecipe::Photograph:
            return "photograph (8-bit sRGB), padded to square";
    }
    return "unknown";
}

InputRecipe recipeFor(const SeriesInfo& series, const InstanceInfo& instance, const Image& frame) {
    if (!frame.isGrey()) {
        return InputRecipe::Photograph;
    }
    const std::string& modality = series.modality;
    if (modality == "CT" || (modality.empty() && instance.rescaleType == "HU")) {
        return InputRecipe::CtWindows;
    }
    if (modality == "MR") {
        return InputRecipe::MrVolume;
    }
    return InputRecipe::Projection;
}

Image8 applyRecipe(const Image& frame, const InstanceInfo& instance, InputRecipe recipe,
                   const std::pair<float, float>* volumeRange) {
    if (!frame.isGrey()) {
        return colour(frame);
    }
    switch (recipe) {
        case InputRecipe::CtWindows:
            return ctWindows(frame);
        case InputRecipe::MrVolume:
            return minMax(frame, volumeRange ? *volumeRange : valueRange(frame));
        case InputRecipe::Projection:
        case InputRecipe::Photograph:
            break;
    }
    return greyToRgb(projectionGrey(frame, instance), frame.width, frame.height);
}

Image8 padToSquare(const Image8& image) {
    const int side = std::max(image.width, image.height);
    if (image.width == image.height) {
        return image;
    }
    Image8 out{side, side, image.channels,
               std::vector<std::uint8_t>(std::size_t(side) * side * image.channels, 0)};
    const int left = (side - image.width) / 2;
    const int top = (side - image.height) / 2;
    const std::size_t row = std::size_t(image.width) * image.channels;
    for (int y = 0; y < image.height; ++y) {
        std::copy_n(image.pixels.begin() + std::ptrdiff_t(y * row), row,
                    out.pixels.begin() +
                        std::ptrdiff_t((std::size_t(top + y) * side + left) * image.channels));
    }
    return out;
}

Image8 modelInputForFrame(const Image& frame, const InstanceInfo& instance, InputRecipe recipe) {
    return padToSquare(applyRecipe(frame, instance, recipe));
}

std::vector<int> sampleVolumeIndices(int count, int maxSlices) {
    std::vector<int> indices;
    if (count <= maxSlices) {
        for (int i = 0; i < count; ++i) {
            indices.push_back(i);
        }
        return indices;
    }
    for (int i = 1; i <= maxSlices; ++i) {
        indices.push_back(int(roundHalfEven(double(i) / maxSlices * (count - 1))));
    }
    return indices;
}

}  // namespace dicom
