#pragma once
// What a photograph file says about how to show its pixels, read from the file itself because
// OpenCV applies only JPEG's EXIF orientation and no ICC profile:
//   orientation  EXIF / TIFF Orientation 1..8: JPEG APP1 "Exif", PNG eXIf, TIFF tag 274 of the
//                page, WebP "EXIF" chunk;
//   ICC profile  JPEG APP2 "ICC_PROFILE" chunks in sequence order, PNG iCCP (zlib), TIFF tag
//                34675 of the page, WebP "ICCP" chunk.
// Damaged or missing metadata reads as orientation 1 and no profile: the picture still shows.
// Thread-safety: re-entrant.

#include <cstdint>
#include <string>
#include <vector>

#include "dicom/detail/photo_format.h"

namespace dicom::detail {

struct PhotoMetadata {
    int orientation = 1;                   // 1 = as stored
    std::vector<std::uint8_t> iccProfile;  // empty: none embedded
};

PhotoMetadata readPhotoMetadata(const std::string& path, PhotoFormat format, int page = 0);

// The Orientation of an EXIF block (a TIFF structure, with or without the "Exif\0\0" prefix
// that JPEG and some WebP writers put before it); 1 when absent or out of range.
int exifOrientation(const std::vector<std::uint8_t>& exif);

// True for orientations 5..8, which turn the picture by 90 degrees (width and height swap).
inline bool swapsAxes(int orientation) { return orientation >= 5 && orientation <= 8; }

}  // namespace dicom::detail
