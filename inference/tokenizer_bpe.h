#pragma once
// Internal to the tokenizer: the BPE model of tokenizer.json, reproducing the `tokenizers`
// library's algorithm exactly. A word starts as one symbol per character (characters missing
// from the vocabulary become their "<0xNN>" byte pieces); then, repeatedly, the adjacent pair
// with the lowest merge rank is merged, the leftmost one on ties.
// Thread-safety: built once while loading, then const and safe to share; encodeWord() keeps
// its scratch buffers per thread.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "inference/tokenizer_vocab.h"

namespace inference::detail {

// (left id, right id) -> (rank, merged id), open addressing: the merge lookups dominate encoding
// time, and a flat table is several times faster than std::unordered_map here.
class MergeTable {
public:
    struct Merge {
        std::int32_t rank = 0;
        std::int32_t merged = 0;
    };

    // Sizes the table for `count` entries and empties it; call before inserting.
    void reserve(std::size_t count);
    // A repeated pair keeps the later entry, as a hash map collected from the list would.
    void insert(std::int32_t left, std::int32_t right, Merge merge);
    const Merge* find(std::int32_t left, std::int32_t right) const;
    std::size_t size() const { return m_size; }

private:
    static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};
    std::size_t slotOf(std::uint64_t key) const;
    void grow();

    std::vector<std::uint64_t> m_keys;
    std::vector<Merge> m_values;
    std::size_t m_size = 0;
    int m_shift = 64;
};

struct BpeOptions {
    bool byteFallback = false;
    bool fuseUnk = false;
    std::int32_t unkId = -1;  // -1: the model has no unknown token
};

class BpeModel {
public:
    void setOptions(const BpeOptions& options) { m_options = options; }
    const BpeOptions& options() const { return m_options; }
    MergeTable& merges() { return m_merges; }
    const MergeTable& merges() const { return m_merges; }

    // Registers a vocabulary piece that is exactly one character.
    void addCharacter(char32_t codePoint, std::int32_t id);

    // Appends the ids of one word. Bytes that are not well-formed UTF-8 are taken one by one,
    // like characters missing from the vocabulary.
    void encodeWord(std::string_view word, const Vocabulary& vocab,
                    std::vector<std::int32_t>& out) const;

private:
    struct Symbol {
        std::int32_t id;
        std::int32_t prev;
        std::int32_t next;
        bool removed;
    };
    std::int32_t characterId(char32_t codePoint) const;
    void initialSymbols(std::string_view word, const Vocabulary& vocab,
                        std::vector<Symbol>& symbols) const;
    void mergeAll(std::vector<Symbol>& symbols) const;

    BpeOptions m_options;
    MergeTable m_merges;
    std::vector<std::int32_t> m_bmpIds = std::vector<std::int32_t>(0x10000, -1);
    std::unordered_map<char32_t, std::int32_t> m_astralIds;
};

}  // namespace inference::detail
