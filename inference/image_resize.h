#pragma once
// Pillow-exact BILINEAR resize of 8-bit images (what `PIL.Image.resize(size, BILINEAR)` returns
// for mode "L" or "RGB"), the resize step of transformers' Gemma3ImageProcessor.
//
// The result is bit-identical to Pillow's ImagingResample: a separable two-pass resample
// (horizontal first, into a uint8 intermediate, then vertical), a triangle filter whose support
// widens by the downscale factor (antialiasing when shrinking), per-output coefficient tables
// normalised to sum 1 and then quantised to 22-bit fixed point, with round-half-up and clipping
// to [0, 255] after each pass. Bilinear interpolation from other libraries (OpenCV INTER_LINEAR,
// non-antialiased torch interpolate) differs by several levels when shrinking.
//
// Thread-safety: pure functions, safe from any thread.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace inference {

// Interleaved 8-bit pixels, `channels` bytes per pixel, rows `strideBytes` apart (>= width *
// channels). Non-owning: the caller keeps the bytes alive during the call.
struct Image8View {
    const std::uint8_t* data = nullptr;
    int width = 0;
    int height = 0;
    int channels = 3;
    std::size_t strideBytes = 0;
};

// Resizes the whole image to outWidth x outHeight (both >= 1; the input must be at least 1x1).
// Returns tightly packed interleaved pixels with the input's channel count.
std::vector<std::uint8_t> resizeBilinearPil(const Image8View& image, int outWidth, int outHeight);

}  // namespace inference
