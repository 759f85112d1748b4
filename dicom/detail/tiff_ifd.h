#pragma once
// Reading TIFF image file directories (IFDs): the pages of a TIFF file (classic TIFF and
// BigTIFF, which histopathology tiles beyond 4 GiB use), and the EXIF block of JPEG, PNG and
// WebP files, which is a TIFF structure of its own. Only what photographs need: page sizes,
// bits, Orientation (0x0112) and the ICC profile (34675).
// Thread-safety: the reader uses the byte source it is given, one thread at a time.

#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "dicom/detail/file_bytes.h"

namespace dicom::detail {

inline constexpr unsigned kTiffWidth = 256, kTiffHeight = 257, kTiffBits = 258, kTiffOrientation = 274;
inline constexpr unsigned kTiffIccProfile = 34675;
inline constexpr std::size_t kMaxTiffPages = 10000;
inline constexpr std::uint64_t kMaxTiffEntries = 4096;  // per directory; real files use a few dozen

// The same interface as FileBytes over bytes in memory (an EXIF block).
class MemoryBytes {
public:
    explicit MemoryBytes(const std::vector<std::uint8_t>& data) : m_data(data) {}
    bool read(std::uint64_t offset, void* out, std::size_t n) {
        if (offset > m_data.size() || n > m_data.size() - offset) return false;
        std::memcpy(out, m_data.data() + offset, n);
        return true;
    }
    std::vector<std::uint8_t> bytes(std::uint64_t offset, std::uint64_t n, std::uint64_t = 0) {
        std::vector<std::uint8_t> out(static_cast<std::size_t>(n));
        if (!read(offset, out.data(), out.size())) out.clear();
        return out;
    }

private:
    const std::vector<std::uint8_t>& m_data;
};

struct IfdEntry {
    unsigned type = 0;
    std::uint64_t count = 0;
    std::uint8_t value[8] = {};  // the inline value field (4 bytes in classic TIFF, 8 in BigTIFF)
};

struct Ifd {
    std::map<unsigned, IfdEntry> entries;
    std::uint64_t next = 0;  // offset of the next IFD, 0 at the end
};

inline std::uint64_t readUint64(const std::uint8_t* p, int bytes, bool bigEndian) {
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v |= std::uint64_t(p[bigEndian ? bytes - 1 - i : i]) << (8 * i);
    return v;
}

template <class Bytes>
class TiffReader {
public:
    // `base`: where the TIFF header ("II*\0", "MM\0*", or BigTIFF's "II+\0") starts.
    TiffReader(Bytes& bytes, std::uint64_t base) : m_bytes(bytes), m_base(base) {
        std::uint8_t h[16];
        if (!m_bytes.read(base, h, 8)) return;
        const bool ii = h[0] == 'I' && h[1] == 'I', mm = h[0] == 'M' && h[1] == 'M';
        if (!(ii || mm)) return;
        m_bigEndian = mm;
        const auto version = readUint64(h + 2, 2, mm);
        if (version == 42) {
            m_first = readUint64(h + 4, 4, mm);
        } else if (version == 43 && m_bytes.read(base, h, 16) && readUint64(h + 4, 2, mm) == 8) {
            m_big = true;
            m_first = readUint64(h + 8, 8, mm);
        }
        m_valid = m_first != 0;
    }

    bool valid() const { return m_valid; }

    // Every page's directory in file order (a loop in the chain ends it).
    std::vector<Ifd> pages() {
        std::vector<Ifd> out;
        std::set<std::uint64_t> seen;
        for (std::uint64_t at = m_first; m_valid && at && out.size() < kMaxTiffPages && seen.insert(at).second;) {
            auto ifd = ifdAt(at);
            if (!ifd) break;
            at = ifd->next;
            out.push_back(std::move(*ifd));
        }
        return out;
    }

    // The first value of a SHORT, LONG or LONG8 entry.
    std::optional<std::uint64_t> scalar(const Ifd& ifd, unsigned tag) {
        const auto it = ifd.entries.find(tag);
        if (it == ifd.entries.end() || it->second.count == 0) return std::nullopt;
        const int size = it->second.type == 3 ? 2 : it->second.type == 4 ? 4 : it->second.type == 16 ? 8 : 0;
        if (size == 0) return std::nullopt;
        std::uint8_t v[8];
        std::memcpy(v, it->second.value, 8);
        if (it->second.count * std::uint64_t(size) > valueBytes() && !m_bytes.read(m_base + offsetOf(it->second), v, std::size_t(size)))
            return std::nullopt;
        return readUint64(v, size, m_bigEndian);
    }

    // The bytes of a BYTE or UNDEFINED entry (an ICC profile), at most 64 MiB.
    std::vector<std::uint8_t> blob(const Ifd& ifd, unsigned tag) {
        const auto it = ifd.entries.find(tag);
        if (it == ifd.entries.end() || !(it->second.type == 1 || it->second.type == 7)) return {};
        if (it->second.count <= valueBytes()) return {it->second.value, it->second.value + it->second.count};
        return m_bytes.bytes(m_base + offsetOf(it->second), it->second.count, 64u << 20);
    }

private:
    std::uint64_t valueBytes() const { return m_big ? 8 : 4; }
    std::uint64_t offsetOf(const IfdEntry& e) const { return readUint64(e.value, int(valueBytes()), m_bigEndian); }

    std::optional<Ifd> ifdAt(std::uint64_t offset) {
        const int countBytes = m_big ? 8 : 2, entryBytes = m_big ? 20 : 12, nextBytes = m_big ? 8 : 4;
        std::uint8_t c[8];
        if (!m_bytes.read(m_base + offset, c, std::size_t(countBytes))) return std::nullopt;
        const std::uint64_t count = readUint64(c, countBytes, m_bigEndian);
        if (count > kMaxTiffEntries) return std::nullopt;
        std::vector<std::uint8_t> table(std::size_t(count) * std::size_t(entryBytes) + std::size_t(nextBytes));
        if (!m_bytes.read(m_base + offset + std::uint64_t(countBytes), table.data(), table.size())) return std::nullopt;
        Ifd ifd;
        for (std::uint64_t i = 0; i < count; ++i) {
            const std::uint8_t* e = table.data() + std::size_t(i) * std::size_t(entryBytes);
            IfdEntry entry;
            entry.type = unsigned(readUint64(e + 2, 2, m_bigEndian));
            entry.count = readUint64(e + 4, m_big ? 8 : 4, m_bigEndian);
            std::memcpy(entry.value, e + (m_big ? 12 : 8), std::size_t(valueBytes()));
            ifd.entries.emplace(unsigned(readUint64(e, 2, m_bigEndian)), entry);
        }
        ifd.next = readUint64(table.data() + std::size_t(count) * std::size_t(entryBytes), nextBytes, m_bigEndian);
        return ifd;
    }

    Bytes& m_bytes;
    std::uint64_t m_base = 0;
    std::uint64_t m_first = 0;
    bool m_bigEndian = false;
    bool m_big = false;
    bool m_valid = false;
};

}  // namespace dicom::detail
