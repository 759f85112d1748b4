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
    int width = 0;          // pixels, as displayed (after the EXIF / TIFF orientation)
    int height = 0;
    int bitsPerSample = 8;  // 8 or 16
    int pages = 1;          // TIFF: the pages, each shown as a frame
    int orientation = 1;    // EXIF / TIFF Orientation of the first page, 1..8
};

// Reads the size of the first page from the file's header. Sizes follow the orientation, which
// the decoder applies to every format (a 90-degree turn swaps width and height).
Result<PhotoHeader> readPhotoHeader(const std::string& path, PhotoFormat format);

}  // namespace dicom::detail
