#include "inference/quantized_store.h"

#include <sys/mman.h>
#include <unistd.h>

#include <ATen/Parallel.h>

#include "inference/quant_cache_io.h"

namespace inference {
namespace {

std::uint64_t alignUp(std::uint64_t value) {
    return (value + kernels::kStoreAlignment - 1) / kernels::kStoreAlignment *
           kernels::kStoreAlignment;
}

kernels::QuantShape shapeOf(const LinearWeight& weight, const QuantizationSettings& settings) {
    kernels::QuantShape shape;
    shape.format = settings.format;
    shape.rows = weight.rows();
    shape.cols = weight.cols();
    shape.group = settings.format == kernels::QuantFormat::Int4Group ? settings.group : 0;
    return shape;
}

// Drops this process's pages of a mapped tensor (whole pages inside its byte range only, so
// neighbouring tensors are untouched). The file stays mapped; a later read faults pages back.
void releasePages(const TensorView* view) {
    if (!view || view->byteSize == 0) {
        return;
    }
    const auto page = std::uintptr_t(::sysconf(_SC_PAGESIZE));
    const auto begin = (reinterpret_cast<std::uintptr_t>(view->data) + page - 1) / page * page;
    const auto end = (reinterpret_cast<std::uintptr_t>(view->data) + view->byteSize) / page * page;
    if (end > begin) {
        ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_DONTNEED);
    }
}

}  // namespace

std::string quantCacheFileName(const QuantizationSettings& settings) {
    if (settings.format == kernels::QuantFormat::Int8Row) {
        return "model.q8.cache";
    }
    return "model.q4g" + std::to_string(settings.group) + ".cache";
}

QuantizedStore::~QuantizedStore() {
    if (m_mapping) {
        ::munmap(m_mapping, m_mappingBytes);
    }
}

Result<std::shared_ptr<QuantizedStore>> QuantizedStore::build(
    const std::vector<QuantTarget>& targets, const QuantizationSettings& settings) {
    std::shared_ptr<QuantizedStore> store(new QuantizedStore());
    std::uint64_t offset = 0;
    for (const QuantTarget& target : targets) {
        Entry entry;
        entry.name = target.name;
        entry.shape = shapeOf(*target.weight, settings);
        entry.dataOffset = offset;
        entry.parameterOffset = alignUp(offset + entry.shape.dataBytes());
        offset = alignUp(entry.parameterOffset + entry.shape.parameterBytes());
        store->m_entries.push_back(entry);
        store->m_computeType = target.weight->computeType();
    }
    store->m_bytes = offset;
    if (!settings.cacheDirectory.empty() && QuantCacheIo::tryMap(*store, settings)) {
        store->bindTargets(targets);
        return store;
    }
    void* block = ::mmap(nullptr, std::size_t(offset), PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (block == MAP_FAILED) {
        return makeError(ErrorCode::OutOfMemory,
                         "cannot allocate " + std::to_string(offset >> 20) +
                             " MiB for the quantized weights");
    }
    store->m_mapping = block;
    store->m_mappingBytes = std::size_t(offset);
    store->m_base = static_cast<std::uint8_t*>(block);
    store->quantizeAll(targets);
    store->bindTargets(targets);
    if (!settings.cacheDirectory.empty()) {
        QuantCacheIo::write(*store, settings);
    }
    return store;
}

void QuantizedStore::quantizeAll(const std::vector<QuantTarget>& targets) {
    for (std::size_t i = 0; i < targets.size(); ++i) {
        const Entry& entry = m_entries[i];
        const at::Tensor& dense = targets[i].weight->dense();
        const auto* weights = reinterpret_cast<const kernels::bf16_t*>(dense.data_ptr<at::BFloat16>());
        const std::int64_t stride = dense.stride(0);
        at::parallel_for(0, entry.shape.tiles(), 8, [&](std::int64_t first, std::int64_t last) {
            kernels::quantizeRows(entry.shape, weights, stride, first * kernels::kTileRows,
                                  last * kernels::kTileRows, m_base + entry.dataOffset,
                                  m_base + entry.parameterOffset);
        });
        releasePages(targets[i].source);
    }
}

void QuantizedStore::bindTargets(const std::vector<QuantTarget>& targets) const {
    for (std::size_t i = 0; i < targets.size(); ++i) {
        const Entry& entry = m_entries[i];
        kernels::QuantMatrix matrix;
        matrix.shape = entry.shape;
        matrix.data = m_base + entry.dataOffset;
        matrix.parameters = m_base + entry.parameterOffset;
        *targets[i].weight = LinearWeight(matrix, m_computeType);
    }
}

}  // namespace inference
