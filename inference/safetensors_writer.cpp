#include "inference/safetensors_writer.h"

#include <unistd.h>

#include <nlohmann/json.hpp>

namespace inference {
namespace {

Error writeError(const std::string& path, const std::string& what) {
    return makeError(ErrorCode::InvalidFile, path + ": cannot write (" + what + ")");
}

std::string headerJson(const std::vector<TensorSpec>& tensors,
                       const std::map<std::string, std::string>& metadata) {
    nlohmann::ordered_json header = nlohmann::ordered_json::object();
    if (!metadata.empty()) {
        header["__metadata__"] = metadata;
    }
    std::uint64_t offset = 0;
    for (const TensorSpec& t : tensors) {
        const std::uint64_t end = offset + t.byteSize();
        header[t.name] = {{"dtype", dtypeName(t.dtype)}, {"shape", t.shape},
                          {"data_offsets", {offset, end}}};
        offset = end;
    }
    std::string text = header.dump();
    // Pad with spaces so the data starts 8-byte aligned, as the reference writer does.
    while ((8 + text.size()) % 8 != 0) {
        text.push_back(' ');
    }
    return text;
}

}  // namespace

std::uint64_t TensorSpec::byteSize() const {
    std::uint64_t count = 1;
    for (std::int64_t d : shape) {
        count *= std::uint64_t(d);
    }
    return count * dtypeSize(dtype);
}

Result<SafetensorsWriter> SafetensorsWriter::create(
    const std::string& path, const std::vector<TensorSpec>& tensors,
    const std::map<std::string, std::string>& metadata) {
    SafetensorsWriter writer;
    writer.m_path = path;
    writer.m_file = std::fopen(path.c_str(), "wb");
    if (!writer.m_file) {
        return writeError(path, "the file cannot be created");
    }
    const std::string header = headerJson(tensors, metadata);
    std::uint8_t length[8];
    for (int i = 0; i < 8; ++i) {
        length[i] = std::uint8_t((std::uint64_t(header.size()) >> (8 * i)) & 0xff);
    }
    if (std::fwrite(length, 1, 8, writer.m_file) != 8 ||
        std::fwrite(header.data(), 1, header.size(), writer.m_file) != header.size()) {
        return writeError(path, "the disk may be full");
    }
    for (const TensorSpec& t : tensors) {
        writer.m_expected += t.byteSize();
    }
    writer.m_dataStart = 8 + header.size();
    return writer;
}

SafetensorsWriter::SafetensorsWriter(SafetensorsWriter&& other) noexcept
    : m_file(other.m_file),
      m_path(std::move(other.m_path)),
      m_dataStart(other.m_dataStart),
      m_expected(other.m_expected),
      m_written(other.m_written) {
    other.m_file = nullptr;
}

SafetensorsWriter::~SafetensorsWriter() {
    if (m_file) {
        std::fclose(m_file);
    }
}

Status SafetensorsWriter::append(const void* data, std::size_t bytes) {
    if (!m_file) {
        return writeError(m_path, "the file is closed");
    }
    if (m_written + bytes > m_expected) {
        return makeError(ErrorCode::Internal, m_path + ": more tensor data than announced");
    }
    if (bytes > 0 && std::fwrite(data, 1, bytes, m_file) != bytes) {
        return writeError(m_path, "the disk may be full");
    }
    m_written += bytes;
    return {};
}

Status SafetensorsWriter::appendZeros(std::uint64_t bytes) {
    if (!m_file) {
        return writeError(m_path, "the file is closed");
    }
    if (m_written + bytes > m_expected) {
        return makeError(ErrorCode::Internal, m_path + ": more tensor data than announced");
    }
    if (bytes > 0 && ::fseeko(m_file, off_t(bytes), SEEK_CUR) != 0) {
        return writeError(m_path, "the file cannot be extended");
    }
    m_written += bytes;
    return {};
}

Status SafetensorsWriter::finish() {
    if (!m_file) {
        return writeError(m_path, "the file is closed");
    }
    const bool complete = m_written == m_expected;
    // A file that ends in zeros skipped by appendZeros() gets its length here.
    const bool sized = std::fflush(m_file) == 0 &&
                       ::ftruncate(::fileno(m_file), off_t(m_dataStart + m_written)) == 0;
    const bool closed = std::fclose(m_file) == 0 && sized;
    m_file = nullptr;
    if (!complete) {
        return makeError(ErrorCode::Internal, m_path + ": tensor data is incomplete");
    }
    return closed ? Status() : writeError(m_path, "the disk may be full");
}

Status writeSafetensors(const std::string& path, const std::vector<TensorData>& tensors,
                        const std::map<std::string, std::string>& metadata) {
    std::vector<TensorSpec> specs;
    for (const TensorData& t : tensors) {
        specs.push_back(t.spec);
    }
    Result<SafetensorsWriter> writer = SafetensorsWriter::create(path, specs, metadata);
    if (!writer) {
        return writer.error();
    }
    for (const TensorData& t : tensors) {
        if (Status s = writer->append(t.data, std::size_t(t.spec.byteSize())); !s) {
            return s;
        }
    }
    return writer->finish();
}

}  // namespace inference
