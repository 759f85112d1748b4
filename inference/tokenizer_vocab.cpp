#include "inference/tokenizer_vocab.h"

#include <algorithm>
#include <cctype>
#include <functional>

namespace inference::detail {
namespace {

int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    return -1;
}

// "<0x0A>" -> 10. The decoder accepts either case of hex digit (as the ByteFallback decoder of
// tokenizers does); the encoder's byte fallback looks up the upper-case form only.
int parseBytePiece(const std::string& piece) {
    if (piece.size() != 6 || piece.compare(0, 3, "<0x") != 0 || piece[5] != '>') {
        return -1;
    }
    const int high = hexDigit(piece[3]);
    const int low = hexDigit(piece[4]);
    return high < 0 || low < 0 ? -1 : high * 16 + low;
}

}  // namespace

void Vocabulary::reserve(std::size_t count) {
    m_pieces.reserve(count);
    m_flags.reserve(count);
    std::size_t capacity = 16;
    while (capacity < count * 2) {
        capacity *= 2;
    }
    if (capacity > m_index.size()) {
        m_index.resize(capacity);
        growIndex();
    }
}

std::uint32_t Vocabulary::hashOf(std::string_view piece) {
    // The slot index uses the low bits; std::hash (a Murmur variant in libstdc++) spreads them
    // well, where simpler hashes cluster on the many pieces that share long prefixes.
    return static_cast<std::uint32_t>(std::hash<std::string_view>{}(piece));
}

std::size_t Vocabulary::slotOf(std::string_view piece, std::uint32_t hash) const {
    const std::size_t mask = m_index.size() - 1;
    std::size_t slot = hash & mask;
    while (m_index[slot].id >= 0 &&
           (m_index[slot].hash != hash || m_pieces[m_index[slot].id] != piece)) {
        slot = (slot + 1) & mask;
    }
    return slot;
}

// Re-inserts every slot after the table changed size (its size is already set).
void Vocabulary::growIndex() {
    std::vector<Slot> old(m_index.size());
    old.swap(m_index);
    for (const Slot& s : old) {
        if (s.id >= 0) {
            m_index[slotOf(m_pieces[s.id], s.hash)] = s;
        }
    }
}

void Vocabulary::add(std::string piece, std::int32_t id) {
    if (id >= size()) {
        m_pieces.resize(static_cast<std::size_t>(id) + 1);
        m_flags.resize(static_cast<std::size_t>(id) + 1, 0);
    }
    if (m_flags[id] & kPresent) {
        return;
    }
    m_flags[id] |= kPresent;
    m_pieces[id] = std::move(piece);
    if ((m_indexed + 1) * 2 > m_index.size()) {
        m_index.resize(std::max<std::size_t>(16, m_index.size() * 2));
        growIndex();
    }
    // A text listed under two ids keeps its first id.
    const std::uint32_t hash = hashOf(m_pieces[id]);
    Slot& slot = m_index[slotOf(m_pieces[id], hash)];
    if (slot.id < 0) {
        slot = {hash, id};
        ++m_indexed;
    }
}

void Vocabulary::markAdded(std::int32_t id, bool special) {
    if (contains(id)) {
        m_flags[id] |= kAdded | (special ? kSpecial : 0);
    }
}

void Vocabulary::indexBytePieces() {
    m_byteIds.fill(-1);
    m_byteOfId.assign(m_pieces.size(), 0);
    for (std::int32_t id = 0; id < size(); ++id) {
        const int byte = contains(id) ? parseBytePiece(m_pieces[id]) : -1;
        if (byte < 0) {
            continue;
        }
        m_byteOfId[id] = static_cast<std::uint8_t>(byte);
        m_flags[id] |= kByte;
        if (m_byteIds[byte] < 0 && !std::islower(static_cast<unsigned char>(m_pieces[id][3])) &&
            !std::islower(static_cast<unsigned char>(m_pieces[id][4]))) {
            m_byteIds[byte] = id;
        }
    }
}

std::int32_t Vocabulary::find(std::string_view piece) const {
    return m_index.empty() ? -1 : m_index[slotOf(piece, hashOf(piece))].id;
}

bool Vocabulary::hasAllBytePieces() const {
    return std::all_of(m_byteIds.begin(), m_byteIds.end(), [](std::int32_t id) { return id >= 0; });
}

}  // namespace inference::detail
