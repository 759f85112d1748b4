#pragma once
// Internal (libtorch): reading generated token ids back from a device without draining it.
// push() queues a copy of a one-element id tensor into page-locked host memory and marks the
// point in the device's stream; pop() waits for the oldest queued id only. A loop that queues
// step n + 1 before popping the id of step n keeps the device busy while the host streams text
// (no host sync per token in the device's sense: it never waits for the host). On the CPU the
// copy is immediate.
// Ownership: owns its host buffers and device events. Thread-safety: one thread at a time.

#include <cstdint>
#include <deque>
#include <vector>

#include <ATen/ATen.h>
#include <c10/core/Event.h>

namespace inference {

class TokenReadback {
public:
    // Up to `depth` ids in flight on `device`.
    TokenReadback(at::Device device, int depth);
    ~TokenReadback();

    // Queues a copy of `token` ([1] int64 on the device); requires pending() < depth.
    void push(const at::Tensor& token);
    // Waits for the oldest queued copy and returns its id; requires pending() > 0.
    std::int64_t pop();
    int pending() const { return static_cast<int>(m_queue.size()); }

private:
    struct Slot {
        at::Tensor host;  // [1] int64, page-locked on a GPU
        std::unique_ptr<c10::Event> done;
    };

    at::Device m_device;
    std::vector<Slot> m_slots;
    std::deque<int> m_queue;  // slot indices, oldest first
    int m_next = 0;
};

}  // namespace inference
