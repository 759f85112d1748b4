#include "inference/decode_threads.h"

#include <algorithm>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace inference {
namespace {

// Spins between regions: long enough to bridge the single-threaded parts of a step (norms,
// RoPE: a few microseconds), short enough not to hold a core when the step is over.
constexpr int kSpinIterations = 20000;

inline void pause() {
#if defined(__x86_64__) || defined(__i386__)
    _mm_pause();
#endif
}

std::uint64_t epochOf(std::uint64_t state) { return state >> 32; }

}  // namespace

DecodeThreadPool::DecodeThreadPool(int threads) {
    for (int i = 1; i < std::max(threads, 1); ++i) {
        m_workers.emplace_back([this] { workerLoop(); });
    }
}

DecodeThreadPool::~DecodeThreadPool() {
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (std::thread& worker : m_workers) {
        worker.join();
    }
}

void DecodeThreadPool::run(std::int64_t units, std::int64_t grain, ChunkFunction fn) {
    if (units <= 0) {
        return;
    }
    grain = std::max<std::int64_t>(grain, 1);
    const std::int64_t chunks = (units + grain - 1) / grain;
    m_grain.store(grain, std::memory_order_relaxed);
    m_units.store(units, std::memory_order_relaxed);
    m_chunks.store(chunks, std::memory_order_relaxed);
    m_task.store(&fn, std::memory_order_relaxed);
    m_done.store(0, std::memory_order_relaxed);
    const std::uint64_t epoch = epochOf(m_state.load(std::memory_order_relaxed)) + 1;
    // Sequentially consistent with the sleepers count: a worker going to sleep either sees
    // the new epoch or is seen here and woken.
    m_state.store(epoch << 32);
    if (m_sleepers.load() > 0) {
        { const std::lock_guard<std::mutex> lock(m_mutex); }
        m_wake.notify_all();
    }
    work(epoch);
    for (int spins = 0; m_done.load(std::memory_order_acquire) < chunks; ++spins) {
        // A chunk still running on a descheduled thread: let it have the core.
        if (spins < kSpinIterations) {
            pause();
        } else {
            std::this_thread::yield();
        }
    }
}

// Claims chunks of `epoch` until none is left; a state of another epoch means it is over.
void DecodeThreadPool::work(std::uint64_t epoch) {
    std::uint64_t state = m_state.load(std::memory_order_acquire);
    while (epochOf(state) == epoch) {
        const auto chunk = std::int64_t(state & 0xffffffffu);
        if (chunk >= m_chunks.load(std::memory_order_relaxed)) {
            return;
        }
        if (!m_state.compare_exchange_weak(state, state + 1, std::memory_order_acq_rel,
                                           std::memory_order_acquire)) {
            continue;  // `state` was reloaded
        }
        // The claim succeeded, so this epoch's parameters are the published ones.
        const std::int64_t grain = m_grain.load(std::memory_order_relaxed);
        const std::int64_t begin = chunk * grain;
        (*m_task.load(std::memory_order_relaxed))(
            begin, std::min(m_units.load(std::memory_order_relaxed), begin + grain));
        m_done.fetch_add(1, std::memory_order_acq_rel);
        state = m_state.load(std::memory_order_acquire);
    }
}

void DecodeThreadPool::workerLoop() {
    std::uint64_t seen = 0;
    while (true) {
        std::uint64_t epoch = epochOf(m_state.load(std::memory_order_acquire));
        for (int spins = 0; epoch == seen && spins < kSpinIterations; ++spins) {
            pause();
            epoch = epochOf(m_state.load(std::memory_order_acquire));
        }
        if (epoch == seen) {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_sleepers.fetch_add(1);
            m_wake.wait(lock, [&] { return m_stopping.load() || epochOf(m_state.load()) != seen; });
            m_sleepers.fetch_sub(1);
            if (m_stopping.load()) {
                return;
            }
            epoch = epochOf(m_state.load(std::memory_order_acquire));
        }
        seen = epoch;
        work(epoch);
    }
}

}  // namespace inference
