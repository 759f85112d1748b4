#pragma once
// Model inputs for a whole series (spec medgemma-inputs.md 3.2, 3.3, 8 items 3-5): the slices
// in series order (along the slice normal, then Instance Number; every frame of a multi-frame
// instance in turn), at most `maxSlices` of them sampled as round(i / maxSlices * (n - 1)) for
// i = 1..maxSlices (halves to even), each through its recipe and padded to a square. CT takes
// its three fixed windows per slice; MR takes one min/max over every slice of the series (the
// acquisition), so all slices are decoded, not only the sampled ones.
// Thread-safety: runs on the calling thread (a worker: it decodes files); `cancel` may be set
// from any thread and is checked between slices; `progress` is called on the calling thread.

#include <atomic>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dicom/image.h"
#include "dicom/model_input.h"
#include "dicom/result.h"
#include "dicom/study.h"

namespace dicom {

struct VolumeSlice {
    std::size_t instance = 0;  // index into SeriesInfo::instances
    int frame = 0;             // 0-based frame of that instance
};

struct VolumeInputs {
    InputRecipe recipe = InputRecipe::CtWindows;
    std::string description;               // the recipe, the sampling and the MR range in words
    std::vector<Image8> images;            // padded 8-bit RGB, in slice order
    std::vector<VolumeSlice> slices;       // where each image comes from
    std::size_t volumeSlices = 0;          // slices before sampling
    std::optional<std::pair<float, float>> range;  // MR: min and max over the acquisition
};

using VolumeProgressFn = std::function<void(std::size_t done, std::size_t total)>;

// Every slice of the series in order.
std::vector<VolumeSlice> volumeSlices(const SeriesInfo& series);

// Fails with the decode error of the first slice that cannot be decoded (its message names the
// file), with UnsupportedPixels for colour slices or an empty series, and with Cancelled.
Result<VolumeInputs> prepareVolumeInputs(const SeriesInfo& series, const VolumeProgressFn& progress = {},
                                         const std::atomic<bool>* cancel = nullptr, int maxSlices = 85);

}  // namespace dicom
