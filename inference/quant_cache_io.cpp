#include "inference/quant_cache_io.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include <nlohmann/json.hpp>

namespace inference {
namespace {

constexpr int kLayoutVersion = 1;
constexpr std::uint64_t kDataAlignment = 4096;

std::string pathOf(const QuantizationSettings& settings) {
    return (std::filesystem::path(settings.cacheDirectory) / quantCacheFileName(settings)).string();
}

nlohmann::json sourcesKey(const QuantizationSettings& settings) {
    nlohmann::json sources = nlohmann::json::array();
    for (const std::string& file : settings.sourceFiles) {
        struct stat st {};
        if (::stat(file.c_str(), &st) != 0) {
            return nullptr;
        }
        const std::int64_t mtime = std::int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
        sources.push_back({{"file", std::filesystem::path(file).filename().string()},
                           {"size", std::uint64_t(st.st_size)},
                           {"mtime_ns", mtime}});
    }
    return sources;
}

nlohmann::json headerOf(const QuantizedStore& store, const QuantizationSettings& settings,
                        const std::vector<QuantizedStore::Entry>& entries) {
    nlohmann::json tensors = nlohmann::json::array();
    for (const QuantizedStore::Entry& e : entries) {
        tensors.push_back({{"name", e.name}, {"rows", e.shape.rows}, {"cols", e.shape.cols},
                           {"data", e.dataOffset}, {"parameters", e.parameterOffset}});
    }
    return {{"layout", kLayoutVersion},
            {"format", settings.format == kernels::QuantFormat::Int8Row ? "int8" : "int4"},
            {"group", settings.format == kernels::QuantFormat::Int8Row ? 0 : settings.group},
            {"tile_rows", kernels::kTileRows},
            {"activation_block", kernels::kActivationBlock},
            {"bytes", store.bytes()},
            {"sources", sourcesKey(settings)},
            {"tensors", tensors}};
}

std::uint64_t dataStart(std::uint64_t headerBytes) {
    return (8 + headerBytes + kDataAlignment - 1) / kDataAlignment * kDataAlignment;
}

bool readHeader(int fd, std::uint64_t fileSize, nlohmann::json& header, std::uint64_t& start) {
    std::uint8_t length[8];
    if (fileSize < 8 || ::pread(fd, length, 8, 0) != 8) {
        return false;
    }
    std::uint64_t bytes = 0;
    for (int i = 7; i >= 0; --i) {
        bytes = (bytes << 8) | length[i];
    }
    if (bytes > (64u << 20) || 8 + bytes > fileSize) {
        return false;
    }
    std::string text(bytes, '\0');
    if (::pread(fd, text.data(), bytes, 8) != ssize_t(bytes)) {
        return false;
    }
    header = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    start = dataStart(bytes);
    return !header.is_discarded();
}

}  // namespace

bool QuantCacheIo::tryMap(QuantizedStore& store, const QuantizationSettings& settings) {
    const std::string path = pathOf(settings);
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return false;
    }
    struct stat st {};
    nlohmann::json header;
    std::uint64_t start = 0;
    const bool valid = ::fstat(fd, &st) == 0 &&
                       readHeader(fd, std::uint64_t(st.st_size), header, start) &&
                       header == headerOf(store, settings, store.m_entries) &&
                       start + store.bytes() <= std::uint64_t(st.st_size);
    void* mapping = valid ? ::mmap(nullptr, std::size_t(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0)
                          : MAP_FAILED;
    ::close(fd);
    if (mapping == MAP_FAILED) {
        return false;
    }
    // Start reading the whole file now; the first prefill would otherwise fault it in.
    ::madvise(mapping, std::size_t(st.st_size), MADV_WILLNEED);
    store.m_mapping = mapping;
    store.m_mappingBytes = std::size_t(st.st_size);
    store.m_base = static_cast<std::uint8_t*>(mapping) + start;
    store.m_fromCache = true;
    store.m_cachePath = path;
    return true;
}

void QuantCacheIo::write(const QuantizedStore& store, const QuantizationSettings& settings) {
    const nlohmann::json header = headerOf(store, settings, store.m_entries);
    if (header["sources"].is_null()) {
        return;
    }
    const std::string text = header.dump();
    const std::string path = pathOf(settings);
    const std::string temporary = path + ".tmp-" + std::to_string(::getpid());
    std::FILE* file = std::fopen(temporary.c_str(), "wb");
    if (!file) {
        return;  // a read-only model folder: quantize at every load instead
    }
    std::uint8_t length[8];
    for (int i = 0; i < 8; ++i) {
        length[i] = std::uint8_t((std::uint64_t(text.size()) >> (8 * i)) & 0xff);
    }
    const std::string padding(dataStart(text.size()) - 8 - text.size(), '\0');
    bool ok = std::fwrite(length, 1, 8, file) == 8 &&
              std::fwrite(text.data(), 1, text.size(), file) == text.size() &&
              std::fwrite(padding.data(), 1, padding.size(), file) == padding.size() &&
              std::fwrite(store.m_base, 1, store.bytes(), file) == store.bytes();
    ok = std::fclose(file) == 0 && ok;
    if (!ok || std::rename(temporary.c_str(), path.c_str()) != 0) {
        std::remove(temporary.c_str());
    }
}

}  // namespace inference
