#include "inference/token_readback.h"

#include <cassert>
#include <thread>

#include <c10/core/impl/DeviceGuardImplInterface.h>

namespace inference {

TokenReadback::TokenReadback(at::Device device, int depth) : m_device(device) {
    const bool onDevice = !device.is_cpu();
    for (int i = 0; i < depth; ++i) {
        Slot slot;
        slot.host = at::empty({1}, at::TensorOptions().dtype(at::kLong).pinned_memory(onDevice));
        if (onDevice) {
            slot.done = std::make_unique<c10::Event>(device.type());
        }
        m_slots.push_back(std::move(slot));
    }
}

TokenReadback::~TokenReadback() {
    // A copy still in flight writes into host memory this object owns: let it land first.
    while (!m_queue.empty()) {
        pop();
    }
}

void TokenReadback::push(const at::Tensor& token) {
    assert(pending() < static_cast<int>(m_slots.size()));
    Slot& slot = m_slots[static_cast<std::size_t>(m_next)];
    if (slot.done) {
        slot.host.copy_(token, /*non_blocking=*/true);
        const c10::impl::DeviceGuardImplInterface* guard =
            c10::impl::getDeviceGuardImpl(m_device.type());
        slot.done->record(guard->getStream(token.device()));
    } else {
        slot.host.copy_(token);
    }
    m_queue.push_back(m_next);
    m_next = (m_next + 1) % static_cast<int>(m_slots.size());
}

std::int64_t TokenReadback::pop() {
    assert(!m_queue.empty());
    const Slot& slot = m_slots[static_cast<std::size_t>(m_queue.front())];
    m_queue.pop_front();
    if (slot.done) {
        // Waits while the device finishes the step that produced the id; yielding leaves the
        // core to other threads meanwhile.
        while (!slot.done->query()) {
            std::this_thread::yield();
        }
    }
    return slot.host.data_ptr<std::int64_t>()[0];
}

}  // namespace inference
