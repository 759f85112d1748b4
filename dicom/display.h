#pragma once
// The display pipeline shared by the viewer and `medgemma-cli render`: VOI windowing (LINEAR,
// LINEAR_EXACT, SIGMOID per PS3.3 C.11.2.1.2), MONOCHROME1 inversion, user inversion.
// Thread-safety: pure functions.

#include <optional>
#include <utility>

#include "dicom/image.h"
#include "dicom/study.h"

namespace dicom {

struct DisplayParams {
    std::optional<WindowPreset> window;  // none: the frame's min/max
    bool invert = false;                 // user inversion, on top of MONOCHROME1
};

// The window a viewer shows first: the first window in the file, else the frame's min/max.
WindowPreset defaultWindow(const InstanceInfo& instance, const Image& image);

// Minimum and maximum modality value of a grey image.
std::pair<float, float> valueRange(const Image& image);

// Renders to 8-bit: grey in -> 1 channel, colour in -> 3 channels.
Image8 renderForDisplay(const Image& image, const DisplayParams& params);

// One value through the VOI function: modality value -> 0..255 (before any inversion).
double applyVoi(double value, const WindowPreset& window);

}  // namespace dicom
