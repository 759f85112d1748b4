#include "dicom/detail/iso2022.h"

#include <iconv.h>

#include <map>
#include <vector>

namespace dicom::detail {
namespace {

constexpr const char* kReplacement = "\xEF\xBF\xBD";

enum class G0 { Ascii, JisX0208, JisX0212 };
enum class G1 { None, SingleByte, Katakana, DoubleByte };

struct State {
    G0 g0 = G0::Ascii;
    G1 g1 = G1::None;
    const char* g1Encoding = nullptr;  // iconv name for SingleByte and DoubleByte
};

// The G1 set each ISO 2022 term designates, with the iconv encoding of its bytes (high bit set).
const std::map<std::string, std::pair<G1, const char*>>& g1Terms() {
    static const std::map<std::string, std::pair<G1, const char*>> terms = {
        {"ISO 2022 IR 100", {G1::SingleByte, "ISO-8859-1"}}, {"ISO 2022 IR 101", {G1::SingleByte, "ISO-8859-2"}},
        {"ISO 2022 IR 109", {G1::SingleByte, "ISO-8859-3"}}, {"ISO 2022 IR 110", {G1::SingleByte, "ISO-8859-4"}},
        {"ISO 2022 IR 144", {G1::SingleByte, "ISO-8859-5"}}, {"ISO 2022 IR 127", {G1::SingleByte, "ISO-8859-6"}},
        {"ISO 2022 IR 126", {G1::SingleByte, "ISO-8859-7"}}, {"ISO 2022 IR 138", {G1::SingleByte, "ISO-8859-8"}},
        {"ISO 2022 IR 148", {G1::SingleByte, "ISO-8859-9"}}, {"ISO 2022 IR 166", {G1::SingleByte, "TIS-620"}},
        {"ISO 2022 IR 13", {G1::Katakana, nullptr}},        {"ISO 2022 IR 149", {G1::DoubleByte, "EUC-KR"}},
        {"ISO 2022 IR 58", {G1::DoubleByte, "GB2312"}}};
    return terms;
}

// ESC - <final>: a 96-character set into G1.
const char* latinByFinal(char f) {
    switch (f) {
    case 'A': return "ISO-8859-1";
    case 'B': return "ISO-8859-2";
    case 'C': return "ISO-8859-3";
    case 'D': return "ISO-8859-4";
    case 'L': return "ISO-8859-5";
    case 'G': return "ISO-8859-6";
    case 'F': return "ISO-8859-7";
    case 'H': return "ISO-8859-8";
    case 'M': return "ISO-8859-9";
    case 'T': return "TIS-620";
    default: return nullptr;
    }
}

std::vector<std::string> split(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (auto at = s.find('\\'); at != std::string::npos; at = s.find('\\', start)) {
        out.push_back(s.substr(start, at - start));
        start = at + 1;
    }
    out.push_back(s.substr(start));
    return out;
}

State initialState(const std::string& charset) {
    State s;
    const auto it = g1Terms().find(split(charset).front());
    if (it != g1Terms().end()) {
        s.g1 = it->second.first;
        s.g1Encoding = it->second.second;
    }
    return s;
}

std::string toUtf8(const char* encoding, const std::string& bytes) {
    iconv_t cd = iconv_open("UTF-8", encoding);
    if (cd == iconv_t(-1)) return kReplacement;
    std::string out(bytes.size() * 4 + 8, '\0');
    char* in = const_cast<char*>(bytes.data());
    std::size_t inLeft = bytes.size(), outLeft = out.size();
    char* outPtr = out.data();
    while (inLeft > 0) {
        if (iconv(cd, &in, &inLeft, &outPtr, &outLeft) != std::size_t(-1)) break;
        // An unknown or broken character: replace it and carry on with the next byte.
        ++in;
        --inLeft;
        if (outLeft >= 3) {
            outPtr = std::copy(kReplacement, kReplacement + 3, outPtr);
            outLeft -= 3;
        }
    }
    iconv_close(cd);
    out.resize(out.size() - outLeft);
    return out;
}

std::string katakana(unsigned char b) {
    if (b < 0xA1 || b > 0xDF) return kReplacement;
    const unsigned cp = 0xFF61 + (b - 0xA1u);  // JIS X 0201 katakana to half-width forms
    return {char(0xE0 | (cp >> 12)), char(0x80 | ((cp >> 6) & 0x3F)), char(0x80 | (cp & 0x3F))};
}

class Decoder {
public:
    Decoder(const std::string& charset, bool personName) : m_initial(initialState(charset)), m_state(m_initial),
                                                           m_personName(personName) {}

