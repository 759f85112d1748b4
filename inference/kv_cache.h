#pragma once
// Internal (libtorch): the hybrid KV cache of one sequence (spec §11). Keys are stored after
// q/k-norm and RoPE, per layer as [Hkv, slots, D] in the compute dtype.
//   - Full-attention layers keep every position in a buffer sized for the context in use
//     (prompt + new tokens); it grows by doubling only if a caller goes past that.
//   - Sliding layers keep a ring of `sliding_window` slots (fewer when the whole context is
//     shorter); position p lives in slot p mod size. A token at p sees p - window + 1 .. p,
//     exactly what the ring holds once p's key is written.
// Decode steps write into preallocated storage; nothing is allocated per token by the cache.
// For fixed-shape decode steps (static_decode.h) the storage is reset with
// KvCache::Storage::ForStaticSteps: zeroed once (those steps read every slot under a mask, and
// a masked slot must hold a finite value) and kept across resets while it is large enough, so
// that a step captured against it stays valid from request to request.
// Thread-safety: not thread-safe; owned by one Session.

#include <cstdint>
#include <vector>

#include <ATen/ATen.h>

#include "inference/config.h"

namespace inference {

class KvCache {
public:
    // Keys and values a chunk attends to.
    struct Keys {
        at::Tensor k;  // [Hkv, n, D]
        at::Tensor v;  // [Hkv, n, D]
        // Position of column 0. Columns are consecutive positions, except after a one-token
        // update of a sliding layer, where they are ring slots in any order (all of them
        // visible to that token, so no mask is needed).
        std::int64_t keyStart = 0;
    };

    enum class Storage {
        Exact,           // uninitialised, sized for `capacity` (the CPU decode kernels)
        ForStaticSteps,  // zeroed when allocated; kept when it already holds `capacity` and
                         // was itself made for static steps
    };

    // Empties the cache and provides storage for `capacity` positions (> 0) with `options`
    // (the compute dtype, on the model's device).
    void reset(const TextConfig& config, const at::TensorOptions& options, std::int64_t capacity,
               Storage storage = Storage::Exact);

    // One layer's storage [Hkv, slots, D]; position p lives in slot p (full layers) or
    // p mod slots (sliding layers).
    struct LayerStorage {
        at::Tensor k;
        at::Tensor v;
        bool sliding = false;
    };
    LayerStorage layerStorage(int layer) const;
    int layerCount() const { return static_cast<int>(m_layers.size()); }

    // Stores the chunk's k, v ([Hkv, L, D]) at positions [start, start + L) of `layer` and
    // returns what the chunk's queries attend to. Chunks must be consecutive: start equals
    // the positions already committed. Every layer is updated before commit().
    Keys update(int layer, const at::Tensor& k, const at::Tensor& v, std::int64_t start);

    // Where the one-token decode kernels write `position` of `layer` and what they read: the
    // layer's storage [Hkv, slots, D], the slot for the new key and value, and the count of
    // slots [0, used) visible to the token once it is written (all of them causal and inside
    // the window). Grows storage like update(); position must equal length().
    struct TokenSlot {
        at::Tensor k;
        at::Tensor v;
        std::int64_t slot = 0;
        std::int64_t used = 0;
    };
    TokenSlot tokenSlot(int layer, std::int64_t position);

    // Marks the positions of the chunk just processed by every layer as stored.
    void commit(std::int64_t length) { m_length = length; }

    std::int64_t length() const { return m_length; }  // positions stored
    std::uint64_t bytes() const;                      // storage held, in bytes

private:
    struct Layer {
        bool sliding = false;
        at::Tensor k;  // [Hkv, slots, D]
        at::Tensor v;
    };

    Keys updateFull(Layer& layer, const at::Tensor& k, const at::Tensor& v, std::int64_t start);
    Keys updateSliding(Layer& layer, const at::Tensor& k, const at::Tensor& v, std::int64_t start);
    void ensureSlots(Layer& layer, std::int64_t slots);
    at::Tensor allocate(at::IntArrayRef shape, const at::TensorOptions& options) const;
    bool storageHolds(const TextConfig& config, const at::TensorOptions& options,
                      std::int64_t capacity) const;

    std::vector<Layer> m_layers;
    Storage m_storage = Storage::Exact;  // how the current storage was made
    std::int64_t m_window = 0;
    std::int64_t m_length = 0;
};

}  // namespace inference
