#pragma once
// Internal: the compute threads of the kernel decode steps. A step runs ~170 short parallel
// regions (tens of microseconds each), so how threads meet matters more than in a matmul:
//   - work is cut into chunks claimed from one atomic counter by whichever thread is running,
//     the caller included: if another thread is descheduled (a busy desktop, other processes),
//     the running ones take its chunks instead of waiting a scheduler quantum for it;
//   - idle workers spin briefly between regions (the gaps inside a step are microseconds),
//     then sleep on a condition variable, so they burn no CPU between requests.
// The region counter packs (epoch, next chunk) in one 64-bit atomic, so a late worker can
// never claim a chunk of a region that has already finished.
// Ownership: a pool owns its worker threads; one per Session (DecodeWorkspace).
// Thread-safety: run() is called by one thread at a time (the session's); the workers are
// internal.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

namespace inference {

// A non-owning reference to a callable taking (chunkBegin, chunkEnd): no allocation per call.
class ChunkFunction {
public:
    template <typename F>
    ChunkFunction(const F& f)  // NOLINT: implicit on purpose, like std::function
        : m_object(&f), m_call([](const void* o, std::int64_t a, std::int64_t b) {
              (*static_cast<const F*>(o))(a, b);
          }) {}
    void operator()(std::int64_t begin, std::int64_t end) const { m_call(m_object, begin, end); }

private:
    const void* m_object;
    void (*m_call)(const void*, std::int64_t, std::int64_t);
};

class DecodeThreadPool {
public:
    explicit DecodeThreadPool(int threads);  // threads - 1 workers; the caller is the last
    ~DecodeThreadPool();
    DecodeThreadPool(const DecodeThreadPool&) = delete;
    DecodeThreadPool& operator=(const DecodeThreadPool&) = delete;

    int size() const { return int(m_workers.size()) + 1; }

    // fn(begin, end) for chunks of `grain` units covering [0, units); returns when all ran.
    void run(std::int64_t units, std::int64_t grain, ChunkFunction fn);

private:
    void workerLoop();
    void work(std::uint64_t epoch);

    std::vector<std::thread> m_workers;
    std::atomic<std::uint64_t> m_state{0};  // epoch << 32 | next chunk
    std::atomic<std::int64_t> m_done{0};
    // Published before the epoch (release) and read after it (acquire).
    std::atomic<std::int64_t> m_chunks{0};
    std::atomic<std::int64_t> m_units{0};
    std::atomic<std::int64_t> m_grain{1};
    std::atomic<const ChunkFunction*> m_task{nullptr};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::atomic<int> m_sleepers{0};
    std::atomic<bool> m_stopping{false};
};

}  // namespace inference
