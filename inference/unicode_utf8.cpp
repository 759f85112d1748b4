#include "inference/unicode_utf8.h"

#include <algorithm>
#include <array>

namespace inference::utf8 {
namespace {

bool isContinuation(unsigned char byte) {
    return (byte & 0xC0) == 0x80;
}

// E0 and F0 leads need a larger second byte to avoid overlong forms; 0x80 suits the others.
unsigned char minimumSecondByte(unsigned char lead) {
    if (lead == 0xE0) {
        return 0xA0;
    }
    return lead == 0xF0 ? 0x90 : 0x80;
}

}  // namespace

std::size_t sequenceLength(unsigned char leadByte) {
    if (leadByte < 0x80) {
        return 1;
    }
    if (leadByte >= 0xC2 && leadByte <= 0xDF) {
        return 2;
    }
    if (leadByte >= 0xE0 && leadByte <= 0xEF) {
        return 3;
    }
    if (leadByte >= 0xF0 && leadByte <= 0xF4) {
        return 4;
    }
    return 0;
}

Decoded decodeAt(std::string_view text, std::size_t pos) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    const std::size_t length = sequenceLength(lead);
    if (length == 0 || pos + length > text.size()) {
        return {};
    }
    if (length == 1) {
        return {lead, 1};
    }
    static constexpr std::array<unsigned char, 5> leadMask = {0, 0, 0x1F, 0x0F, 0x07};
    char32_t cp = lead & leadMask[length];
    for (std::size_t i = 1; i < length; ++i) {
        const auto byte = static_cast<unsigned char>(text[pos + i]);
        if (!isContinuation(byte)) {
            return {};
        }
        cp = (cp << 6) | (byte & 0x3F);
    }
    // Reject overlong three- and four-byte forms, surrogates and values past U+10FFFF (the
    // two-byte overlong forms are already excluded by the lead byte range).
    static constexpr std::array<char32_t, 5> minimum = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < minimum[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return {};
    }
    return {cp, length};
}

Decoded decodeBefore(std::string_view text, std::size_t end) {
    // Step back over at most three continuation bytes to the lead byte, then decode forwards
    // and accept only a sequence that ends exactly at `end`.
    std::size_t start = end - 1;
    while (start > 0 && end - start < 4 &&
           isContinuation(static_cast<unsigned char>(text[start]))) {
        --start;
    }
    const Decoded d = decodeAt(text, start);
    return start + d.length == end ? d : Decoded{};
}

void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

bool isValid(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto byte = static_cast<unsigned char>(text[pos]);
        if (byte < 0x80) {
            ++pos;
            continue;
        }
        const Decoded d = decodeAt(text, pos);
        if (d.length == 0) {
            return false;
        }
        pos += d.length;
    }
    return true;
}

bool isIncompletePrefix(std::string_view bytes) {
    if (bytes.empty() || bytes.size() >= sequenceLength(static_cast<unsigned char>(bytes[0]))) {
        return false;
    }
    // Complete the prefix with the smallest continuation bytes that keep it in range and
    // decode it; the second byte carries all the range restrictions (E0, ED, F0, F4 leads).
    std::string probe(bytes);
    const auto lead = static_cast<unsigned char>(bytes[0]);
    const std::size_t length = sequenceLength(lead);
    while (probe.size() < length) {
        probe.push_back(static_cast<char>(probe.size() == 1 ? minimumSecondByte(lead) : 0x80));
    }
    return decodeAt(probe, 0).length == length;
}

bool isPythonSpace(char32_t cp) {
    // The complete list of code points for which CPython's str.isspace() is true (it is stable
    // across Unicode versions 6 to 15).
    if ((cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20)) {
        return true;
    }
    if (cp < 0x85) {
        return false;
    }
    static constexpr std::array<char32_t, 8> singles = {0x85,   0xA0,   0x1680, 0x2028,
                                                        0x2029, 0x202F, 0x205F, 0x3000};
    return (cp >= 0x2000 && cp <= 0x200A) ||
           std::find(singles.begin(), singles.end(), cp) != singles.end();
}

std::string_view stripPython(std::string_view text) {
    while (!text.empty()) {
        const Decoded d = decodeAt(text, 0);
        if (d.length == 0 || !isPythonSpace(d.codePoint)) {
            break;
        }
        text.remove_prefix(d.length);
    }
    while (!text.empty()) {
        const Decoded d = decodeBefore(text, text.size());
        if (d.length == 0 || !isPythonSpace(d.codePoint)) {
            break;
        }
        text.remove_suffix(d.length);
    }
    return text;
}

}  // namespace inference::utf8
