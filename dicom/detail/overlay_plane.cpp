#include "dicom/detail/overlay_plane.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcelem.h>
#include <dcmtk/dcmdata/dcfcache.h>
#include <dcmtk/dcmdata/dcitem.h>

#include "dicom/detail/dataset_fields.h"
#include "dicom/detail/utf8.h"

namespace dicom::detail {
namespace {

constexpr int kFirstGroup = 0x6000;
constexpr int kLastGroup = 0x601E;
constexpr int kMaxOverlayPixels = 1 << 26;  // far beyond any image; guards absurd headers

DcmTagKey tagOf(int group, unsigned element) {
    return DcmTagKey(Uint16(group), Uint16(element));
}

int integer(DcmItem& item, int group, unsigned element, int fallback, unsigned long index = 0) {
    return int(intValue(item, tagOf(group, element), index).value_or(fallback));
}

std::optional<OverlayDefinition> readDefinition(DcmItem& item, int g) {
    OverlayDefinition d;
    Overlay& h = d.header;
    h.group = g;
    h.rows = integer(item, g, 0x0010, 0);
    h.columns = integer(item, g, 0x0011, 0);
    if (h.rows <= 0 || h.columns <= 0 || std::int64_t(h.rows) * h.columns > kMaxOverlayPixels)
        return std::nullopt;
    h.originRow = integer(item, g, 0x0050, 1, 0);
    h.originColumn = integer(item, g, 0x0050, 1, 1);
    h.type = stringValue(item, tagOf(g, 0x0040));
    h.label = validUtf8(stringValue(item, tagOf(g, 0x1500)));
    h.description = validUtf8(stringValue(item, tagOf(g, 0x0022)));
    d.bitsAllocated = integer(item, g, 0x0100, 1);
    d.bitPosition = integer(item, g, 0x0102, 0);
    d.hasData = item.tagExists(tagOf(g, 0x3000));
    d.multiFrame = item.tagExists(tagOf(g, 0x0015));
    d.frames = d.multiFrame ? integer(item, g, 0x0015, 1) : 1;
    d.firstFrame = integer(item, g, 0x0051, 1) - 1;
    if (d.frames < 1 || d.firstFrame < 0)
        return std::nullopt;
    return d;
}

// The little-endian byte stream of an OB or OW value from byte `first`, `count` bytes.
std::optional<std::vector<std::uint8_t>> readBytes(DcmItem& item, const DcmTagKey& tag,
                                                   std::uint64_t first, std::uint64_t count) {
    DcmElement* element = nullptr;
    if (item.findAndGetElement(tag, element).bad() || !element ||
        first + count > element->getLength())
        return std::nullopt;
    std::vector<std::uint8_t> bytes(count);
    DcmFileCache cache;
    if (element
            ->getPartialValue(bytes.data(), Uint32(first), Uint32(count), &cache, EBO_LittleEndian)
            .bad())
        return std::nullopt;
    return bytes;
}

}  // namespace

std::vector<OverlayDefinition> readOverlayDefinitions(DcmItem& item) {
    std::vector<OverlayDefinition> out;
    for (int g = kFirstGroup; g <= kLastGroup; g += 2)
        if (item.tagExists(tagOf(g, 0x0010)))
            if (auto d = readDefinition(item, g))
                out.push_back(std::move(*d));
    return out;
}

std::optional<int> planeFrameFor(const OverlayDefinition& d, int frame) {
    if (!d.multiFrame)
        return 0;
    if (frame < d.firstFrame || frame >= d.firstFrame + d.frames)
        return std::nullopt;
    return frame - d.firstFrame;
}

std::optional<Overlay> overlayFromData(DcmItem& item, const OverlayDefinition& d, int planeFrame) {
    // Frames follow each other bit by bit, packed from the least significant bit (PS3.5 8.1.2).
    const std::uint64_t pixels = std::uint64_t(d.header.rows) * std::uint64_t(d.header.columns);
    const std::uint64_t firstBit = pixels * std::uint64_t(planeFrame);
    const std::uint64_t firstByte = firstBit / 8;
    const auto bytes = readBytes(item, tagOf(d.header.group, 0x3000), firstByte,
                                 (firstBit + pixels + 7) / 8 - firstByte);
    if (!bytes)
        return std::nullopt;
    Overlay out = d.header;
    out.bits.resize(std::size_t(pixels));
    for (std::uint64_t i = 0; i < pixels; ++i) {
        const std::uint64_t bit = firstBit % 8 + i;
        out.bits[std::size_t(i)] = ((*bytes)[std::size_t(bit / 8)] >> (bit % 8)) & 1u;
    }
    return out;
}

std::optional<Overlay> overlayFromCells(const OverlayDefinition& d, const FrameCells& cells) {
    const PixelLayout& l = cells.layout;
    const int lowestStored = l.highBit + 1 - l.bitsStored;
    const bool insideValue = d.bitPosition >= lowestStored && d.bitPosition <= l.highBit;
    if (l.samplesPerPixel != 1 || l.bitsAllocated < 8 || d.bitPosition < 0 ||
        d.bitPosition >= l.bitsAllocated || insideValue || d.header.rows != l.rows ||
        d.header.columns != l.columns)
        return std::nullopt;
    const std::size_t cellBytes = std::size_t(l.bitsAllocated / 8);
    if (cells.bitOffset != 0 || cells.bytes.size() < std::size_t(l.pixelsPerFrame()) * cellBytes)
        return std::nullopt;
    Overlay out = d.header;
    out.embedded = true;
    out.originRow = out.originColumn = 1;
    out.bits.resize(std::size_t(l.pixelsPerFrame()));
    const std::size_t byteInCell = std::size_t(d.bitPosition / 8);
    for (std::size_t i = 0; i < out.bits.size(); ++i)
        out.bits[i] = (cells.bytes[i * cellBytes + byteInCell] >> (d.bitPosition % 8)) & 1u;
    return out;
}

}  // namespace dicom::detail
