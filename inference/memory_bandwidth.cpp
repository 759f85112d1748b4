#include "inference/memory_bandwidth.h"

#include <algorithm>
#include <chrono>

#include <immintrin.h>

#include "inference/decode_threads.h"
#include "inference/kernels/cpu_features.h"
#include "inference/runtime_info.h"

namespace inference {
namespace {

constexpr std::uint64_t kChunkBytes = std::uint64_t{256} << 10;  // a decode chunk's order

// XOR of every 64-byte line (four independent accumulators keep loads in flight).
__attribute__((target("avx512f"))) std::uint64_t readAvx512(const std::uint8_t* data,
                                                            std::uint64_t bytes) {
    __m512i a = _mm512_setzero_si512(), b = a, c = a, d = a;
    std::uint64_t i = 0;
    for (; i + 256 <= bytes; i += 256) {
        a = _mm512_xor_si512(a, _mm512_loadu_si512(data + i));
        b = _mm512_xor_si512(b, _mm512_loadu_si512(data + i + 64));
        c = _mm512_xor_si512(c, _mm512_loadu_si512(data + i + 128));
        d = _mm512_xor_si512(d, _mm512_loadu_si512(data + i + 192));
    }
    alignas(64) std::uint64_t lanes[8];
    _mm512_store_si512(lanes, _mm512_xor_si512(_mm512_xor_si512(a, b), _mm512_xor_si512(c, d)));
    std::uint64_t x = 0;
    for (std::uint64_t lane : lanes) {
        x ^= lane;
    }
    for (; i < bytes; ++i) {
        x ^= data[i];
    }
    return x;
}

std::uint64_t readPortable(const std::uint8_t* data, std::uint64_t bytes) {
    std::uint64_t a = 0, b = 0;
    std::uint64_t i = 0;
    for (; i + 16 <= bytes; i += 16) {
        std::uint64_t u, v;
        __builtin_memcpy(&u, data + i, 8);
        __builtin_memcpy(&v, data + i + 8, 8);
        a ^= u;
        b ^= v;
    }
    for (; i < bytes; ++i) {
        a ^= data[i];
    }
    return a ^ b;
}

struct Chunk {
    const std::uint8_t* data;
    std::uint64_t bytes;
};

std::vector<Chunk> chunksOf(const std::vector<MemoryRegion>& regions) {
    std::vector<Chunk> chunks;
    for (const MemoryRegion& region : regions) {
        for (std::uint64_t at = 0; at < region.bytes; at += kChunkBytes) {
            chunks.push_back({region.data + at, std::min(kChunkBytes, region.bytes - at)});
        }
    }
    return chunks;
}

}  // namespace

ReadBandwidth measureReadBandwidth(const std::vector<MemoryRegion>& regions, int threads,
                                   int passes) {
    ReadBandwidth result;
    result.threads = threads > 0 ? threads : defaultThreadCount();
    result.passes = std::max(passes, 1);
    const std::vector<Chunk> chunks = chunksOf(regions);
    for (const Chunk& chunk : chunks) {
        result.bytes += chunk.bytes;
    }
    if (result.bytes == 0) {
        return result;
    }
    const bool avx512 = kernels::cpuFeatures().avx512;
    DecodeThreadPool pool(result.threads);
    for (int pass = 0; pass < result.passes; ++pass) {
        const auto start = std::chrono::steady_clock::now();
        pool.run(std::int64_t(chunks.size()), 1, [&](std::int64_t begin, std::int64_t end) {
            for (std::int64_t c = begin; c < end; ++c) {
                const Chunk& chunk = chunks[std::size_t(c)];
                const std::uint64_t x = avx512 ? readAvx512(chunk.data, chunk.bytes)
                                               : readPortable(chunk.data, chunk.bytes);
                asm volatile("" : : "r"(x));  // keeps the reads: their result is "used"
            }
        });
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (result.seconds == 0 || seconds < result.seconds) {
            result.seconds = seconds;
        }
    }
    result.bytesPerSecond = double(result.bytes) / result.seconds;
    return result;
}

}  // namespace inference
