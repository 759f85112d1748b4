#pragma once
// Internal: reading and writing the quantized-weights cache file of a QuantizedStore (format in
// quantized_store.h). Failures are not errors: a missing, stale or damaged cache is rebuilt,
// and a directory that cannot be written is left without one.
// Thread-safety: used by one loading thread.

#include "inference/quantized_store.h"

namespace inference {

struct QuantCacheIo {
    // Maps the cache file when its header matches `store`'s layout and the current source
    // files; sets the store's block to the mapped data.
    static bool tryMap(QuantizedStore& store, const QuantizationSettings& settings);
    // Writes the store's block with its header (to a temporary name, then renamed).
    static void write(const QuantizedStore& store, const QuantizationSettings& settings);
};

}  // namespace inference
