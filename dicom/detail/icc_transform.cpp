#include "dicom/detail/icc_transform.h"

#include <cstring>
#include <memory>
#include <mutex>

#include <lcms2.h>

namespace dicom::detail {
namespace {

struct ProfileCloser {
    void operator()(void* p) const { cmsCloseProfile(p); }
};
struct TransformCloser {
    void operator()(void* t) const { cmsDeleteTransform(t); }
};
using ProfilePtr = std::unique_ptr<void, ProfileCloser>;
using TransformPtr = std::unique_ptr<void, TransformCloser>;

// A damaged profile is a value to report (by returning false), not a message on stderr.
void silenceLcms() {
    static std::once_flag once;
    std::call_once(once, [] { cmsSetLogErrorHandler(nullptr); });
}

bool describesSrgb(cmsHPROFILE profile) {
    char text[256] = {};
    cmsGetProfileInfoASCII(profile, cmsInfoDescription, "en", "US", text, sizeof text);
    return std::strstr(text, "sRGB") != nullptr;
}

// The lcms2 pixel type of `pixels` as the profile sees them (grey or RGB) and of the result.
bool pixelTypes(const cv::Mat& pixels, cmsColorSpaceSignature space, cmsUInt32Number& in, cmsUInt32Number& out) {
    const bool deep = pixels.depth() == CV_16U;
    if (pixels.depth() != CV_8U && !deep) return false;
    out = deep ? TYPE_RGB_16 : TYPE_RGB_8;
    if (space == cmsSigRgbData && pixels.channels() == 3) {
        in = out;
        return true;
    }
    if (space == cmsSigGrayData && pixels.channels() == 1) {
        in = deep ? TYPE_GRAY_16 : TYPE_GRAY_8;
        return true;
    }
    return false;
}

}  // namespace

bool convertToSrgb(cv::Mat& pixels, const std::vector<std::uint8_t>& profile) {
    if (profile.empty() || pixels.empty()) return false;
    silenceLcms();
    ProfilePtr source(cmsOpenProfileFromMem(profile.data(), cmsUInt32Number(profile.size())));
    if (!source || describesSrgb(source.get())) return false;
    cmsUInt32Number inType = 0, outType = 0;
    if (!pixelTypes(pixels, cmsGetColorSpace(source.get()), inType, outType)) return false;
    ProfilePtr srgb(cmsCreate_sRGBProfile());
    TransformPtr transform(cmsCreateTransform(source.get(), inType, srgb.get(), outType,
                                              INTENT_RELATIVE_COLORIMETRIC, 0));
    if (!transform) return false;
    cv::Mat input = pixels.isContinuous() ? pixels : pixels.clone();
    cv::Mat output(input.rows, input.cols, CV_MAKETYPE(input.depth(), 3));
    // Row by row: lcms2 counts pixels in 32-bit numbers, and a 20000 x 20000 picture exceeds it.
    for (int y = 0; y < input.rows; ++y)
        cmsDoTransform(transform.get(), input.ptr(y), output.ptr(y), cmsUInt32Number(input.cols));
    pixels = output;
    return true;
}

}  // namespace dicom::detail
