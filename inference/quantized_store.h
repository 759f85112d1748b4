#pragma once
// Internal (libtorch): the quantized copies of a model's projection matrices (quant_format.h),
// made at load time from the bf16 checkpoint or mapped from a cache file beside it.
//
// Memory: all matrices live in one block — anonymous memory when quantized at load, or a
// read-only mapping of the cache file. As each matrix is quantized, the checkpoint pages it was
// read from are returned to the kernel (madvise MADV_DONTNEED), so the bf16 original never
// stays resident next to its quantized copy; with a valid cache file they are never read.
//
// Cache file (`model.q8.cache`, `model.q4g64.cache`, ...): an 8-byte little-endian header
// length, a JSON header (format, group, layout version, and the name, size and modification
// time of every source .safetensors file, plus each matrix's shape and offsets), then the data
// 4 KiB-aligned. A header that does not match the current files and settings is ignored and
// the file rewritten; a directory that cannot be written only means no cache.
// Ownership: the store owns its block; LinearWeights it produced view it and must not outlive
// it (the Model holds both).
// Thread-safety: immutable after build().

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "inference/kernels/quant_format.h"
#include "inference/linear_weight.h"
#include "inference/result.h"
#include "inference/safetensors.h"

namespace inference {

struct QuantizationSettings {
    kernels::QuantFormat format = kernels::QuantFormat::Int8Row;
    std::int64_t group = 64;     // Int4Group: 32, 64 or 128
    std::string cacheDirectory;  // where the cache file goes; empty = no cache file
    std::vector<std::string> sourceFiles;  // the checkpoint's .safetensors files (cache key)
};

// "model.q8.cache" / "model.q4g64.cache".
std::string quantCacheFileName(const QuantizationSettings& settings);

struct QuantTarget {
    std::string name;                    // canonical tensor name
    LinearWeight* weight = nullptr;      // dense bf16; replaced by its quantized view
    const TensorView* source = nullptr;  // the mapped bytes it came from (released), or null
};

class QuantizedStore {
public:
    ~QuantizedStore();
    QuantizedStore(const QuantizedStore&) = delete;
    QuantizedStore& operator=(const QuantizedStore&) = delete;

    // Quantizes (or maps from the cache) every target and replaces target.weight.
    static Result<std::shared_ptr<QuantizedStore>> build(const std::vector<QuantTarget>& targets,
                                                         const QuantizationSettings& settings);

    std::uint64_t bytes() const { return m_bytes; }
    bool fromCache() const { return m_fromCache; }
    const std::string& cachePath() const { return m_cachePath; }  // empty when none was used

    struct Entry {
        std::string name;
        kernels::QuantShape shape;
        std::uint64_t dataOffset = 0;
        std::uint64_t parameterOffset = 0;
    };

private:
    QuantizedStore() = default;
    void bindTargets(const std::vector<QuantTarget>& targets) const;
    void quantizeAll(const std::vector<QuantTarget>& targets);

    std::vector<Entry> m_entries;
    std::uint8_t* m_base = nullptr;  // the block (anonymous or the mapped file's data start)
    void* m_mapping = nullptr;       // what munmap releases
    std::size_t m_mappingBytes = 0;
    std::uint64_t m_bytes = 0;
    bool m_fromCache = false;
    std::string m_cachePath;
    at::ScalarType m_computeType = at::kBFloat16;

    friend struct QuantCacheIo;
};

}  // namespace inference
