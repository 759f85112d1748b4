#pragma once
// dicom::Image: one decoded frame (a DICOM frame or a photograph page), owning its pixels.
// Grey frames hold modality values (after the Modality LUT: Hounsfield units for CT) as float,
// so every later step (VOI windowing, ROI statistics, model-input recipes) works in real units.
// Colour frames hold RGB, 8-bit or 16-bit as the source had it.
// Thread-safety: a plain value; const access from several threads is safe.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace dicom {

enum class PixelFormat {
    Grey32F,  // 1 sample per pixel, float modality values
    Rgb8,     // 3 interleaved samples per pixel, 0..255
    Rgb16,    // 3 interleaved samples per pixel, 0..65535 (16-bit PNG/TIFF, 16-bit DICOM RGB)
};

struct Image {
    int width = 0;   // pixels
    int height = 0;  // pixels
    PixelFormat format = PixelFormat::Grey32F;
    std::vector<float> grey;          // Grey32F: width*height values, row-major (float is exact
                                      // for integers up to 2^24; 32-bit samples beyond round)
    std::vector<std::uint8_t> rgb8;   // Rgb8: width*height*3
    std::vector<std::uint16_t> rgb16; // Rgb16: width*height*3
    bool monochrome1 = false;         // Grey32F only: MONOCHROME1 (display inverts)
    // Grey32F only: the modality values (inclusive range) that Pixel Padding Value / Range Limit
    // mark as outside the scanned field; they take no part in min/max display defaults.
    std::optional<std::pair<float, float>> padding;
    // Photographs only: 1, or the power of two by which a very large picture (a histopathology
    // tile of 20000 px) was shrunk for display; width = full width / reduction. decodeRegion()
    // reads any part at full size.
    int reduction = 1;

    bool isGrey() const { return format == PixelFormat::Grey32F; }
    bool empty() const { return width <= 0 || height <= 0; }
    std::size_t pixelCount() const {
        return static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
    }
};

// An 8-bit image owning its pixels, used for rendered output and model inputs.
struct Image8 {
    int width = 0;
    int height = 0;
    int channels = 1;                 // 1 (grey) or 3 (RGB)
    std::vector<std::uint8_t> pixels; // width*height*channels, row-major, interleaved
};

}  // namespace dicom
