#include "dicom/detail/photo_format.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <cstdlib>
#include <fstream>
#include <map>

namespace dicom::detail {
namespace {

// Random access to a file's bytes; every read is bounds-checked by the stream.
class FileBytes {
public:
    explicit FileBytes(const std::string& path) : m_in(path, std::ios::binary) {}
    bool read(std::uint64_t offset, unsigned char* out, std::size_t n) {
        m_in.clear();
        m_in.seekg(std::streamoff(offset));
        m_in.read(reinterpret_cast<char*>(out), std::streamsize(n));
        return m_in.gcount() == std::streamsize(n);
    }
    bool good() const { return m_in.is_open(); }

private:
    std::ifstream m_in;
};

std::uint32_t readUint(const unsigned char* p, int bytes, bool bigEndian) {
    std::uint32_t v = 0;
    for (int i = 0; i < bytes; ++i) v |= std::uint32_t(p[bigEndian ? bytes - 1 - i : i]) << (8 * i);
    return v;
}

// The first value of the wanted tags of a TIFF structure's first IFD (TIFF files, and the
// EXIF block of JPEG files, which is a TIFF structure starting at `base`).
std::map<unsigned, std::uint32_t> readIfd0(FileBytes& f, std::uint64_t base) {
    std::map<unsigned, std::uint32_t> tags;
    unsigned char h[8];
    if (!f.read(base, h, 8) || !(std::memcmp(h, "II", 2) == 0 || std::memcmp(h, "MM", 2) == 0)) return tags;
    const bool be = h[0] == 'M';
    const std::uint64_t ifd = base + readUint(h + 4, 4, be);
    unsigned char c[2];
    if (!f.read(ifd, c, 2)) return tags;
    const unsigned count = std::min<unsigned>(readUint(c, 2, be), 512);
    for (unsigned i = 0; i < count; ++i) {
        unsigned char e[12];
        if (!f.read(ifd + 2 + 12 * std::uint64_t(i), e, 12)) break;
        const unsigned tag = readUint(e, 2, be), type = readUint(e + 2, 2, be);
        const std::uint32_t n = readUint(e + 4, 4, be);
        const int size = type == 3 ? 2 : type == 4 ? 4 : 0;  // SHORT or LONG
        if (size == 0) continue;
        unsigned char v[4];
        std::memcpy(v, e + 8, 4);
        if (n * std::uint32_t(size) > 4 && !f.read(base + readUint(e + 8, 4, be), v, 4)) continue;
        tags[tag] = readUint(v, size, be);
    }
    return tags;
}

Result<PhotoHeader> png(FileBytes& f) {
    unsigned char h[26];
    if (!f.read(0, h, sizeof h)) return Error{ErrorCode::Corrupt, "truncated PNG header"};
    return PhotoHeader{int(readUint(h + 16, 4, true)), int(readUint(h + 20, 4, true)), h[24] == 16 ? 16 : 8};
}

Result<PhotoHeader> jpeg(FileBytes& f) {
    PhotoHeader header;
    unsigned orientation = 1;
    std::uint64_t pos = 2;
    for (int guard = 0; guard < 4096; ++guard) {
        unsigned char m[4];
        if (!f.read(pos, m, 4) || m[0] != 0xFF) break;
        const unsigned marker = m[1], length = readUint(m + 2, 2, true);
        if (marker == 0xFF) { ++pos; continue; }  // fill byte
        if (marker == 0xDA) break;                // start of scan: no header data beyond
        unsigned char s[10];
        const bool isSof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (isSof && f.read(pos + 4, s, 5)) {
            header = {int(readUint(s + 3, 2, true)), int(readUint(s + 1, 2, true)), s[0] > 8 ? 16 : 8};
        } else if (marker == 0xE1 && f.read(pos + 4, s, 6) && std::memcmp(s, "Exif\0\0", 6) == 0) {
            const auto tags = readIfd0(f, pos + 10);
            if (auto it = tags.find(0x0112); it != tags.end()) orientation = it->second;
        }
        pos += 2 + length;
    }
    if (header.width <= 0) return Error{ErrorCode::Corrupt, "no frame header in the JPEG file"};
    // Orientations 5 to 8 turn the picture by 90 degrees (EXIF 2.3, tag 0x0112).
    if (orientation >= 5 && orientation <= 8) std::swap(header.width, header.height);
    header.bitsPerSample = 8;  // the decoder delivers 8-bit samples for every JPEG
    return header;
}

Result<PhotoHeader> tiff(FileBytes& f) {
    const auto tags = readIfd0(f, 0);
    const auto w = tags.find(256), h = tags.find(257), bits = tags.find(258);
    if (w == tags.end() || h == tags.end()) return Error{ErrorCode::Corrupt, "no image size in the TIFF file"};
    const bool deep = bits != tags.end() && bits->second > 8;
    return PhotoHeader{int(w->second), int(h->second), deep ? 16 : 8};
}

Result<PhotoHeader> bmp(FileBytes& f) {
    unsigned char h[26];
    if (!f.read(0, h, sizeof h)) return Error{ErrorCode::Corrupt, "truncated BMP header"};
    if (readUint(h + 14, 4, false) == 12)  // OS/2 BITMAPCOREHEADER: 16-bit sizes
        return PhotoHeader{int(readUint(h + 18, 2, false)), int(readUint(h + 20, 2, false)), 8};
    const auto width = std::int32_t(readUint(h + 18, 4, false));
    const auto height = std::int32_t(readUint(h + 22, 4, false));  // negative: stored top-down
    return PhotoHeader{std::abs(width), std::abs(height), 8};
}

Result<PhotoHeader> webp(FileBytes& f) {
    unsigned char h[30];
    if (!f.read(0, h, sizeof h)) return Error{ErrorCode::Corrupt, "truncated WebP header"};
    if (std::memcmp(h + 12, "VP8 ", 4) == 0)
        return PhotoHeader{int(readUint(h + 26, 2, false) & 0x3FFF), int(readUint(h + 28, 2, false) & 0x3FFF), 8};
    if (std::memcmp(h + 12, "VP8L", 4) == 0) {
        const std::uint32_t bits = readUint(h + 21, 4, false);
        return PhotoHeader{int((bits & 0x3FFF) + 1), int(((bits >> 14) & 0x3FFF) + 1), 8};
    }
    if (std::memcmp(h + 12, "VP8X", 4) == 0)
        return PhotoHeader{int(readUint(h + 24, 3, false) + 1), int(readUint(h + 27, 3, false) + 1), 8};
    return Error{ErrorCode::Corrupt, "unknown WebP chunk"};
}

}  // namespace

PhotoFormat sniffPhotoFormat(const unsigned char* h, std::size_t n) {
    if (n >= 8 && std::memcmp(h, "\x89PNG\r\n\x1a\n", 8) == 0) return PhotoFormat::Png;
    if (n >= 3 && h[0] == 0xFF && h[1] == 0xD8 && h[2] == 0xFF) return PhotoFormat::Jpeg;
    if (n >= 4 && (std::memcmp(h, "II*\0", 4) == 0 || std::memcmp(h, "MM\0*", 4) == 0)) return PhotoFormat::Tiff;
    if (n >= 12 && std::memcmp(h, "RIFF", 4) == 0 && std::memcmp(h + 8, "WEBP", 4) == 0) return PhotoFormat::WebP;
    if (n >= 26 && h[0] == 'B' && h[1] == 'M') return PhotoFormat::Bmp;
    return PhotoFormat::None;
}

PhotoFormat photoFormatFromExtension(const std::string& path) {
    const auto dot = path.find_last_of('.');
    if (dot == std::string::npos || path.find('/', dot) != std::string::npos) return PhotoFormat::None;
    std::string ext = path.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (ext == "png") return PhotoFormat::Png;
    if (ext == "jpg" || ext == "jpeg" || ext == "jpe") return PhotoFormat::Jpeg;
    if (ext == "tif" || ext == "tiff") return PhotoFormat::Tiff;
    if (ext == "bmp") return PhotoFormat::Bmp;
    if (ext == "webp") return PhotoFormat::WebP;
    return PhotoFormat::None;
}

const char* photoFormatName(PhotoFormat format) {
    switch (format) {
    case PhotoFormat::Png: return "PNG";
    case PhotoFormat::Jpeg: return "JPEG";
    case PhotoFormat::Tiff: return "TIFF";
    case PhotoFormat::Bmp: return "BMP";
    case PhotoFormat::WebP: return "WebP";
    case PhotoFormat::None: break;
    }
    return "unknown";
}

Result<PhotoHeader> readPhotoHeader(const std::string& path, PhotoFormat format) {
    FileBytes f(path);
    if (!f.good()) return Error{ErrorCode::FileNotFound, "the file cannot be opened"};
    Result<PhotoHeader> header = Error{ErrorCode::NotDicom, "not a supported photograph"};
    switch (format) {
    case PhotoFormat::Png: header = png(f); break;
    case PhotoFormat::Jpeg: header = jpeg(f); break;
    case PhotoFormat::Tiff: header = tiff(f); break;
    case PhotoFormat::Bmp: header = bmp(f); break;
    case PhotoFormat::WebP: header = webp(f); break;
    case PhotoFormat::None: break;
    }
    if (header && (header->width <= 0 || header->height <= 0))
        return Error{ErrorCode::Corrupt, "the photograph's header gives no size"};
    return header;
}

}  // namespace dicom::detail