    std::string run(const std::string& s) {
        for (std::size_t i = 0; i < s.size();) i = step(s, i);
        flush();
        return m_out;
    }

private:
    std::size_t step(const std::string& s, std::size_t i) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b == 0x1B) return escape(s, i);
        if (b >= 0x80) return high(s, i);
        if (m_state.g0 != G0::Ascii && b > 0x20 && i + 1 < s.size()) {
            const bool extra = m_state.g0 == G0::JisX0212;
            emit("EUC-JP", std::string(extra ? "\x8F" : "") + char(b | 0x80) + char(s[i + 1] | 0x80));
            return i + 2;
        }
        emit(nullptr, std::string(1, char(b)));
        if (b < 0x20 || b == '\\' || (m_personName && (b == '^' || b == '='))) m_state = m_initial;
        return i + 1;
    }

    // Returns the index after the escape sequence.
    std::size_t escape(const std::string& s, std::size_t i) {
        const std::string rest = s.substr(i + 1, 3);
        const auto starts = [&](const char* p) { return rest.rfind(p, 0) == 0; };
        if (starts("(B") || starts("(J")) {
            m_state.g0 = G0::Ascii;  // JIS X 0201 Roman differs from ASCII only in two symbols
        } else if (starts("$B") || starts("$@")) {
            m_state.g0 = G0::JisX0208;
        } else if (starts("$(D")) {
            m_state.g0 = G0::JisX0212;
            return i + 4;
        } else if (starts(")I")) {
            designate(G1::Katakana, nullptr);
        } else if (starts("$)C") || starts("$)A")) {
            designate(G1::DoubleByte, rest[2] == 'C' ? "EUC-KR" : "GB2312");
            return i + 4;
        } else if (rest.size() >= 2 && rest[0] == '-' && latinByFinal(rest[1])) {
            designate(G1::SingleByte, latinByFinal(rest[1]));
        } else {
            emit(nullptr, kReplacement);  // an escape sequence DICOM does not define
            return i + 1;
        }
        return i + 3;
    }

    std::size_t high(const std::string& s, std::size_t i) {
        const auto b = static_cast<unsigned char>(s[i]);
        switch (m_state.g1) {
        case G1::SingleByte: emit(m_state.g1Encoding, std::string(1, char(b))); return i + 1;
        case G1::Katakana: emit(nullptr, katakana(b)); return i + 1;
        case G1::DoubleByte:
            if (i + 1 < s.size()) {
                emit(m_state.g1Encoding, s.substr(i, 2));
                return i + 2;
            }
            break;
        case G1::None: break;
        }
        emit(nullptr, kReplacement);
        return i + 1;
    }

    void designate(G1 g1, const char* encoding) {
        m_state.g1 = g1;
        m_state.g1Encoding = encoding;
    }

    // Runs of one encoding are converted together; nullptr means UTF-8 already.
    void emit(const char* encoding, const std::string& bytes) {
        if (encoding != m_runEncoding) flush();
        m_runEncoding = encoding;
        m_run += bytes;
    }

    void flush() {
        m_out += m_runEncoding ? toUtf8(m_runEncoding, m_run) : m_run;
        m_run.clear();
        m_runEncoding = nullptr;
    }

    const State m_initial;
    State m_state;
    const bool m_personName;
    const char* m_runEncoding = nullptr;
    std::string m_run;
    std::string m_out;
};

}  // namespace

bool iso2022Decodable(const std::string& charset) {
    bool extended = false;
    for (const auto& term : split(charset)) {
        if (term.empty() || term == "ISO 2022 IR 6" || term == "ISO 2022 IR 87" || term == "ISO 2022 IR 159") {
            extended = extended || !term.empty();
            continue;
        }
        if (!g1Terms().count(term)) return false;
        extended = true;
    }
    return extended;
}

std::string decodeIso2022(const std::string& raw, const std::string& charset, bool personName) {
    return Decoder(charset, personName).run(raw);
}

}  // namespace dicom::detail
