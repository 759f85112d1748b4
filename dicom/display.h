#pragma once
// The display pipeline shared by the viewer and `medgemma-cli render`: VOI windowing (LINEAR,
// LINEAR_EXACT, SIGMOID per PS3.3 C.11.2.1.2) or a VOI LUT, the Presentation LUT Shape with
// MONOCHROME1 inversion, user inversion. Default display (PS3.4 and the viewer's rule): the first
// window in the file, else the first VOI LUT, else the frame's min/max leaving out Pixel Padding.
// Thread-safety: pure functions.

#include <optional>
#include <utility>

#include "dicom/image.h"
#include "dicom/study.h"

namespace dicom {

struct DisplayParams {
    std::optional<WindowPreset> window;  // VOI window; wins over voiLut
    std::optional<VoiLut> voiLut;        // used when there is no window; neither: min/max
    // Unspecified: MONOCHROME1 shows inverted. Identity / Inverse: as the file says, whatever the
    // photometric interpretation (DICOM defines the shape's output as P-values).
    PresentationShape presentation = PresentationShape::Unspecified;
    bool invert = false;                 // user inversion, on top of the above
};

// The window a viewer shows first: the first window in the file, else the frame's min/max
// (without Pixel Padding).
WindowPreset defaultWindow(const InstanceInfo& instance, const Image& image);

// The whole default display: the first window, else the first VOI LUT, else min/max; with the
// file's Presentation LUT Shape.
DisplayParams defaultDisplay(const InstanceInfo& instance, const Image& image);

// Minimum and maximum modality value of a grey image (every pixel).
std::pair<float, float> valueRange(const Image& image);

// Minimum and maximum over the pixels that are not Pixel Padding (Image::padding); the full
// range when every pixel is padding.
std::pair<float, float> displayRange(const Image& image);

// Renders to 8-bit: grey in -> 1 channel, colour in -> 3 channels.
Image8 renderForDisplay(const Image& image, const DisplayParams& params);

// One value through the VOI function: modality value -> 0..255 (before any inversion).
double applyVoi(double value, const WindowPreset& window);

// One value through a VOI LUT: modality value (rounded to the nearest input) -> 0..255, the
// entry scaled from 0 .. 2^bits - 1.
double applyVoiLut(double value, const VoiLut& lut);

// Whether a grey image shows inverted under `shape` (before user inversion).
bool showsInverted(const Image& image, PresentationShape shape);

}  // namespace dicom
