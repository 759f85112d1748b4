#pragma once
// Which fragments of an encapsulated Pixel Data hold a given frame (PS3.5 A.4). In order of
// trust: the Extended Offset Table or the Basic Offset Table when it is consistent with the
// fragments, one fragment per frame when the counts agree, all fragments for a single frame,
// and finally the codec's start-of-image marker at the head of each fragment (what readers do
// for multi-fragment frames with an empty offset table).
// Thread-safety: pure functions.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "dicom/result.h"

namespace dicom::detail {

struct FragmentRange {
    std::size_t first = 0;  // 0-based fragment index (the Basic Offset Table item not counted)
    std::size_t count = 0;
};

struct FragmentList {
    std::vector<std::uint64_t> lengths;  // value length of each fragment, in order
    // Byte offsets of each frame's first fragment item, measured from the first fragment's item
    // tag (the Extended Offset Table if present, else the Basic Offset Table); may be empty.
    std::vector<std::uint64_t> offsets;
};

// True when fragment `index` starts with the codec's start-of-image marker.
using StartsFrameFn = std::function<bool(std::size_t index)>;

// Fails with Corrupt when no rule places frame `frame` (0-based) of `frames`.
Result<FragmentRange> locateFrameFragments(const FragmentList& list, int frames, int frame,
                                           const StartsFrameFn& startsFrame);

}  // namespace dicom::detail
