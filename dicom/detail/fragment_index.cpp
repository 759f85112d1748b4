#include "dicom/detail/fragment_index.h"

#include <algorithm>
#include <string>

namespace dicom::detail {
namespace {

constexpr std::uint64_t kItemHeaderBytes = 8;  // item tag and length

Error corrupt(const std::string& reason) {
    return {ErrorCode::Corrupt, reason};
}

// Where each fragment's item tag sits, relative to the first fragment's.
std::vector<std::uint64_t> itemPositions(const std::vector<std::uint64_t>& lengths) {
    std::vector<std::uint64_t> positions(lengths.size());
    std::uint64_t at = 0;
    for (std::size_t i = 0; i < lengths.size(); ++i) {
        positions[i] = at;
        at += kItemHeaderBytes + lengths[i];
    }
    return positions;
}

// The first fragment of every frame according to the offset table, or nothing when the table
// is absent or does not agree with the fragments (then the other rules apply).
std::vector<std::size_t> startsFromOffsets(const FragmentList& list, int frames) {
    if (list.offsets.size() != std::size_t(frames) || list.offsets.front() != 0)
        return {};
    const auto positions = itemPositions(list.lengths);
    std::vector<std::size_t> starts;
    for (std::size_t f = 0; f < list.offsets.size(); ++f) {
        if (f > 0 && list.offsets[f] <= list.offsets[f - 1])
            return {};
        const auto at = std::lower_bound(positions.begin(), positions.end(), list.offsets[f]);
        if (at == positions.end() || *at != list.offsets[f])
            return {};
        starts.push_back(std::size_t(at - positions.begin()));
    }
    return starts;
}

std::vector<std::size_t> startsFromMarkers(std::size_t fragments,
                                           const StartsFrameFn& startsFrame) {
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < fragments; ++i)
        if (startsFrame && startsFrame(i))
            starts.push_back(i);
    return starts;
}

FragmentRange rangeOf(const std::vector<std::size_t>& starts, std::size_t fragments, int frame) {
    const std::size_t first = starts[std::size_t(frame)];
    const std::size_t end =
        std::size_t(frame) + 1 < starts.size() ? starts[std::size_t(frame) + 1] : fragments;
    return {first, end - first};
}

}  // namespace

Result<FragmentRange> locateFrameFragments(const FragmentList& list, int frames, int frame,
                                           const StartsFrameFn& startsFrame) {
    const std::size_t n = list.lengths.size();
    if (n == 0)
        return corrupt("the compressed pixel data hold no fragments");
    if (frames < 1 || frame < 0 || frame >= frames)
        return corrupt("frame " + std::to_string(frame + 1) + " requested");
    if (const auto starts = startsFromOffsets(list, frames); !starts.empty())
        return rangeOf(starts, n, frame);
    if (n == std::size_t(frames))
        return FragmentRange{std::size_t(frame), 1};
    if (frames == 1)
        return FragmentRange{0, n};
    if (n < std::size_t(frames))
        return corrupt(std::to_string(n) + " compressed fragments cannot hold " +
                       std::to_string(frames) + " frames");
    const auto starts = startsFromMarkers(n, startsFrame);
    if (starts.size() != std::size_t(frames) || starts.front() != 0)
        return corrupt("the offset table is empty and the " + std::to_string(n) +
                       " fragments do not divide into " + std::to_string(frames) + " frames");
    return rangeOf(starts, n, frame);
}

}  // namespace dicom::detail
