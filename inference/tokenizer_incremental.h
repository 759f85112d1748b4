#pragma once
// Streaming detokenisation: ids go in one at a time, text comes out as soon as it is complete.
// A chunk never ends inside a UTF-8 character: byte-fallback pieces ("<0xE4>", "<0xB8>", ...)
// are held until their character is whole.
//
// For every stream whose byte-piece runs are well-formed UTF-8 (all output of
// Tokenizer::encode, and any model output that completes its characters) the concatenated
// chunks equal Tokenizer::decode() of the same ids. Malformed bytes become one U+FFFD each as
// soon as they are known to be malformed; decode() instead replaces the whole run, following
// the tokenizers library, which cannot be done without holding text back indefinitely.
//
// Thread-safety: one decoder per stream, used by one thread at a time. It keeps its own copy
// of the Tokenizer handle, so the tokenizer's tables outlive it.

#include <cstdint>
#include <string>

#include "inference/tokenizer.h"

namespace inference {

class IncrementalDecoder {
public:
    // skipSpecial drops the special added tokens, as Tokenizer::decode does.
    IncrementalDecoder(Tokenizer tokenizer, bool skipSpecial);

    // The text completed by this id; empty while a character is still incomplete or when the
    // id is skipped. Ids outside the vocabulary are skipped.
    std::string push(std::int32_t id);

    // Ends the stream: bytes of an unfinished character come out as U+FFFD each. The decoder
    // is then ready for a new stream.
    std::string finish();

    // True while bytes of an unfinished character are held back.
    bool hasPendingBytes() const { return !m_pendingBytes.empty(); }

private:
    // Moves the complete (or certainly malformed) characters of m_pendingBytes to out.
    void takeCompleteCharacters(std::string& out);

    Tokenizer m_tokenizer;
    bool m_skipSpecial;
    std::string m_pendingBytes;
};

}  // namespace inference
