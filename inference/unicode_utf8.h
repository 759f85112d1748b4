#pragma once
// Small UTF-8 helpers shared by the tokenizer and the chat template: strict decoding (no
// overlong forms, no surrogates, nothing above U+10FFFF), encoding, and Python's notion of
// whitespace, which Jinja's `trim` filter inherits from str.strip().
// Thread-safety: pure functions.

#include <cstddef>
#include <string>
#include <string_view>

namespace inference::utf8 {

// A decoded code point and the number of bytes it took; length 0 means the bytes at that
// position do not start a well-formed sequence.
struct Decoded {
    char32_t codePoint = 0;
    std::size_t length = 0;
};

// Decodes the sequence that starts at text[pos] (pos < text.size()).
Decoded decodeAt(std::string_view text, std::size_t pos);

// Decodes the sequence that ends exactly at text[end - 1] (0 < end <= text.size()).
Decoded decodeBefore(std::string_view text, std::size_t end);

// Appends the UTF-8 form of a code point (which must be a Unicode scalar value).
void append(std::string& out, char32_t codePoint);

// True when every byte of text belongs to a well-formed UTF-8 sequence.
bool isValid(std::string_view text);

// True when bytes is a proper prefix of some well-formed sequence (a character cut short).
bool isIncompletePrefix(std::string_view bytes);

// Number of bytes a sequence has, judged from its first byte; 0 for a byte that cannot start
// one (continuation bytes, 0xC0, 0xC1, 0xF5..0xFF).
std::size_t sequenceLength(unsigned char leadByte);

// Python's str.isspace(): Unicode general category Zs or bidirectional class WS, B or S.
bool isPythonSpace(char32_t codePoint);

// Python's str.strip() without arguments, on UTF-8 text. Bytes that do not decode are never
// treated as whitespace.
std::string_view stripPython(std::string_view text);

}  // namespace inference::utf8
