#include "dicom/display.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace dicom {
namespace {

// Integer-valued frames (every CT, MR, CR decoded with integer rescale) are mapped through a
// table built once over their value range: one lookup per pixel, whatever the VOI function.
constexpr double kMaxLutSpan = double(1 << 20);

struct Survey {
    float lo = 0, hi = 0;            // every pixel
    float shownLo = 0, shownHi = 0;  // pixels outside Pixel Padding
    bool integral = true;
};

bool isPadding(float v, const std::optional<std::pair<float, float>>& padding) {
    return padding && v >= padding->first && v <= padding->second;
}

Survey survey(const Image& image) {
    Survey s;
    const auto& values = image.grey;
    if (values.empty()) return s;
    s.lo = s.hi = values.front();
    float shownLo = std::numeric_limits<float>::infinity(), shownHi = -shownLo;
    bool integral = true;
    for (float v : values) {
        s.lo = std::min(s.lo, v);
        s.hi = std::max(s.hi, v);
        integral &= (v == std::nearbyint(v));
        if (isPadding(v, image.padding)) continue;
        shownLo = std::min(shownLo, v);
        shownHi = std::max(shownHi, v);
    }
    s.integral = integral && std::isfinite(s.lo) && std::isfinite(s.hi);
    const bool anyShown = shownLo <= shownHi;
    s.shownLo = anyShown ? shownLo : s.lo;
    s.shownHi = anyShown ? shownHi : s.hi;
    return s;
}

WindowPreset rangeWindow(float lo, float hi) {
    WindowPreset w;
    w.center = (double(lo) + double(hi)) / 2.0;
    w.width = std::max(double(hi) - double(lo), 1.0);
    return w;
}

// The VOI stage chosen by the parameters: a window, else a VOI LUT.
struct Voi {
    WindowPreset window;
    const VoiLut* lut = nullptr;
    double operator()(double x) const { return lut ? applyVoiLut(x, *lut) : applyVoi(x, window); }
};

std::uint8_t toByte(double voi, bool invert) {
    const auto v = static_cast<std::uint8_t>(std::lround(std::clamp(voi, 0.0, 255.0)));
    return invert ? std::uint8_t(255 - v) : v;
}

void renderGrey(const Image& image, const Voi& voi, bool invert, const Survey& s, Image8& out) {
    const auto& in = image.grey;
    if (s.integral && double(s.hi) - double(s.lo) < kMaxLutSpan) {
        const auto base = static_cast<long>(s.lo);
        std::vector<std::uint8_t> lut(std::size_t(long(s.hi) - base + 1));
        for (std::size_t i = 0; i < lut.size(); ++i) lut[i] = toByte(voi(double(base + long(i))), invert);
        for (std::size_t i = 0; i < in.size(); ++i) out.pixels[i] = lut[std::size_t(long(in[i]) - base)];
        return;
    }
    for (std::size_t i = 0; i < in.size(); ++i) out.pixels[i] = toByte(voi(in[i]), invert);
}

void renderColour(const Image& image, bool invert, Image8& out) {
    const std::uint8_t flip = invert ? 255 : 0;
    if (image.format == PixelFormat::Rgb8) {
        for (std::size_t i = 0; i < out.pixels.size(); ++i) out.pixels[i] = image.rgb8[i] ^ flip;
        return;
    }
    // 16 bits to 8 by rounding v * 255 / 65535.
    for (std::size_t i = 0; i < out.pixels.size(); ++i)
        out.pixels[i] = std::uint8_t((std::uint32_t(image.rgb16[i]) * 255u + 32767u) / 65535u) ^ flip;
}

}  // namespace

