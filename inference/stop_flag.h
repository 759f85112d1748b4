#pragma once
// The cooperative stop flag of a request. The engine checks it between decoder layers and
// inside each (in the attention, before the MLP and between its projections), inside each
// vision layer (after attention and after the MLP) and between decode steps; any thread may
// set it, the computing thread only reads it.
// Thread-safety: std::atomic; relaxed ordering suffices (no data is published through it).

#include <atomic>
#include <string>

#include "inference/result.h"

namespace inference {

using StopFlag = std::atomic<bool>;

inline bool stopRequested(const StopFlag& stop) {
    return stop.load(std::memory_order_relaxed);
}

inline Error cancelledError(const std::string& where) {
    return makeError(ErrorCode::Cancelled, "stopped on request during " + where);
}

}  // namespace inference
