#include "inference/tokenizer_bpe.h"

#include <algorithm>

#include "inference/unicode_utf8.h"

namespace inference::detail {
namespace {

std::uint64_t pairKey(std::int32_t left, std::int32_t right) {
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(left)) << 32) |
           static_cast<std::uint32_t>(right);
}

// A pending merge of the symbol at `pos` with its right neighbour.
struct Candidate {
    std::int32_t rank;
    std::int32_t pos;
    std::int32_t merged;
};

// std::*_heap build max-heaps; "less" here means "merged later": higher rank, then further
// right. This is the order of the tokenizers library's Merge ordering.
bool mergedLater(const Candidate& a, const Candidate& b) {
    return a.rank != b.rank ? a.rank > b.rank : a.pos > b.pos;
}

}  // namespace

void MergeTable::reserve(std::size_t count) {
    while ((std::size_t{1} << (64 - m_shift)) < count * 2 || m_shift == 64) {
        --m_shift;
    }
    m_keys.assign(std::size_t{1} << (64 - m_shift), kEmpty);
    m_values.assign(m_keys.size(), Merge{});
    m_size = 0;
}

std::size_t MergeTable::slotOf(std::uint64_t key) const {
    // Fibonacci hashing spreads the structured (id, id) keys over the table.
    const std::size_t mask = m_keys.size() - 1;
    std::size_t slot = static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> m_shift);
    while (m_keys[slot] != kEmpty && m_keys[slot] != key) {
        slot = (slot + 1) & mask;
    }
    return slot;
}

void MergeTable::grow() {
    std::vector<std::uint64_t> keys = std::move(m_keys);
    std::vector<Merge> values = std::move(m_values);
    reserve(std::max<std::size_t>(keys.size(), 8));
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (keys[i] != kEmpty) {
            const std::size_t slot = slotOf(keys[i]);
            m_keys[slot] = keys[i];
            m_values[slot] = values[i];
            ++m_size;
        }
    }
}

void MergeTable::insert(std::int32_t left, std::int32_t right, Merge merge) {
    if ((m_size + 1) * 2 > m_keys.size()) {
        grow();
    }
    const std::uint64_t key = pairKey(left, right);
    const std::size_t slot = slotOf(key);
    if (m_keys[slot] == kEmpty) {
        m_keys[slot] = key;
        ++m_size;
    }
    m_values[slot] = merge;
}

const MergeTable::Merge* MergeTable::find(std::int32_t left, std::int32_t right) const {
    if (m_keys.empty()) {
        return nullptr;
    }
    const std::size_t slot = slotOf(pairKey(left, right));
    return m_keys[slot] == kEmpty ? nullptr : &m_values[slot];
}

void BpeModel::addCharacter(char32_t codePoint, std::int32_t id) {
    if (codePoint < 0x10000) {
        m_bmpIds[codePoint] = id;
    } else {
        m_astralIds.emplace(codePoint, id);
    }
}

std::int32_t BpeModel::characterId(char32_t codePoint) const {
    if (codePoint < 0x10000) {
        return m_bmpIds[codePoint];
    }
    const auto it = m_astralIds.find(codePoint);
    return it == m_astralIds.end() ? -1 : it->second;
}

void BpeModel::initialSymbols(std::string_view word, const Vocabulary& vocab,
                              std::vector<Symbol>& symbols) const {
    symbols.clear();
    const auto push = [&symbols](std::int32_t id) {
        const auto index = static_cast<std::int32_t>(symbols.size());
        symbols.push_back({id, index - 1, index + 1, false});
    };
    bool lastWasUnknown = false;
    std::size_t pos = 0;
    while (pos < word.size()) {
        const utf8::Decoded d = utf8::decodeAt(word, pos);
        const std::size_t length = d.length == 0 ? 1 : d.length;
        const std::int32_t id = d.length == 0 ? -1 : characterId(d.codePoint);
        if (id >= 0) {
            push(id);
            lastWasUnknown = false;
        } else if (m_options.byteFallback) {
            // The loader guarantees all 256 byte pieces exist when byte fallback is on.
            for (std::size_t i = 0; i < length; ++i) {
                push(vocab.byteId(static_cast<unsigned char>(word[pos + i])));
            }
        } else if (!(m_options.fuseUnk && lastWasUnknown)) {
            push(m_options.unkId);
            lastWasUnknown = true;
        }
        pos += length;
    }
    if (!symbols.empty()) {
        symbols.back().next = -1;
    }
}

void BpeModel::mergeAll(std::vector<Symbol>& symbols) const {
    thread_local std::vector<Candidate> heap;
    heap.clear();
    const auto consider = [this](std::int32_t pos, const Symbol& left, const Symbol& right) {
        if (const MergeTable::Merge* m = m_merges.find(left.id, right.id)) {
            heap.push_back({m->rank, pos, m->merged});
            std::push_heap(heap.begin(), heap.end(), mergedLater);
        }
    };
    for (std::size_t i = 0; i + 1 < symbols.size(); ++i) {
        consider(static_cast<std::int32_t>(i), symbols[i], symbols[i + 1]);
    }
    while (!heap.empty()) {
        std::pop_heap(heap.begin(), heap.end(), mergedLater);
        const Candidate top = heap.back();
        heap.pop_back();
        Symbol& left = symbols[top.pos];
        if (left.removed || left.next < 0) {
            continue;
        }
        // A candidate is stale when either side has merged since it was queued; the merged id
        // then differs (the text at a position only grows), which is how tokenizers detects it.
        Symbol& right = symbols[left.next];
        const MergeTable::Merge* current = m_merges.find(left.id, right.id);
        if (current == nullptr || current->merged != top.merged) {
            continue;
        }
        left.id = top.merged;
        right.removed = true;
        left.next = right.next;
        if (left.next >= 0) {
            symbols[left.next].prev = top.pos;
        }
        if (left.prev >= 0) {
            consider(left.prev, symbols[left.prev], left);
        }
        if (left.next >= 0) {
            consider(top.pos, left, symbols[left.next]);
        }
    }
}

void BpeModel::encodeWord(std::string_view word, const Vocabulary& vocab,
                          std::vector<std::int32_t>& out) const {
    thread_local std::vector<Symbol> symbols;
    initialSymbols(word, vocab, symbols);
    if (symbols.size() > 1) {
        mergeAll(symbols);
    }
    // The first symbol is never removed: merges only ever remove the right-hand side.
    for (std::int32_t i = symbols.empty() ? -1 : 0; i >= 0; i = symbols[i].next) {
        out.push_back(symbols[i].id);
    }
}

}  // namespace inference::detail
