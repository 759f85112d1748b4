#include "dicom/detail/rle_check.h"

#include <optional>
#include <string>

namespace dicom::detail {
namespace {

constexpr std::size_t kHeaderBytes = 64;

Error corrupt(const std::string& reason) {
    return {ErrorCode::Corrupt, "the RLE data " + reason};
}

std::uint32_t word32(const std::vector<std::uint8_t>& b, std::size_t at) {
    return std::uint32_t(b[at]) | std::uint32_t(b[at + 1]) << 8 | std::uint32_t(b[at + 2]) << 16 |
           std::uint32_t(b[at + 3]) << 24;
}

// Bytes that the PackBits runs in [begin, end) produce, counting no further than `needed`;
// nothing when a run is cut off by the end of the segment.
std::optional<std::uint64_t> producedBytes(const std::vector<std::uint8_t>& b, std::size_t begin,
                                           std::size_t end, std::uint64_t needed) {
    std::uint64_t produced = 0;
    std::size_t at = begin;
    while (at < end && produced < needed) {
        const unsigned n = b[at];
        if (n < 128) {  // literal run of n + 1 bytes
            if (at + 1 + n + 1 > end)
                return std::nullopt;
            produced += n + 1;
            at += n + 2;
        } else if (n > 128) {  // one byte repeated 257 - n times
            if (at + 2 > end)
                return std::nullopt;
            produced += 257 - n;
            at += 2;
        } else {
            ++at;  // 128: no operation
        }
    }
    return produced;
}

}  // namespace

Status checkRleFrame(const std::vector<std::uint8_t>& frame, const PixelLayout& l) {
    if (frame.size() < kHeaderBytes)
        return corrupt("are shorter than their header");
    const std::uint32_t segments = word32(frame, 0);
    const std::uint32_t expected = std::uint32_t(l.samplesPerPixel * (l.bitsAllocated / 8));
    if (segments != expected)
        return corrupt("hold " + std::to_string(segments) + " segments where the image needs " +
                       std::to_string(expected));
    for (std::uint32_t s = 0; s < segments; ++s) {
        const std::size_t begin = word32(frame, 4 + 4 * s);
        const std::size_t end = s + 1 < segments ? word32(frame, 8 + 4 * s) : frame.size();
        if (begin < kHeaderBytes || begin >= end || end > frame.size())
            return corrupt("have a segment offset outside the frame (segment " +
                           std::to_string(s + 1) + ")");
        const auto produced = producedBytes(frame, begin, end, l.pixelsPerFrame());
        if (!produced || *produced < l.pixelsPerFrame())
            return corrupt("end early in segment " + std::to_string(s + 1));
    }
    return {};
}

}  // namespace dicom::detail
