#pragma once
// Model inputs as Google's published MedGemma pipeline prepares them (spec medgemma-inputs.md
// §3 and §8): every image becomes 8-bit RGB padded to a square with centred black bars; the
// engine then resizes and normalises it. The recipe depends on what the image is:
//   Projection  CR/DX/MG/XA/RF... grey, as the reference server's TraditionalWindow: with a
//               window (the first in the file) lo = c - w//2, hi = c + w//2 and numpy.interp's
//               slope * (clip(x) - lo) to 0..255, rounded half to even, MONOCHROME1 as 255 - x;
//               without one, unsigned 8-bit kept, anything else truncated to integers,
//               stretched over its type's range (16-bit: 0..65535, truncated), MONOCHROME1
//               inverted there, then / 257 rounded. Grey copied to R, G, B.
//   CtWindows   CT in Hounsfield units: R = -1024..1024, G = -135..215, B = 0..80, each
//               round((clip(HU) - lo) / (hi - lo) * 255) in float32, half to even.
//   MrVolume    MR: one min and max over the whole acquisition (or the frame when alone),
//               round((v - min) / (max - min) * 255), grey to RGB.
//   Photograph  colour photographs and colour DICOM: 8-bit sRGB as is (16-bit scaled /257).
// Thread-safety: pure functions.

#include <string>
#include <vector>

#include "dicom/image.h"
#include "dicom/result.h"
#include "dicom/study.h"

namespace dicom {

enum class InputRecipe { Projection, CtWindows, MrVolume, Photograph };

const char* recipeName(InputRecipe recipe);  // "projection", "ct-3-windows", ...
// A one-line description recorded with each request, e.g. "ct-3-windows (R -1024..1024 HU,
// G -135..215 HU, B 0..80 HU), padded to square".
std::string recipeDescription(InputRecipe recipe);

InputRecipe recipeFor(const SeriesInfo& series, const InstanceInfo& instance, const Image& frame);

// The unpadded 8-bit RGB picture of one frame under `recipe`. For MrVolume, `volumeRange`
// (min, max over the acquisition) is used when given, else the frame's own range.
Image8 applyRecipe(const Image& frame, const InstanceInfo& instance, InputRecipe recipe,
                   const std::pair<float, float>* volumeRange = nullptr);

// Pads to a square with black bars: the short side gets d/2 rows or columns before and the rest
// after (d = long side - short side), as the reference server does.
Image8 padToSquare(const Image8& image);

// The full 2-D recipe: applyRecipe then padToSquare.
Image8 modelInputForFrame(const Image& frame, const InstanceInfo& instance, InputRecipe recipe);

// Indices of the slices a volume of `count` slices contributes: all when count <= maxSlices,
// else round(i / maxSlices * (count - 1)) for i = 1..maxSlices, rounding halves to even.
std::vector<int> sampleVolumeIndices(int count, int maxSlices = 85);

}  // namespace dicom
