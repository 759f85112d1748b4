#pragma once
// Internal to the tokenizer: the id <-> piece table of tokenizer.json (model vocabulary plus
// added tokens), with the flags the encoder and decoder need per id.
// Thread-safety: filled once while loading, then read-only and safe to share between threads.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace inference::detail {

class Vocabulary {
public:
    void reserve(std::size_t count);
    // Registers a piece. An id seen twice keeps its first text (the added token and the model
    // entry of tokenizer.json agree for every id that appears in both).
    void add(std::string piece, std::int32_t id);
    void markAdded(std::int32_t id, bool special);

    // Finds the "<0xNN>" pieces; call after all pieces are added.
    void indexBytePieces();

    std::int32_t size() const { return static_cast<std::int32_t>(m_pieces.size()); }
    bool contains(std::int32_t id) const {
        return id >= 0 && id < size() && (m_flags[id] & kPresent) != 0;
    }
    // Text of a present id (the caller checks contains()).
    const std::string& piece(std::int32_t id) const { return m_pieces[id]; }
    // -1 when the piece is not in the table.
    std::int32_t find(std::string_view piece) const;

    bool isSpecial(std::int32_t id) const { return contains(id) && (m_flags[id] & kSpecial); }
    bool isAdded(std::int32_t id) const { return contains(id) && (m_flags[id] & kAdded); }
    // The byte a "<0xNN>" piece stands for, or -1 for any other id.
    int byteValue(std::int32_t id) const {
        return contains(id) && (m_flags[id] & kByte) ? m_byteOfId[id] : -1;
    }
    // Id of the "<0xNN>" piece of a byte, or -1 when the vocabulary lacks it.
    std::int32_t byteId(unsigned char byte) const { return m_byteIds[byte]; }
    bool hasAllBytePieces() const;

    const std::vector<std::string>& pieces() const { return m_pieces; }

private:
    static constexpr std::uint8_t kPresent = 1;
    static constexpr std::uint8_t kAdded = 2;
    static constexpr std::uint8_t kSpecial = 4;
    static constexpr std::uint8_t kByte = 8;

    // Piece -> id lookups run ~1.5 million times while loading merges; an open-addressing
    // table of (hash, id) slots is much kinder to the cache than std::unordered_map.
    struct Slot {
        std::uint32_t hash = 0;
        std::int32_t id = -1;
    };
    static std::uint32_t hashOf(std::string_view piece);
    std::size_t slotOf(std::string_view piece, std::uint32_t hash) const;
    void growIndex();

    std::vector<std::string> m_pieces;
    std::vector<std::uint8_t> m_flags;
    std::vector<std::uint8_t> m_byteOfId;
    std::vector<Slot> m_index;
    std::size_t m_indexed = 0;
    std::array<std::int32_t, 256> m_byteIds{};
};

}  // namespace inference::detail
