#include "dicom/detail/photo_format.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "dicom/detail/file_bytes.h"
#include "dicom/detail/photo_metadata.h"
#include "dicom/detail/tiff_ifd.h"

namespace dicom::detail {
namespace {

Result<PhotoHeader> png(FileBytes& f) {
    std::uint8_t h[26];
    if (!f.read(0, h, sizeof h)) return Error{ErrorCode::Corrupt, "truncated PNG header"};
    PhotoHeader header;
    header.width = int(readUint(h + 16, 4, true));
    header.height = int(readUint(h + 20, 4, true));
    header.bitsPerSample = h[24] == 16 ? 16 : 8;
    return header;
}

Result<PhotoHeader> jpeg(FileBytes& f) {
    PhotoHeader header;
    std::uint64_t pos = 2;
    for (int guard = 0; guard < 4096; ++guard) {
        std::uint8_t m[4];
        if (!f.read(pos, m, 4) || m[0] != 0xFF) break;
        const unsigned marker = m[1], length = readUint(m + 2, 2, true);
        if (marker == 0xFF) { ++pos; continue; }  // fill byte
        if (marker == 0xDA) break;                // start of scan: no header data beyond
        std::uint8_t s[5];
        const bool isSof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (isSof && f.read(pos + 4, s, 5)) {
            header.width = int(readUint(s + 3, 2, true));
            header.height = int(readUint(s + 1, 2, true));
        }
        pos += 2 + length;
    }
    if (header.width <= 0) return Error{ErrorCode::Corrupt, "no frame header in the JPEG file"};
    header.bitsPerSample = 8;  // the decoder delivers 8-bit samples for every JPEG
    return header;
}

Result<PhotoHeader> tiff(FileBytes& f) {
    TiffReader<FileBytes> reader(f, 0);
    const auto pages = reader.pages();
    if (pages.empty()) return Error{ErrorCode::Corrupt, "no image directory in the TIFF file"};
    const auto w = reader.scalar(pages[0], kTiffWidth), h = reader.scalar(pages[0], kTiffHeight);
    if (!w || !h) return Error{ErrorCode::Corrupt, "no image size in the TIFF file"};
    const auto bits = reader.scalar(pages[0], kTiffBits);
    PhotoHeader header;
    header.width = int(*w);
    header.height = int(*h);
    header.bitsPerSample = bits && *bits > 8 ? 16 : 8;
    header.pages = int(pages.size());
    return header;
}

Result<PhotoHeader> bmp(FileBytes& f) {
    std::uint8_t h[26];
    if (!f.read(0, h, sizeof h)) return Error{ErrorCode::Corrupt, "truncated BMP header"};
    PhotoHeader header;
    if (readUint(h + 14, 4, false) == 12) {  // OS/2 BITMAPCOREHEADER: 16-bit sizes
        header.width = int(readUint(h + 18, 2, false));
        header.height = int(readUint(h + 20, 2, false));
        return header;
    }
    header.width = std::abs(std::int32_t(readUint(h + 18, 4, false)));
    header.height = std::abs(std::int32_t(readUint(h + 22, 4, false)));  // negative: stored top-down
    return header;
}

Result<PhotoHeader> webp(FileBytes& f) {
    std::uint8_t h[30];
    if (!f.read(0, h, sizeof h)) return Error{ErrorCode::Corrupt, "truncated WebP header"};
    PhotoHeader header;
    if (std::memcmp(h + 12, "VP8 ", 4) == 0) {
        header.width = int(readUint(h + 26, 2, false) & 0x3FFF);
        header.height = int(readUint(h + 28, 2, false) & 0x3FFF);
    } else if (std::memcmp(h + 12, "VP8L", 4) == 0) {
        const std::uint32_t bits = readUint(h + 21, 4, false);
        header.width = int((bits & 0x3FFF) + 1);
        header.height = int(((bits >> 14) & 0x3FFF) + 1);
    } else if (std::memcmp(h + 12, "VP8X", 4) == 0) {
        header.width = int(readUint(h + 24, 3, false) + 1);
        header.height = int(readUint(h + 27, 3, false) + 1);
    } else {
        return Error{ErrorCode::Corrupt, "unknown WebP chunk"};
    }
    return header;
}

Result<PhotoHeader> readSize(FileBytes& f, PhotoFormat format) {
    switch (format) {
    case PhotoFormat::Png: return png(f);
    case PhotoFormat::Jpeg: return jpeg(f);
    case PhotoFormat::Tiff: return tiff(f);
    case PhotoFormat::Bmp: return bmp(f);
    case PhotoFormat::WebP: return webp(f);
    case PhotoFormat::None: break;
    }
    return Error{ErrorCode::NotDicom, "not a supported photograph"};
}

}  // namespace

PhotoFormat sniffPhotoFormat(const unsigned char* h, std::size_t n) {
    if (n >= 8 && std::memcmp(h, "\x89PNG\r\n\x1a\n", 8) == 0) return PhotoFormat::Png;
    if (n >= 3 && h[0] == 0xFF && h[1] == 0xD8 && h[2] == 0xFF) return PhotoFormat::Jpeg;
    if (n >= 4 && (std::memcmp(h, "II*\0", 4) == 0 || std::memcmp(h, "MM\0*", 4) == 0 ||
                   std::memcmp(h, "II+\0", 4) == 0 || std::memcmp(h, "MM\0+", 4) == 0))  // classic or BigTIFF
        return PhotoFormat::Tiff;
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
    auto header = readSize(f, format);
    if (header && (header->width <= 0 || header->height <= 0))
        return Error{ErrorCode::Corrupt, "the photograph's header gives no size"};
    if (!header) return header;
    header->orientation = readPhotoMetadata(path, format).orientation;
    if (swapsAxes(header->orientation)) std::swap(header->width, header->height);
    return header;
}

}  // namespace dicom::detail
