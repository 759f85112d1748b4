#include "dicom/detail/photo_metadata.h"

#include <algorithm>
#include <cstring>
#include <map>

#include <zlib.h>

#include "dicom/detail/file_bytes.h"
#include "dicom/detail/tiff_ifd.h"

namespace dicom::detail {
namespace {

constexpr std::uint64_t kMaxProfileBytes = 16u << 20;  // far beyond any real ICC profile

bool startsWith(const std::vector<std::uint8_t>& data, const char* prefix, std::size_t n) {
    return data.size() >= n && std::memcmp(data.data(), prefix, n) == 0;
}

// PNG iCCP holds a zlib stream; inflate with a cap so a forged chunk cannot exhaust memory.
std::vector<std::uint8_t> inflateCapped(const std::uint8_t* data, std::size_t size) {
    std::vector<std::uint8_t> out;
    z_stream z{};
    if (inflateInit(&z) != Z_OK) return out;
    z.next_in = const_cast<Bytef*>(data);
    z.avail_in = uInt(size);
    std::uint8_t chunk[1 << 14];
    int status = Z_OK;
    while (status == Z_OK && out.size() <= kMaxProfileBytes) {
        z.next_out = chunk;
        z.avail_out = sizeof chunk;
        status = inflate(&z, Z_NO_FLUSH);
        out.insert(out.end(), chunk, chunk + (sizeof chunk - z.avail_out));
    }
    inflateEnd(&z);
    if (status != Z_STREAM_END || out.size() > kMaxProfileBytes) out.clear();
    return out;
}

PhotoMetadata jpeg(FileBytes& f) {
    PhotoMetadata m;
    std::map<int, std::vector<std::uint8_t>> iccChunks;  // sequence number -> data
    std::uint64_t pos = 2;
    for (int guard = 0; guard < 4096; ++guard) {
        std::uint8_t h[4];
        if (!f.read(pos, h, 4) || h[0] != 0xFF) break;
        if (h[1] == 0xFF) { ++pos; continue; }     // fill byte
        if (h[1] == 0xDA || h[1] == 0xD9) break;    // scan data follows: no metadata beyond
        const std::uint32_t length = readUint(h + 2, 2, true);
        if (length < 2) break;
        if (h[1] == 0xE1 || h[1] == 0xE2) {
            const auto data = f.bytes(pos + 4, length - 2, 1 << 16);
            if (h[1] == 0xE1 && startsWith(data, "Exif\0\0", 6)) m.orientation = exifOrientation(data);
            if (h[1] == 0xE2 && startsWith(data, "ICC_PROFILE\0", 12) && data.size() > 14)
                iccChunks[data[12]].assign(data.begin() + 14, data.end());
        }
        pos += 2 + length;
    }
    for (const auto& [sequence, chunk] : iccChunks) m.iccProfile.insert(m.iccProfile.end(), chunk.begin(), chunk.end());
    return m;
}

PhotoMetadata png(FileBytes& f) {
    PhotoMetadata m;
    for (std::uint64_t pos = 8; pos + 12 <= f.size();) {
        std::uint8_t h[8];
        if (!f.read(pos, h, 8)) break;
        const std::uint32_t length = readUint(h, 4, true);
        if (std::memcmp(h + 4, "IEND", 4) == 0) break;
        if (std::memcmp(h + 4, "eXIf", 4) == 0) m.orientation = exifOrientation(f.bytes(pos + 8, length, 1 << 20));
        if (std::memcmp(h + 4, "iCCP", 4) == 0) {
            const auto data = f.bytes(pos + 8, length, kMaxProfileBytes);
            const auto nul = std::find(data.begin(), data.end(), std::uint8_t(0));
            // keyword, NUL, compression method 0, then the zlib stream
            if (nul != data.end() && data.end() - nul > 2 && nul[1] == 0)
                m.iccProfile = inflateCapped(&*nul + 2, std::size_t(data.end() - nul - 2));
        }
        pos += 12 + std::uint64_t(length);
    }
    return m;
}

PhotoMetadata tiff(FileBytes& f, int page) {
    PhotoMetadata m;
    TiffReader<FileBytes> reader(f, 0);
    auto pages = reader.pages();
    if (page < 0 || std::size_t(page) >= pages.size()) return m;
    const auto orientation = reader.scalar(pages[std::size_t(page)], kTiffOrientation);
    if (orientation && *orientation >= 1 && *orientation <= 8) m.orientation = int(*orientation);
    m.iccProfile = reader.blob(pages[std::size_t(page)], kTiffIccProfile);
    return m;
}

PhotoMetadata webp(FileBytes& f) {
    PhotoMetadata m;
    for (std::uint64_t pos = 12; pos + 8 <= f.size();) {
        std::uint8_t h[8];
        if (!f.read(pos, h, 8)) break;
        const std::uint32_t length = readUint(h + 4, 4, false);
        if (std::memcmp(h, "EXIF", 4) == 0) m.orientation = exifOrientation(f.bytes(pos + 8, length, 1 << 20));
        if (std::memcmp(h, "ICCP", 4) == 0) m.iccProfile = f.bytes(pos + 8, length, kMaxProfileBytes);
        pos += 8 + std::uint64_t(length) + (length & 1);  // chunks are padded to even sizes
    }
    return m;
}

}  // namespace

int exifOrientation(const std::vector<std::uint8_t>& exif) {
    const std::uint64_t base = startsWith(exif, "Exif\0\0", 6) ? 6 : 0;
    MemoryBytes bytes(exif);
    TiffReader<MemoryBytes> reader(bytes, base);
    if (!reader.valid()) return 1;
    const auto pages = reader.pages();
    if (pages.empty()) return 1;
    const auto value = reader.scalar(pages.front(), kTiffOrientation);
    return value && *value >= 1 && *value <= 8 ? int(*value) : 1;
}

PhotoMetadata readPhotoMetadata(const std::string& path, PhotoFormat format, int page) {
    FileBytes f(path);
    if (!f.good()) return {};
    switch (format) {
    case PhotoFormat::Jpeg: return jpeg(f);
    case PhotoFormat::Png: return png(f);
    case PhotoFormat::Tiff: return tiff(f, page);
    case PhotoFormat::WebP: return webp(f);
    case PhotoFormat::Bmp:
    case PhotoFormat::None: break;
    }
    return {};
}

}  // namespace dicom::detail
