#include "inference/kv_cache.h"

#include <algorithm>
#include <cassert>

namespace inference {
namespace {

at::Tensor slotsOf(std::int64_t begin, std::int64_t end, std::int64_t size, at::Device device) {
    return at::arange(begin, end, at::TensorOptions().dtype(at::kLong).device(device))
        .remainder_(size);
}

}  // namespace

void KvCache::reset(const TextConfig& config, const at::TensorOptions& options,
                    std::int64_t capacity, Storage storage) {
    assert(capacity > 0);
    m_window = config.slidingWindow;
    m_length = 0;
    // Only storage made for static steps is known to hold finite values everywhere.
    if (storage == Storage::ForStaticSteps && m_storage == Storage::ForStaticSteps &&
        storageHolds(config, options, capacity)) {
        return;
    }
    m_storage = storage;
    // Let go of the old storage before allocating the new (device memory may be tight).
    m_layers.clear();
    for (LayerType type : config.layerTypes) {
        Layer layer;
        layer.sliding = type == LayerType::Sliding;
        const std::int64_t slots = layer.sliding ? std::min(m_window, capacity) : capacity;
        layer.k = allocate({config.numKvHeads, slots, config.headDim}, options);
        layer.v = allocate({config.numKvHeads, slots, config.headDim}, options);
        m_layers.push_back(std::move(layer));
    }
}

// Storage as the current kind wants it: uninitialised for exact storage, zeroed for static
// steps (they read every slot under a mask, and a masked slot must hold a finite value).
at::Tensor KvCache::allocate(at::IntArrayRef shape, const at::TensorOptions& options) const {
    return m_storage == Storage::Exact ? at::empty(shape, options) : at::zeros(shape, options);
}

// Whether the current storage can serve `capacity` positions unchanged: same layers, dtype and
// device, every full layer holding `capacity` slots and every ring its window (or `capacity`).
// A ring larger than min(window, capacity) is still exact: positions below its size never wrap.
bool KvCache::storageHolds(const TextConfig& config, const at::TensorOptions& options,
                           std::int64_t capacity) const {
    if (m_layers.size() != config.layerTypes.size()) {
        return false;
    }
    for (std::size_t i = 0; i < m_layers.size(); ++i) {
        const Layer& layer = m_layers[i];
        const bool sliding = config.layerTypes[i] == LayerType::Sliding;
        const std::int64_t needed = sliding ? std::min(m_window, capacity) : capacity;
        if (layer.sliding != sliding || layer.k.size(1) < needed ||
            layer.k.size(0) != config.numKvHeads || layer.k.size(2) != config.headDim ||
            layer.k.scalar_type() != options.dtype().toScalarType() ||
            layer.k.device() != options.device()) {
            return false;
        }
    }
    return true;
}

KvCache::LayerStorage KvCache::layerStorage(int layer) const {
    const Layer& source = m_layers[static_cast<std::size_t>(layer)];
    return {source.k, source.v, source.sliding};
}

std::uint64_t KvCache::bytes() const {
    std::uint64_t total = 0;
    for (const Layer& layer : m_layers) {
        total += layer.k.nbytes() + layer.v.nbytes();
    }
    return total;
}

void KvCache::ensureSlots(Layer& layer, std::int64_t slots) {
    const std::int64_t current = layer.k.size(1);
    if (current >= slots) {
        return;
    }
    std::int64_t grown = std::max(current * 2, slots);
    if (layer.sliding) {
        // A ring smaller than the window has never wrapped: slot == position, so a copy of
        // the used prefix keeps every position in its slot.
        grown = std::min(grown, m_window);
    }
    for (at::Tensor* storage : {&layer.k, &layer.v}) {
        at::Tensor bigger =
            allocate({storage->size(0), grown, storage->size(2)}, storage->options());
        bigger.narrow(1, 0, current).copy_(*storage);
        *storage = bigger;
    }
}

KvCache::Keys KvCache::update(int layer, const at::Tensor& k, const at::Tensor& v,
                              std::int64_t start) {
    assert(start == m_length);
    Layer& target = m_layers[static_cast<std::size_t>(layer)];
    return target.sliding ? updateSliding(target, k, v, start) : updateFull(target, k, v, start);
}

KvCache::TokenSlot KvCache::tokenSlot(int layer, std::int64_t position) {
    assert(position == m_length);
    Layer& target = m_layers[static_cast<std::size_t>(layer)];
    const std::int64_t end = position + 1;
    ensureSlots(target, target.sliding ? std::min(m_window, end) : end);
    const std::int64_t size = target.k.size(1);
    TokenSlot slot;
    slot.k = target.k;
    slot.v = target.v;
    slot.slot = target.sliding ? position % size : position;
    slot.used = std::min(end, size);
    return slot;
}

KvCache::Keys KvCache::updateFull(Layer& layer, const at::Tensor& k, const at::Tensor& v,
                                  std::int64_t start) {
    const std::int64_t count = k.size(1);
    const std::int64_t end = start + count;
    ensureSlots(layer, end);
    layer.k.narrow(1, start, count).copy_(k);
    layer.v.narrow(1, start, count).copy_(v);
    return {layer.k.narrow(1, 0, end), layer.v.narrow(1, 0, end), 0};
}

KvCache::Keys KvCache::updateSliding(Layer& layer, const at::Tensor& k, const at::Tensor& v,
                                     std::int64_t start) {
    const std::int64_t count = k.size(1);
    const std::int64_t end = start + count;
    ensureSlots(layer, std::min(m_window, end));
    const std::int64_t size = layer.k.size(1);
    if (count == 1) {
        // Decode: the new key replaces the one that just left the window.
        const std::int64_t slot = start % size;
        layer.k.narrow(1, slot, 1).copy_(k);
        layer.v.narrow(1, slot, 1).copy_(v);
        const std::int64_t used = std::min(end, size);
        return {layer.k.narrow(1, 0, used), layer.v.narrow(1, 0, used), end - used};
    }
    // Prefill chunk: the window of its first token reaches back window - 1 positions into the
    // ring; gather those in position order ahead of the chunk (a copy, before the ring
    // entries are overwritten below).
    Keys keys{k, v, start};
    const std::int64_t prior = std::min(start, m_window - 1);
    if (prior > 0) {
        const at::Tensor slots = slotsOf(start - prior, start, size, layer.k.device());
        keys.k = at::cat({layer.k.index_select(1, slots), k}, 1);
        keys.v = at::cat({layer.v.index_select(1, slots), v}, 1);
        keys.keyStart = start - prior;
    }
    const std::int64_t kept = std::min(count, size);
    const at::Tensor slots = slotsOf(end - kept, end, size, layer.k.device());
    layer.k.index_copy_(1, slots, k.narrow(1, count - kept, kept));
    layer.v.index_copy_(1, slots, v.narrow(1, count - kept, kept));
    return keys;
}

}  // namespace inference
