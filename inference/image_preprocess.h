#pragma once
// The engine's image preprocessing, equal to transformers' Gemma3ImageProcessor (slow, PIL
// path): convert to RGB, resize the whole image to the configured size with Pillow's BILINEAR
// filter (no padding, aspect ratio not kept), rescale (x * rescale_factor), normalise
// ((x - mean) / std), channel-first float32. Optional pan-and-scan adds crops of a wide or tall
// image (spec §8.3). Padding to a square or windowing are application recipes applied before.
//
// Thread-safety: pure functions, safe from any thread. Units: pixels.

#include <cstdint>
#include <string>
#include <vector>

#include "inference/config.h"
#include "inference/image_resize.h"
#include "inference/result.h"

namespace inference {

// One preprocessed image: values [3, height, width], channel-first, row-major, float32.
struct PixelValues {
    int height = 0;
    int width = 0;
    std::vector<float> chw;
};

// A crop of the source image, in source pixels.
struct CropRect {
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;
};

// The whole image followed by its pan-and-scan crops (none when pan-and-scan is off or not
// triggered by the aspect ratio). Each entry becomes one image block in the prompt.
struct PreprocessedImage {
    std::vector<PixelValues> tiles;  // tiles[0] is the whole image
    int numCrops() const { return static_cast<int>(tiles.size()) - 1; }
};

// Preprocesses one image. Accepts 1 (grey), 3 (RGB) or 4 (RGBA, alpha dropped as PIL's
// convert("RGB") does) channels of 8-bit data. Fails with InvalidRequest on an empty image or
// an unsupported channel count.
Result<PixelValues> preprocessImage(const Image8View& image, const PreprocessorConfig& config);

// Preprocesses the image and, when config.doPanAndScan is set, its crops.
Result<PreprocessedImage> preprocessImageWithCrops(const Image8View& image,
                                                   const PreprocessorConfig& config);

// Gemma3ImageProcessor.pan_and_scan: the crop grid for a width x height image, row-major;
// empty when the aspect ratio is below the activation ratio or the crops would be too small.
// The last row/column of crops is clipped to the image, as numpy slicing does.
std::vector<CropRect> panAndScanCrops(int width, int height, const PreprocessorConfig& config);

// Text that replaces the single image marker `boiToken` of an image that has `numCrops` crops
// (Gemma3Processor): "Here is the original image <boi> and here are some crops to help you see
// better <boi> <boi>...". With no crops it is `boiToken` itself. Every marker in the result is
// afterwards expanded into a full image block like any other.
std::string panAndScanPromptText(int numCrops, const std::string& boiToken);

}  // namespace inference
