#pragma once
// Bounds-checked random access to a file's bytes, and the integer readers that image headers
// (TIFF, EXIF, PNG, WebP, JPEG) need. Reads past the end fail instead of returning garbage.
// Thread-safety: one FileBytes per thread.

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

namespace dicom::detail {

class FileBytes {
public:
    explicit FileBytes(const std::string& path) : m_in(path, std::ios::binary) {
        if (m_in) {
            m_in.seekg(0, std::ios::end);
            m_size = std::uint64_t(m_in.tellg());
        }
    }
    bool good() const { return m_in.is_open(); }
    std::uint64_t size() const { return m_size; }

    bool read(std::uint64_t offset, void* out, std::size_t n) {
        if (offset > m_size || n > m_size - offset) return false;
        m_in.clear();
        m_in.seekg(std::streamoff(offset));
        m_in.read(static_cast<char*>(out), std::streamsize(n));
        return m_in.gcount() == std::streamsize(n);
    }

    // Reads `n` bytes (at most `cap`) into a vector; empty on failure.
    std::vector<std::uint8_t> bytes(std::uint64_t offset, std::uint64_t n, std::uint64_t cap = 64u << 20) {
        std::vector<std::uint8_t> out;
        if (n > cap) return out;
        out.resize(std::size_t(n));
        if (!read(offset, out.data(), out.size())) out.clear();
        return out;
    }

private:
    std::ifstream m_in;
    std::uint64_t m_size = 0;
};

inline std::uint32_t readUint(const std::uint8_t* p, int bytes, bool bigEndian) {
    std::uint32_t v = 0;
    for (int i = 0; i < bytes; ++i) v |= std::uint32_t(p[bigEndian ? bytes - 1 - i : i]) << (8 * i);
    return v;
}

}  // namespace dicom::detail
