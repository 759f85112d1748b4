// The dermatology photograph of the sample study: skin with gentle lighting falloff and
// texture, an irregular pigmented lesion, and a ruler with millimetre ticks.
#include "dicom/detail/sample_phantoms.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

namespace dicom::detail {
namespace {

using Rgb = std::array<double, 3>;

Rgb mix(const Rgb& a, const Rgb& b, double t) {
    return {a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t};
}

double smoothstep(double e0, double e1, double x) {
    const double t = std::clamp((x - e0) / (e1 - e0), 0.0, 1.0);
    return t * t * (3 - 2 * t);
}

double texture(int x, int y) {
    std::uint32_t h = std::uint32_t(x) * 2654435761u ^ std::uint32_t(y) * 40503u;
    h ^= h >> 16;
    h *= 0x7feb352du;
    h ^= h >> 15;
    return double(h % 9u) - 4.0 + 3.0 * std::sin(x * 0.05) * std::sin(y * 0.07);
}

Rgb skin(int x, int y, int width, int height) {
    const double dx = (x - width * 0.5) / width, dy = (y - height * 0.45) / height;
    const double light = 1.0 - 0.35 * (dx * dx + dy * dy);
    const double t = texture(x, y);
    return {(222 + t) * light, (178 + t) * light, (150 + t * 0.8) * light};
}

// Irregular outline: a radius that wobbles with the angle, as a nevus border does.
double lesionRadius(double angle) {
    return 1.0 + 0.10 * std::sin(3 * angle + 0.4) + 0.06 * std::sin(5 * angle + 1.3) + 0.03 * std::sin(11 * angle);
}

Rgb withLesion(const Rgb& background, int x, int y) {
    const double dx = (x - 300.0) / 70.0, dy = (y - 200.0) / 52.0;
    const double rho = std::hypot(dx, dy) / lesionRadius(std::atan2(dy, dx));
    if (rho > 1.05) return background;
    Rgb pigment = mix({75, 45, 35}, {150, 100, 78}, std::pow(std::min(rho, 1.0), 1.5));
    const double blotch = std::hypot(x - 282.0, y - 186.0) / 18.0;
    if (blotch < 1.0) pigment = mix({55, 35, 30}, pigment, smoothstep(0.6, 1.0, blotch));
    return mix(pigment, background, smoothstep(0.93, 1.05, rho));
}

void drawRuler(cv::Mat& rgb, double pixelsPerMm) {
    const int top = 395, bottom = 455, left = 40, right = 620;
    cv::rectangle(rgb, {left, bottom}, {right, bottom + 4}, cv::Scalar(120, 90, 75), cv::FILLED);  // shadow
    cv::rectangle(rgb, {left, top}, {right, bottom}, cv::Scalar(236, 236, 228), cv::FILLED);
    cv::rectangle(rgb, {left, top}, {right, bottom}, cv::Scalar(90, 90, 90), 1);
    const cv::Scalar ink(25, 25, 25);
    for (int mm = 0; left + 10 + mm * pixelsPerMm <= right - 10; ++mm) {
        const int x = int(std::lround(left + 10 + mm * pixelsPerMm));
        const int length = mm % 10 == 0 ? 24 : mm % 5 == 0 ? 16 : 9;
        cv::line(rgb, {x, top}, {x, top + length}, ink, mm % 10 == 0 ? 2 : 1);
        if (mm % 10 == 0)
            cv::putText(rgb, std::to_string(mm / 10), {x - 5, top + 44}, cv::FONT_HERSHEY_SIMPLEX, 0.5, ink, 1,
                        cv::LINE_AA);
    }
    cv::putText(rgb, "cm", {right - 36, top + 44}, cv::FONT_HERSHEY_SIMPLEX, 0.5, ink, 1, cv::LINE_AA);
}

}  // namespace

Image8 skinLesionPhotograph(int width, int height, double pixelsPerMm) {
    cv::Mat rgb(height, width, CV_8UC3);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const Rgb c = withLesion(skin(x, y, width, height), x, y);
            auto& px = rgb.at<cv::Vec3b>(y, x);
            for (int k = 0; k < 3; ++k) px[k] = cv::saturate_cast<std::uint8_t>(c[std::size_t(k)]);
        }
    }
    drawRuler(rgb, pixelsPerMm);
    Image8 out;
    out.width = width;
    out.height = height;
    out.channels = 3;
    out.pixels.assign(rgb.data, rgb.data + rgb.total() * 3);
    return out;
}

}  // namespace dicom::detail
