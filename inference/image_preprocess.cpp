#include "inference/image_preprocess.h"

#include <algorithm>
#include <cmath>

namespace inference {
namespace {

// PIL convert("RGB"): grey is replicated, alpha is dropped without compositing.
std::vector<std::uint8_t> toPackedRgb(const Image8View& image) {
    std::vector<std::uint8_t> rgb(static_cast<std::size_t>(image.width) * image.height * 3);
    for (int y = 0; y < image.height; ++y) {
        const std::uint8_t* src = image.data + static_cast<std::size_t>(y) * image.strideBytes;
        std::uint8_t* dst = &rgb[static_cast<std::size_t>(y) * image.width * 3];
        for (int x = 0; x < image.width; ++x) {
            for (int c = 0; c < 3; ++c) {
                dst[x * 3 + c] = image.channels == 1 ? src[x] : src[x * image.channels + c];
            }
        }
    }
    return rgb;
}

Status validateImage(const Image8View& image) {
    if (!image.data || image.width <= 0 || image.height <= 0) {
        return makeError(ErrorCode::InvalidRequest, "image is empty");
    }
    if (image.channels != 1 && image.channels != 3 && image.channels != 4) {
        return makeError(ErrorCode::InvalidRequest, "image has " + std::to_string(image.channels) +
                                                        " channels; 1, 3 or 4 are supported");
    }
    if (image.strideBytes < static_cast<std::size_t>(image.width) * image.channels) {
        return makeError(ErrorCode::InvalidRequest, "image row stride is shorter than a row");
    }
    return {};
}

// transformers rescales in float64 and stores float32, then normalises in float32.
PixelValues normalise(const std::vector<std::uint8_t>& rgb, int width, int height,
                      const PreprocessorConfig& config) {
    PixelValues out;
    out.width = width;
    out.height = height;
    const std::size_t plane = static_cast<std::size_t>(width) * height;
    out.chw.resize(plane * 3);
    for (int c = 0; c < 3; ++c) {
        const float mean = static_cast<float>(config.mean[c]);
        const float std = static_cast<float>(config.std[c]);
        float* dst = &out.chw[plane * c];
        for (std::size_t i = 0; i < plane; ++i) {
            const std::uint8_t raw = rgb[i * 3 + c];
            float v = config.doRescale ? static_cast<float>(raw * config.rescaleFactor)
                                       : static_cast<float>(raw);
            if (config.doNormalize) {
                v = (v - mean) / std;
            }
            dst[i] = v;
        }
    }
    return out;
}

PixelValues preprocessValid(const Image8View& image, const PreprocessorConfig& config) {
    std::vector<std::uint8_t> rgb = toPackedRgb(image);
    int width = image.width;
    int height = image.height;
    if (config.doResize) {
        const Image8View packed{rgb.data(), width, height, 3, static_cast<std::size_t>(width) * 3};
        rgb = resizeBilinearPil(packed, static_cast<int>(config.width),
                                static_cast<int>(config.height));
        width = static_cast<int>(config.width);
        height = static_cast<int>(config.height);
    }
    return normalise(rgb, width, height, config);
}

// Number of crops along the long side (Gemma3ImageProcessor.pan_and_scan).
int cropCount(int longSide, int shortSide, const PreprocessorConfig& config) {
    int n = static_cast<int>(std::floor(static_cast<double>(longSide) / shortSide + 0.5));
    n = std::min(static_cast<int>(std::floor(static_cast<double>(longSide) /
                                             static_cast<double>(config.panAndScanMinCropSize))),
                 n);
    n = std::max(2, n);
    return std::min(static_cast<int>(config.panAndScanMaxNumCrops), n);
}

}  // namespace

Result<PixelValues> preprocessImage(const Image8View& image, const PreprocessorConfig& config) {
    if (Status status = validateImage(image); !status) {
        return status.error();
    }
    return preprocessValid(image, config);
}

std::vector<CropRect> panAndScanCrops(int width, int height, const PreprocessorConfig& config) {
    const bool landscape = width >= height;
    const int longSide = landscape ? width : height;
    const int shortSide = landscape ? height : width;
    if (static_cast<double>(longSide) / shortSide < config.panAndScanMinRatioToActivate) {
        return {};
    }
    const int n = cropCount(longSide, shortSide, config);
    const int cropsW = landscape ? n : 1;
    const int cropsH = landscape ? 1 : n;
    const int cropW = (width + cropsW - 1) / cropsW;
    const int cropH = (height + cropsH - 1) / cropsH;
    if (std::min(cropW, cropH) < config.panAndScanMinCropSize) {
        return {};
    }
    std::vector<CropRect> crops;
    for (int r = 0; r < cropsH; ++r) {
        for (int c = 0; c < cropsW; ++c) {
            const int x = cropW * c;
            const int y = cropH * r;
            crops.push_back({x, y, std::min(cropW, width - x), std::min(cropH, height - y)});
        }
    }
    return crops;
}

Result<PreprocessedImage> preprocessImageWithCrops(const Image8View& image,
                                                   const PreprocessorConfig& config) {
    if (Status status = validateImage(image); !status) {
        return status.error();
    }
    PreprocessedImage result;
    result.tiles.push_back(preprocessValid(image, config));
    if (!config.doPanAndScan) {
        return result;
    }
    for (const CropRect& crop : panAndScanCrops(image.width, image.height, config)) {
        Image8View view = image;
        view.data = image.data + static_cast<std::size_t>(crop.y) * image.strideBytes +
                    static_cast<std::size_t>(crop.x) * image.channels;
        view.width = crop.width;
        view.height = crop.height;
        result.tiles.push_back(preprocessValid(view, config));
    }
    return result;
}

std::string panAndScanPromptText(int numCrops, const std::string& boiToken) {
    if (numCrops <= 0) {
        return boiToken;
    }
    std::string text = "Here is the original image " + boiToken +
                       " and here are some crops to help you see better ";
    for (int i = 0; i < numCrops; ++i) {
        text += (i == 0 ? "" : " ") + boiToken;
    }
    return text;
}

}  // namespace inference
