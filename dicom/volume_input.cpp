#include "dicom/volume_input.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "dicom/display.h"
#include "dicom/loader.h"

namespace dicom {
namespace {

bool stopRequested(const std::atomic<bool>* cancel) { return cancel && cancel->load(std::memory_order_relaxed); }

using SliceKey = std::pair<std::size_t, int>;  // instance, frame

SliceKey keyOf(const VolumeSlice& s) { return {s.instance, s.frame}; }

class VolumeBuilder {
public:
    VolumeBuilder(const SeriesInfo& series, const VolumeProgressFn& progress, const std::atomic<bool>* cancel)
        : m_series(series), m_progress(progress), m_cancel(cancel) {}

    Result<VolumeInputs> build(int maxSlices) {
        const auto all = volumeSlices(m_series);
        if (all.empty()) return Error{ErrorCode::UnsupportedPixels, "the series has no image to prepare"};
        VolumeInputs out;
        out.volumeSlices = all.size();
        std::vector<VolumeSlice> sampled;
        for (int index : sampleVolumeIndices(int(all.size()), maxSlices)) sampled.push_back(all[std::size_t(index)]);
        for (const auto& s : sampled) m_wanted.insert(keyOf(s));
        // The first sampled slice decides the recipe (and is kept for later).
        auto first = decode(sampled.front());
        if (!first) return first.error();
        out.recipe = recipeFor(m_series, instanceOf(sampled.front()), first.value());
        if (out.recipe == InputRecipe::Photograph)
            return Error{ErrorCode::UnsupportedPixels, "volume inputs need grey slices (CT or MR)"};
        m_kept.emplace(keyOf(sampled.front()), std::move(first).value());
        m_total = out.recipe == InputRecipe::MrVolume ? all.size() : sampled.size();
        if (out.recipe == InputRecipe::MrVolume) {
            auto range = acquisitionRange(all);
            if (!range) return range.error();
            out.range = range.value();
        }
        for (const auto& slice : sampled) {
            auto image = takeOrDecode(slice);
            if (!image) return image.error();
            out.images.push_back(padToSquare(applyRecipe(image.value(), instanceOf(slice), out.recipe,
                                                         out.range ? &*out.range : nullptr)));
            out.slices.push_back(slice);
        }
        out.description = describe(out, maxSlices);
        return out;
    }

private:
    const InstanceInfo& instanceOf(const VolumeSlice& s) const { return m_series.instances[s.instance]; }

    Result<Image> decode(const VolumeSlice& s) {
        if (stopRequested(m_cancel)) return Error{ErrorCode::Cancelled, "preparing the volume was cancelled"};
        auto image = decodeFrame(instanceOf(s), s.frame);
        if (image && !image->isGrey())
            return Error{ErrorCode::UnsupportedPixels, instanceOf(s).path + ": a colour slice in a grey volume"};
        return image;
    }

    void step() {
        if (m_progress) m_progress(++m_done, m_total);
    }

    // One min and max over every slice (spec 3.3); the sampled slices are kept on the way.
    Result<std::pair<float, float>> acquisitionRange(const std::vector<VolumeSlice>& all) {
        std::pair<float, float> range{0.f, 0.f};
        for (std::size_t i = 0; i < all.size(); ++i) {
            auto found = m_kept.find(keyOf(all[i]));
            Result<Image> image = found != m_kept.end() ? Result<Image>(found->second) : decode(all[i]);
            if (!image) return image.error();
            const auto [lo, hi] = valueRange(image.value());
            range = i == 0 ? std::make_pair(lo, hi) : std::make_pair(std::min(range.first, lo), std::max(range.second, hi));
            if (m_wanted.count(keyOf(all[i])) && found == m_kept.end()) m_kept.emplace(keyOf(all[i]), std::move(image).value());
            step();
        }
        m_rangeDone = true;
        return range;
    }

    Result<Image> takeOrDecode(const VolumeSlice& s) {
        const auto found = m_kept.find(keyOf(s));
        if (found != m_kept.end()) {
            Image image = std::move(found->second);
            m_kept.erase(found);
            if (!m_rangeDone) step();
            return image;
        }
        auto image = decode(s);
        if (image) step();
        return image;
    }

    static std::string describe(const VolumeInputs& v, int maxSlices) {
        std::string text = recipeDescription(v.recipe) + "; " + std::to_string(v.images.size()) + " of " +
                           std::to_string(v.volumeSlices) + " slices";
        if (v.images.size() < v.volumeSlices)
            text += " (round(i/" + std::to_string(maxSlices) + "*(n-1)) for i = 1.." + std::to_string(maxSlices) + ")";
        if (v.range) {
            char range[96];
            std::snprintf(range, sizeof range, "; acquisition range %g..%g", v.range->first, v.range->second);
            text += range;
        }
        return text;
    }

    const SeriesInfo& m_series;
    const VolumeProgressFn& m_progress;
    const std::atomic<bool>* m_cancel;
    std::set<SliceKey> m_wanted;
    std::map<SliceKey, Image> m_kept;
    bool m_rangeDone = false;
    std::size_t m_done = 0;
    std::size_t m_total = 0;
};

}  // namespace

std::vector<VolumeSlice> volumeSlices(const SeriesInfo& series) {
    std::vector<VolumeSlice> out;
    for (std::size_t i = 0; i < series.instances.size(); ++i) {
        const auto& instance = series.instances[i];
        if (!instance.hasPixelData) continue;
        for (int f = 0; f < std::max(1, instance.frames); ++f) out.push_back({i, f});
    }
    return out;
}

Result<VolumeInputs> prepareVolumeInputs(const SeriesInfo& series, const VolumeProgressFn& progress,
                                         const std::atomic<bool>* cancel, int maxSlices) {
    return VolumeBuilder(series, progress, cancel).build(std::max(1, maxSlices));
}

}  // namespace dicom
