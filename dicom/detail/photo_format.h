#pragma once
// Recognising photographs (PNG, JPEG, TIFF, BMP, WebP) by their first bytes or, failing that,
// their extension, and reading their size without decoding them.
// Thread-safety: re-entrant.

#include <cstddef>
#include <string>

#include "dicom/result.h"

namespace dicom::detail {

enum class PhotoFormat { None, Png, Jpeg, Tiff, Bmp, WebP };

PhotoFormat sniffPhotoFormat(const unsigned char* head, std::size_t size);
PhotoFormat photoFormatFromExtension(const std::string& path);
const char* photoFormatName(PhotoFormat format);  // "PNG", "JPEG", ...

struct PhotoHeader {
    int width = 0;          // pixels, as displayed (after EXIF orientation where it applies)
    int height = 0;
    int bitsPerSample = 8;  // 8 or 16
};

// Reads the size from the file's header. JPEG sizes follow the EXIF orientation, which the
// decoder applies (a 90-degree rotation swaps width and height).
Result<PhotoHeader> readPhotoHeader(const std::string& path, PhotoFormat format);

}  // namespace dicom::detail
