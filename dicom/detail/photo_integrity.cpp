#include "dicom/detail/photo_integrity.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <vector>

namespace dicom::detail {
namespace {

std::uint32_t be32(const unsigned char* p) { return std::uint32_t(p[0]) << 24 | p[1] << 16 | p[2] << 8 | p[3]; }
std::uint32_t le32(const unsigned char* p) { return std::uint32_t(p[3]) << 24 | p[2] << 16 | p[1] << 8 | p[0]; }

std::uint64_t sizeOf(std::ifstream& in) {
    in.seekg(0, std::ios::end);
    return std::uint64_t(in.tellg());
}

bool readAt(std::ifstream& in, std::uint64_t offset, unsigned char* out, std::size_t n) {
    in.clear();
    in.seekg(std::streamoff(offset));
    in.read(reinterpret_cast<char*>(out), std::streamsize(n));
    return in.gcount() == std::streamsize(n);
}

bool pngComplete(std::ifstream& in, std::uint64_t size) {
    std::uint64_t pos = 8;
    unsigned char h[8];
    while (pos + 12 <= size && readAt(in, pos, h, 8)) {
        if (std::memcmp(h + 4, "IEND", 4) == 0) return true;
        pos += 12 + std::uint64_t(be32(h));  // length, type, data, CRC
    }
    return false;
}

// Finds the first start-of-scan by walking the marker segments, then an end-of-image marker
// in the entropy-coded data after it (0xFF bytes in the data are stuffed, so FF D9 is a marker).
bool jpegComplete(std::ifstream& in, std::uint64_t size) {
    std::uint64_t pos = 2;
    unsigned char m[4];
    while (pos + 4 <= size && readAt(in, pos, m, 4) && m[0] == 0xFF) {
        if (m[1] == 0xFF) { ++pos; continue; }
        pos += 2 + (std::uint64_t(m[2]) << 8 | m[3]);
        if (m[1] == 0xDA) break;
    }
    std::vector<char> buffer(1 << 16);
    bool previousFF = false;
    in.clear();
    in.seekg(std::streamoff(pos));
    while (in.read(buffer.data(), std::streamsize(buffer.size())) || in.gcount() > 0) {
        for (std::streamsize i = 0; i < in.gcount(); ++i) {
            const auto c = static_cast<unsigned char>(buffer[std::size_t(i)]);
            if (previousFF && c == 0xD9) return true;
            previousFF = c == 0xFF;
        }
    }
    return false;
}

bool bmpComplete(std::ifstream& in, std::uint64_t size) {
    unsigned char h[34];
    if (!readAt(in, 0, h, sizeof h)) return false;
    if (le32(h + 14) < 40 || le32(h + 30) != 0) return true;  // old header or compressed: decoder decides
    const std::uint64_t width = std::uint64_t(std::abs(std::int32_t(le32(h + 18))));
    const std::uint64_t height = std::uint64_t(std::abs(std::int32_t(le32(h + 22))));
    const std::uint64_t bits = std::uint64_t(h[28] | h[29] << 8);
    const std::uint64_t rowBytes = (width * bits + 31) / 32 * 4;
    return le32(h + 10) + rowBytes * height <= size;
}

bool webpComplete(std::ifstream& in, std::uint64_t size) {
    unsigned char h[8];
    return readAt(in, 0, h, 8) && std::uint64_t(le32(h + 4)) + 8 <= size;
}

}  // namespace

Status checkPhotoComplete(const std::string& path, PhotoFormat format) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{ErrorCode::FileNotFound, path + ": the file cannot be opened"};
    const std::uint64_t size = sizeOf(in);
    bool complete = true;
    switch (format) {
    case PhotoFormat::Png: complete = pngComplete(in, size); break;
    case PhotoFormat::Jpeg: complete = jpegComplete(in, size); break;
    case PhotoFormat::Bmp: complete = bmpComplete(in, size); break;
    case PhotoFormat::WebP: complete = webpComplete(in, size); break;
    case PhotoFormat::Tiff:
    case PhotoFormat::None: break;
    }
    if (complete) return {};
    return Error{ErrorCode::Corrupt, path + ": the " + std::string(photoFormatName(format)) +
                                         " file is truncated or damaged"};
}

}  // namespace dicom::detail
