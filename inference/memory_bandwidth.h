#pragma once
// Memory read bandwidth as the decode steps meet it: the very bytes a decode step streams (the
// decoder's matrices and the head, in place in the mapping or the quantized store), read by
// the decode thread pool in chunks, best of several passes. A step must read each of them
// once, so
//   tokens/s <= 1 / (seconds to read them),
// the floor `medgemma-cli bench` compares its decode speed with, measured beside each run so
// that both see the same machine load. No memory is allocated for the measurement.
// Thread-safety: may be called from any thread; the regions are only read.

#include <cstdint>
#include <vector>

namespace inference {

struct MemoryRegion {
    const std::uint8_t* data = nullptr;
    std::uint64_t bytes = 0;
};

struct ReadBandwidth {
    double bytesPerSecond = 0;  // of the best pass
    double seconds = 0;         // the best pass
    std::uint64_t bytes = 0;    // read per pass
    int threads = 0;
    int passes = 0;
};

// Reads every region `passes` times with `threads` threads (0 = every core).
ReadBandwidth measureReadBandwidth(const std::vector<MemoryRegion>& regions, int threads,
                                   int passes = 3);

}  // namespace inference
