#include "dicom/detail/jpeg_markers.h"

#include <cstring>

namespace dicom::detail {
namespace {

bool isFrameHeader(std::uint8_t marker) {
    // SOF0..SOF15 without DHT (C4), JPG (C8) and DAC (CC).
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

void readApplicationSegment(std::uint8_t marker, const std::uint8_t* body, std::size_t size,
                            JpegHeader& h) {
    if (marker == 0xE0 && size >= 5 && std::memcmp(body, "JFIF\0", 5) == 0)
        h.jfif = true;
    if (marker == 0xEE && size >= 12 && std::memcmp(body, "Adobe", 5) == 0)
        h.adobeTransform = body[11];
}

}  // namespace

std::optional<JpegHeader> readJpegHeader(const std::uint8_t* b, std::size_t size) {
    if (size < 4 || b[0] != 0xFF || b[1] != 0xD8)
        return std::nullopt;
    JpegHeader h;
    std::size_t at = 2;
    while (at + 4 <= size) {
        if (b[at] != 0xFF)
            return std::nullopt;
        const std::uint8_t marker = b[at + 1];
        if (marker == 0xFF) {  // fill byte
            ++at;
            continue;
        }
        const std::size_t length = (std::size_t(b[at + 2]) << 8) | b[at + 3];  // includes itself
        if (length < 2 || at + 2 + length > size)
            return std::nullopt;
        const std::uint8_t* body = b + at + 4;
        if (isFrameHeader(marker)) {
            if (length < 8)
                return std::nullopt;
            h.precision = body[0];
            h.height = (body[1] << 8) | body[2];
            h.width = (body[3] << 8) | body[4];
            h.components = body[5];
            h.lossless = marker == 0xC3 || marker == 0xC7 || marker == 0xCB || marker == 0xCF;
            return h;
        }
        if (marker == 0xDA)
            return std::nullopt;  // scan before any frame header
        readApplicationSegment(marker, body, length - 2, h);
        at += 2 + length;
    }
    return std::nullopt;
}

bool jpegSaysYcbcr(const JpegHeader& h) {
    if (h.components != 3)
        return false;
    if (h.adobeTransform >= 0)
        return h.adobeTransform != 0;
    return h.jfif;
}

}  // namespace dicom::detail