std::pair<float, float> valueRange(const Image& image) {
    if (image.isGrey()) {
        const Survey s = survey(image);
        return {s.lo, s.hi};
    }
    if (image.format == PixelFormat::Rgb8 && !image.rgb8.empty()) {
        const auto [lo, hi] = std::minmax_element(image.rgb8.begin(), image.rgb8.end());
        return {float(*lo), float(*hi)};
    }
    if (image.format == PixelFormat::Rgb16 && !image.rgb16.empty()) {
        const auto [lo, hi] = std::minmax_element(image.rgb16.begin(), image.rgb16.end());
        return {float(*lo), float(*hi)};
    }
    return {0.f, 0.f};
}

std::pair<float, float> displayRange(const Image& image) {
    if (!image.isGrey()) return valueRange(image);
    const Survey s = survey(image);
    return {s.shownLo, s.shownHi};
}

WindowPreset defaultWindow(const InstanceInfo& instance, const Image& image) {
    if (!instance.windows.empty()) return instance.windows.front();
    const auto [lo, hi] = displayRange(image);
    return rangeWindow(lo, hi);
}

DisplayParams defaultDisplay(const InstanceInfo& instance, const Image& image) {
    DisplayParams params;
    params.presentation = instance.presentationShape;
    if (instance.windows.empty() && !instance.voiLuts.empty())
        params.voiLut = instance.voiLuts.front();
    else
        params.window = defaultWindow(instance, image);
    return params;
}

double applyVoi(double x, const WindowPreset& window) {
    const double c = window.center;
    switch (window.function) {
    case VoiFunction::Linear: {
        // PS3.3 C.11.2.1.2.1; a width below 1 is not allowed and is taken as 1, which makes the
        // window a threshold at c - 0.5.
        const double w = std::max(window.width, 1.0);
        if (x <= c - 0.5 - (w - 1) / 2) return 0.0;
        if (x > c - 0.5 + (w - 1) / 2) return 255.0;
        return ((x - (c - 0.5)) / (w - 1) + 0.5) * 255.0;
    }
    case VoiFunction::LinearExact: {
        // PS3.3 C.11.2.1.3.2: any width > 0.
        const double w = window.width;
        if (!(w > 0)) return x > c ? 255.0 : 0.0;
        if (x <= c - w / 2) return 0.0;
        if (x > c + w / 2) return 255.0;
        return ((x - c) / w + 0.5) * 255.0;
    }
    case VoiFunction::Sigmoid: {
        // PS3.3 C.11.2.1.3.1.
        const double w = window.width;
        if (!(w > 0)) return x > c ? 255.0 : 0.0;
        return 255.0 / (1.0 + std::exp(-4.0 * (x - c) / w));
    }
    }
    return 0.0;
}

double applyVoiLut(double x, const VoiLut& lut) {
    if (lut.entries.empty()) return 0.0;
    const double last = double(lut.entries.size() - 1);
    const double index = std::clamp(std::floor(x + 0.5) - lut.firstMapped, 0.0, last);
    const double top = std::ldexp(1.0, std::clamp(lut.bits, 1, 16)) - 1.0;
    return std::min(double(lut.entries[std::size_t(index)]), top) / top * 255.0;
}

bool showsInverted(const Image& image, PresentationShape shape) {
    if (shape == PresentationShape::Unspecified) return image.monochrome1;
    return shape == PresentationShape::Inverse;
}

Image8 renderForDisplay(const Image& image, const DisplayParams& params) {
    Image8 out;
    if (image.empty()) return out;
    out.width = image.width;
    out.height = image.height;
    out.channels = image.isGrey() ? 1 : 3;
    out.pixels.resize(image.pixelCount() * std::size_t(out.channels));
    if (!image.isGrey()) {
        renderColour(image, params.invert, out);
        return out;
    }
    const Survey s = survey(image);
    Voi voi;
    if (params.window)
        voi.window = *params.window;
    else if (params.voiLut)
        voi.lut = &*params.voiLut;
    else
        voi.window = rangeWindow(s.shownLo, s.shownHi);
    renderGrey(image, voi, showsInverted(image, params.presentation) != params.invert, s, out);
    return out;
}

}  // namespace dicom
