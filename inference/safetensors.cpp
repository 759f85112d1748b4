#include "inference/safetensors.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "inference/safetensors_header.h"

namespace inference {

namespace {

struct DTypeInfo {
    DType dtype;
    const char* name;
    std::size_t size;
};

constexpr DTypeInfo kDTypes[] = {
    {DType::BF16, "BF16", 2}, {DType::F16, "F16", 2}, {DType::F32, "F32", 4},
    {DType::F64, "F64", 8},   {DType::I8, "I8", 1},   {DType::U8, "U8", 1},
    {DType::I16, "I16", 2},   {DType::I32, "I32", 4}, {DType::I64, "I64", 8},
    {DType::Bool, "BOOL", 1},
};

const DTypeInfo& info(DType dtype) {
    for (const DTypeInfo& entry : kDTypes) {
        if (entry.dtype == dtype) {
            return entry;
        }
    }
    return kDTypes[0];  // unreachable: every enumerator is listed
}

// Closes a descriptor on every return path of open().
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : m_fd(fd) {}
    ~FileDescriptor() {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

Error systemError(const std::string& path, const char* action, int error) {
    const ErrorCode code = error == ENOENT   ? ErrorCode::FileNotFound
                           : error == ENOMEM ? ErrorCode::OutOfMemory
                                             : ErrorCode::InvalidFile;
    return makeError(code, path + ": cannot " + action + ": " + std::strerror(error));
}

}  // namespace

std::size_t dtypeSize(DType dtype) {
    return info(dtype).size;
}

const char* dtypeName(DType dtype) {
    return info(dtype).name;
}

std::optional<DType> dtypeFromName(std::string_view name) {
    for (const DTypeInfo& entry : kDTypes) {
        if (name == entry.name) {
            return entry.dtype;
        }
    }
    return std::nullopt;
}

std::string formatShape(const std::vector<std::int64_t>& shape) {
    std::string text = "[";
    for (std::size_t i = 0; i < shape.size(); ++i) {
        text += (i ? ", " : "") + std::to_string(shape[i]);
    }
    return text + "]";
}

std::int64_t TensorView::numel() const {
    std::int64_t count = 1;
    for (const std::int64_t dim : shape) {
        count *= dim;  // no overflow: the header parser bounded the product
    }
    return count;
}

Result<std::shared_ptr<SafetensorsFile>> SafetensorsFile::open(const std::string& path) {
    const FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
        return systemError(path, "open", errno);
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) {
        return systemError(path, "stat", errno);
    }
    if (!S_ISREG(st.st_mode)) {
        return makeError(ErrorCode::InvalidFile, path + ": not a regular file");
    }
    const auto size = static_cast<std::size_t>(st.st_size);
    if (size < 8) {
        // mmap of an empty file fails; the parser gives the precise message.
        return safetensors_detail::parseSafetensorsBytes(nullptr, size, path).error();
    }
    void* mapping = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd.get(), 0);
    if (mapping == MAP_FAILED) {
        return systemError(path, "map", errno);
    }
    std::shared_ptr<SafetensorsFile> file(new SafetensorsFile());
    file->m_path = path;
    file->m_mapping = mapping;
    file->m_mappingSize = size;
    file->m_fileSize = size;
    auto parsed = safetensors_detail::parseSafetensorsBytes(
        static_cast<const std::uint8_t*>(mapping), size, path);
    if (!parsed.ok()) {
        return parsed.error();
    }
    file->m_tensors = std::move(parsed.value().tensors);
    file->m_metadata = std::move(parsed.value().metadata);
    return file;
}

Result<std::shared_ptr<SafetensorsFile>> SafetensorsFile::fromBuffer(const std::uint8_t* buffer,
                                                                     std::size_t size,
                                                                     const std::string& name) {
    auto parsed = safetensors_detail::parseSafetensorsBytes(buffer, size, name);
    if (!parsed.ok()) {
        return parsed.error();
    }
    std::shared_ptr<SafetensorsFile> file(new SafetensorsFile());
    file->m_path = name;
    file->m_fileSize = size;
    file->m_tensors = std::move(parsed.value().tensors);
    file->m_metadata = std::move(parsed.value().metadata);
    return file;
}

SafetensorsFile::~SafetensorsFile() {
    if (m_mapping) {
        ::munmap(m_mapping, m_mappingSize);
    }
}

}  // namespace inference
