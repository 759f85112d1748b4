#include "dicom/detail/lut.h"

#include <cmath>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcitem.h>

#include "dicom/detail/dataset_fields.h"

namespace dicom::detail {
namespace {

constexpr std::size_t kMaxEntries = 65536;

Error malformed(const std::string& what) {
    return {ErrorCode::Corrupt, "the lookup table is malformed (" + what + ")"};
}

// Segmented LUT data (C.7.9.2) as a program of segments over the entry values.
class SegmentExpander {
public:
    SegmentExpander(const std::vector<std::uint16_t>& values, int entryBytes)
        : m_values(values), m_entryBytes(entryBytes) {}

    // Expands at most `maxSegments` segments starting at entry `start` onto `out`.
    Status expand(std::size_t start, std::size_t maxSegments, int depth, std::vector<std::uint16_t>& out) const {
        std::size_t pos = start;
        for (std::size_t done = 0; done < maxSegments && pos + 1 < m_values.size(); ++done) {
            const unsigned opcode = m_values[pos];
            const std::size_t count = m_values[pos + 1];
            Status s = opcode == 0   ? discrete(pos, count, out)
                       : opcode == 1 ? linear(pos, count, out)
                       : opcode == 2 ? indirect(pos, count, depth, out)
                                     : Status(malformed("segment type " + std::to_string(opcode)));
            if (!s) return s;
            if (out.size() > kMaxEntries) return malformed("more than 65536 entries");
        }
        return {};
    }

private:
    Status discrete(std::size_t& pos, std::size_t count, std::vector<std::uint16_t>& out) const {
        if (pos + 2 + count > m_values.size()) return malformed("discrete segment past the end");
        out.insert(out.end(), m_values.begin() + long(pos + 2), m_values.begin() + long(pos + 2 + count));
        pos += 2 + count;
        return {};
    }

    // A line from the previous segment's last value (excluded) to y1 (included).
    Status linear(std::size_t& pos, std::size_t count, std::vector<std::uint16_t>& out) const {
        if (out.empty()) return malformed("linear segment first");
        if (pos + 2 >= m_values.size()) return malformed("linear segment past the end");
        const double y0 = out.back();
        const double y1 = m_values[pos + 2];
        for (std::size_t k = 1; k <= count; ++k)
            out.push_back(static_cast<std::uint16_t>(std::lround(y0 + (y1 - y0) * double(k) / double(count))));
        pos += 3;
        return {};
    }

    // Replays `count` segments found at a byte offset into the data: the offset is 32 bits,
    // least significant half first, as two 16-bit words or four 8-bit entries.
    Status indirect(std::size_t& pos, std::size_t count, int depth, std::vector<std::uint16_t>& out) const {
        if (out.empty() || depth > 0) return malformed("misplaced indirect segment");
        const std::size_t offsetEntries = m_entryBytes == 1 ? 4 : 2;
        if (pos + 2 + offsetEntries > m_values.size()) return malformed("indirect segment past the end");
        std::uint32_t offset = 0;
        for (std::size_t i = 0; i < offsetEntries; ++i)
            offset |= std::uint32_t(m_values[pos + 2 + i]) << (i * 8 * m_entryBytes);
        pos += 2 + offsetEntries;
        return expand(offset / std::uint32_t(m_entryBytes), count, depth + 1, out);
    }

    const std::vector<std::uint16_t>& m_values;
    int m_entryBytes;
};

std::vector<std::uint16_t> bytesOf(const std::vector<std::uint16_t>& words) {
    std::vector<std::uint16_t> bytes;
    bytes.reserve(words.size() * 2);
    for (auto w : words) {
        bytes.push_back(w & 0xFFu);
        bytes.push_back(w >> 8);
    }
    return bytes;
}

}  // namespace

Result<LutDescriptor> readLutDescriptor(DcmItem& item, const DcmTagKey& tag, bool signedInput) {
    const auto entries = word16(item, tag, 0);
    const auto first = word16(item, tag, 1);
    const auto bits = word16(item, tag, 2);
    if (!entries || !first || !bits) return malformed("descriptor needs three values");
    LutDescriptor d;
    d.entries = *entries == 0 ? kMaxEntries : *entries;
    d.firstMapped = signedInput ? std::int64_t(std::int16_t(*first)) : std::int64_t(*first);
    d.bits = int(*bits);
    if (d.bits < 1 || d.bits > 16) return malformed(std::to_string(d.bits) + " bits per entry");
    return d;
}

Result<Lut> lutFromWords(const LutDescriptor& d, const std::vector<std::uint16_t>& words) {
    Lut lut;
    lut.firstMapped = d.firstMapped;
    lut.bits = d.bits;
    const bool oneEntryPerWord = words.size() >= d.entries;
    if (d.bits == 8 && !oneEntryPerWord && words.size() * 2 >= d.entries) {
        lut.entries = bytesOf(words);
    } else if (oneEntryPerWord) {
        lut.entries.assign(words.begin(), words.begin() + long(d.entries));
        // An 8-bit descriptor over values beyond 255: the data are 16-bit, trust them.
        if (d.bits == 8 && *std::max_element(lut.entries.begin(), lut.entries.end()) > 255) lut.bits = 16;
    } else {
        return malformed(std::to_string(words.size()) + " words for " + std::to_string(d.entries) + " entries");
    }
    lut.entries.resize(d.entries);
    return lut;
}

Result<Lut> lutFromSegments(const LutDescriptor& d, const std::vector<std::uint16_t>& words) {
    const int entryBytes = d.bits == 8 ? 1 : 2;
    const std::vector<std::uint16_t> values = entryBytes == 1 ? bytesOf(words) : words;
    Lut lut;
    lut.firstMapped = d.firstMapped;
    lut.bits = d.bits;
    Status s = SegmentExpander(values, entryBytes).expand(0, values.size(), 0, lut.entries);
    if (!s) return s.error();
    if (lut.entries.empty()) return malformed("no segments");
    // A table shorter than its descriptor continues with its last value.
    lut.entries.resize(d.entries, lut.entries.back());
    return lut;
}

}  // namespace dicom::detail
