#include "dicom/detail/compressed_frame.h"

#include <cstring>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfcache.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>

#include "dicom/detail/fragment_index.h"

namespace dicom::detail {
namespace {

Error corrupt(const std::string& reason) {
    return {ErrorCode::Corrupt, reason};
}

std::uint64_t littleEndian(const std::uint8_t* p, int bytes) {
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i)
        v |= std::uint64_t(p[i]) << (8 * i);
    return v;
}

// A table of `count` entries of `width` bytes, little endian (offset tables are OB/OV, always
// little endian in the encapsulated transfer syntaxes); nothing when the value is not exactly
// that long, which also keeps a forged length from sizing the buffer.
std::vector<std::uint64_t> readTable(DcmElement& element, int count, int width,
                                     DcmFileCache& cache) {
    const std::uint64_t expected = std::uint64_t(count) * std::uint64_t(width);
    if (element.getLength() != expected)
        return {};
    std::vector<std::uint8_t> bytes(expected);
    if (element.getPartialValue(bytes.data(), 0, Uint32(bytes.size()), &cache, EBO_LittleEndian)
            .bad())
        return {};
    std::vector<std::uint64_t> offsets;
    for (std::size_t at = 0; at < bytes.size(); at += std::size_t(width))
        offsets.push_back(littleEndian(bytes.data() + at, width));
    return offsets;
}

// The Extended Offset Table (7FE0,0001) replaces an empty Basic Offset Table (PS3.5 A.4).
std::vector<std::uint64_t> offsetTable(DcmDataset& ds, DcmPixelSequence& seq, int frames,
                                       DcmFileCache& cache) {
    DcmElement* extended = nullptr;
    if (ds.findAndGetElement(DCM_ExtendedOffsetTable, extended).good() && extended &&
        extended->getLength() > 0)
        return readTable(*extended, frames, 8, cache);
    DcmPixelItem* basic = nullptr;
    if (seq.getItem(basic, 0).bad() || !basic || basic->getLength() == 0)
        return {};
    return readTable(*basic, frames, 4, cache);
}

DcmPixelItem* fragmentAt(DcmPixelSequence& seq, std::size_t index) {
    DcmPixelItem* item = nullptr;
    return seq.getItem(item, Uint32(index + 1)).good() ? item : nullptr;
}

bool fragmentOpens(DcmPixelSequence& seq, std::size_t index, StreamStart kind,
                   DcmFileCache& cache) {
    DcmPixelItem* item = fragmentAt(seq, index);
    if (!item)
        return false;
    std::uint8_t head[12] = {};
    const Uint32 size = std::min<Uint32>(item->getLength(), sizeof head);
    if (size == 0 || item->getPartialValue(head, 0, size, &cache, EBO_LittleEndian).bad())
        return false;
    return opensCodestream(kind, head, size);
}

// The fragments of `range` one after the other; `total` is the sum of their lengths.
Result<std::vector<std::uint8_t>> concatenate(DcmPixelSequence& seq, const FragmentRange& range,
                                              std::uint64_t total, DcmFileCache& cache) {
    std::vector<std::uint8_t> bytes(total);
    std::size_t at = 0;
    for (std::size_t i = 0; i < range.count; ++i) {
        DcmPixelItem* item = fragmentAt(seq, range.first + i);
        const Uint32 length = item->getLength();
        if (length > 0 &&
            item->getPartialValue(bytes.data() + at, 0, length, &cache, EBO_LittleEndian).bad())
            return corrupt("fragment " + std::to_string(range.first + i + 1) + " cannot be read");
        at += length;
    }
    return bytes;
}

}  // namespace

bool opensCodestream(StreamStart kind, const std::uint8_t* head, std::size_t size) {
    switch (kind) {
        case StreamStart::Jpeg:  // SOI then another marker (JPEG and JPEG-LS)
            return size >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF;
        case StreamStart::Jpeg2000: {
            static const std::uint8_t codestream[4] = {0xFF, 0x4F, 0xFF, 0x51};
            static const std::uint8_t jp2[8] = {0, 0, 0, 0x0C, 'j', 'P', ' ', ' '};
            return (size >= 4 && std::memcmp(head, codestream, 4) == 0) ||
                   (size >= 8 && std::memcmp(head, jp2, 8) == 0);
        }
        case StreamStart::Rle:  // PS3.5 G.5: 1..15 segments, the first right after the 64-byte
                                // header
            return size >= 8 && littleEndian(head, 4) >= 1 && littleEndian(head, 4) <= 15 &&
                   littleEndian(head + 4, 4) == 64;
    }
    return false;
}

Result<std::vector<std::uint8_t>> readCompressedFrame(DcmDataset& ds, DcmPixelSequence& seq,
                                                      StreamStart kind, int frames, int frame,
                                                      std::uint64_t maxBytes) {
    DcmFileCache cache;
    FragmentList list;
    for (std::size_t i = 0; i + 1 < std::size_t(seq.card()); ++i)
        list.lengths.push_back(fragmentAt(seq, i)->getLength());
    list.offsets = offsetTable(ds, seq, frames, cache);
    const auto range = locateFrameFragments(list, frames, frame, [&](std::size_t index) {
        return fragmentOpens(seq, index, kind, cache);
    });
    if (!range)
        return range.error();
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < range->count; ++i)
        total += list.lengths[range->first + i];
    if (total == 0)
        return corrupt("frame " + std::to_string(frame + 1) + " has no compressed data");
    if (total > maxBytes)
        return corrupt("frame " + std::to_string(frame + 1) + " claims " + std::to_string(total) +
                       " bytes of compressed data, more than the image can need");
    return concatenate(seq, range.value(), total, cache);
}

}  // namespace dicom::detail
