// medgemma-cli tokenize: the token ids the engine would feed the model for a text, from the
// tokenizer files of a model directory alone (tokenizer.json, tokenizer_config.json and,
// optionally, config.json for mm_tokens_per_image).

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "command.h"
#include "inference/chat_template_prompt.h"
#include "inference/tokenizer_bundle.h"
#include "inference/unicode_utf8.h"

namespace app::cli {
namespace {

constexpr const char* kUsage =
    "Usage: medgemma-cli tokenize --model DIR [--chat [--system TEXT]] [--stats] (TEXT | --jsonl "
    "FILE)\n\n"
    "Prints the token ids of TEXT as a JSON array, or one array per line of FILE, where each\n"
    "line is one JSON string. Every \"<start_of_image>\" in a text becomes an image block of\n"
    "mm_tokens_per_image soft tokens (from DIR/config.json; 256 without it).\n\n"
    "  --model DIR    directory with tokenizer.json and tokenizer_config.json\n"
    "  --chat         render TEXT as one user turn of the chat template, with the generation\n"
    "                 prompt (the template writes BOS itself)\n"
    "  --system TEXT  with --chat: a system message before that turn\n"
    "  --jsonl FILE   read the texts from FILE\n"
    "  --stats        report the load time and the encoding speed (MB/s) on stderr\n\n"
    "Without --chat the text is used as is, with BOS prepended when tokenizer_config.json sets\n"
    "add_bos_token. Exit status: 0 on success, 1 if a file is missing or malformed, 2 on wrong\n"
    "arguments.\n";

constexpr const char* kPrefix = "medgemma-cli tokenize: ";

struct Options {
    std::string modelDir;
    bool chat = false;
    bool stats = false;
    std::optional<std::string> system;
    std::optional<std::string> text;
    std::optional<std::string> jsonlPath;
};

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The value of the four hex digits at text[pos]; false when they are not all hex digits.
bool readHex4(std::string_view text, std::size_t pos, char32_t& value) {
    if (pos + 4 > text.size()) {
        return false;
    }
    value = 0;
    for (std::size_t i = pos; i < pos + 4; ++i) {
        const char c = text[i];
        const int digit = c >= '0' && c <= '9'   ? c - '0'
                          : c >= 'a' && c <= 'f' ? c - 'a' + 10
                          : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                 : -1;
        if (digit < 0) {
            return false;
        }
        value = value * 16 + static_cast<char32_t>(digit);
    }
    return true;
}

// A \uXXXX escape starting at text[pos] (just after the 'u'), joining surrogate pairs. Advances
// pos past the escape; false for malformed hex or a lone surrogate.
bool readUnicodeEscape(std::string_view text, std::size_t& pos, std::string& out) {
    char32_t cp = 0;
    if (!readHex4(text, pos, cp)) {
        return false;
    }
    pos += 4;
    if (cp >= 0xDC00 && cp <= 0xDFFF) {
        return false;
    }
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        char32_t low = 0;
        if (text.substr(pos, 2) != "\\u" || !readHex4(text, pos + 2, low) || low < 0xDC00 ||
            low > 0xDFFF) {
            return false;
        }
        pos += 6;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    inference::utf8::append(out, cp);
    return true;
}

// One JSON string literal making up the whole line (whitespace around it allowed).
std::optional<std::string> parseJsonString(std::string_view line) {
    const auto first = line.find_first_not_of(" \t\r\n");
    const auto last = line.find_last_not_of(" \t\r\n");
    if (first == std::string_view::npos || last - first < 1 || line[first] != '"' ||
        line[last] != '"') {
        return std::nullopt;
    }
    const std::string_view body = line.substr(first + 1, last - first - 1);
    std::string out;
    for (std::size_t i = 0; i < body.size();) {
        const char c = body[i++];
        if (c == '"' || static_cast<unsigned char>(c) < 0x20) {
            return std::nullopt;
        }
        if (c != '\\') {
            out.push_back(c);
            continue;
        }
        if (i >= body.size()) {
            return std::nullopt;  // the closing quote was escaped
        }
        const char e = body[i++];
        static constexpr std::string_view kSimple = "\"\\/bfnrt";
        static constexpr std::string_view kMeaning = "\"\\/\b\f\n\r\t";
        if (const auto k = kSimple.find(e); k != std::string_view::npos) {
            out.push_back(kMeaning[k]);
        } else if (e != 'u' || !readUnicodeEscape(body, i, out)) {
            return std::nullopt;
        }
    }
    return out;
}

// Usage problems: one line naming the problem, exit status 2.
int usageError(const std::string& problem) {
    std::cerr << kPrefix << problem << " (see 'medgemma-cli tokenize --help')\n";
    return 2;
}

std::optional<std::string> parseOptions(const std::vector<std::string>& args, Options& options) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const bool takesValue = a == "--model" || a == "--system" || a == "--jsonl";
        if (takesValue && i + 1 >= args.size()) {
            return a + " needs a value";
        }
        if (a == "--model") {
            options.modelDir = args[++i];
        } else if (a == "--system") {
            options.system = args[++i];
        } else if (a == "--jsonl") {
            options.jsonlPath = args[++i];
        } else if (a == "--chat") {
            options.chat = true;
        } else if (a == "--stats") {
            options.stats = true;
        } else if (a.rfind("--", 0) == 0 && a != "--") {
            return "unknown option " + a;
        } else if (options.text || (a == "--" && i + 1 >= args.size())) {
            return "give exactly one TEXT";
        } else {
            options.text = a == "--" ? args[++i] : a;
        }
    }
    if (options.modelDir.empty()) {
        return std::string("--model DIR is required");
    }
    if (options.text.has_value() == options.jsonlPath.has_value()) {
        return std::string("give either TEXT or --jsonl FILE");
    }
    if (options.system && !options.chat) {
        return std::string("--system needs --chat");
    }
    return std::nullopt;
}

// The texts of a JSONL file, or an error line.
std::optional<std::string> readJsonl(const std::string& path, std::vector<std::string>& texts) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        return path + ": cannot open the file";
    }
    std::string line;
    for (int number = 1; std::getline(file, line); ++number) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) {
            continue;
        }
        auto text = parseJsonString(line);
        if (!text) {
            return path + ":" + std::to_string(number) + ": not a JSON string";
        }
        texts.push_back(std::move(*text));
    }
    return std::nullopt;
}

inference::Result<inference::PromptIds> encode(const inference::TokenizerBundle& bundle,
                                               const Options& options, const std::string& text) {
    if (!options.chat) {
        return inference::encodeRawPrompt(bundle.tokenizer, text, bundle.prompt);
    }
    std::vector<inference::ChatMessage> messages;
    if (options.system) {
        messages.push_back(
            inference::ChatMessage::fromText(inference::ChatRole::System, *options.system));
    }
    messages.push_back(inference::ChatMessage::fromText(inference::ChatRole::User, text));
    return inference::encodeChatPrompt(bundle.tokenizer, messages, true, bundle.prompt);
}

void printIds(const std::vector<std::int32_t>& ids) {
    std::string line = "[";
    for (std::size_t i = 0; i < ids.size(); ++i) {
        line += (i == 0 ? "" : ", ") + std::to_string(ids[i]);
    }
    line += "]\n";
    std::cout << line;
}

int run(const std::vector<std::string>& args) {
    Options options;
    if (const auto problem = parseOptions(args, options)) {
        return usageError(*problem);
    }
    std::vector<std::string> texts;
    if (options.text) {
        texts.push_back(*options.text);
    } else if (const auto problem = readJsonl(*options.jsonlPath, texts)) {
        std::cerr << kPrefix << *problem << "\n";
        return 1;
    }
    const auto loadStart = std::chrono::steady_clock::now();
    const auto bundle = inference::TokenizerBundle::loadFromDirectory(options.modelDir);
    if (!bundle.ok()) {
        std::cerr << kPrefix << bundle.error().message << "\n";
        return 1;
    }
    const double loadSeconds = secondsSince(loadStart);
    if (options.chat && !bundle->knownChatTemplate) {
        std::cerr << kPrefix << "warning: the chat template of " << options.modelDir
                  << " is not Gemma 3's; the built-in Gemma 3 template is used\n";
    }
    std::size_t bytes = 0;
    std::size_t tokens = 0;
    double encodeSeconds = 0;
    for (const std::string& text : texts) {
        const auto start = std::chrono::steady_clock::now();
        const auto prompt = encode(bundle.value(), options, text);
        encodeSeconds += secondsSince(start);
        if (!prompt.ok()) {
            std::cerr << kPrefix << prompt.error().message << "\n";
            return 1;
        }
        bytes += text.size();
        tokens += prompt->ids.size();
        printIds(prompt->ids);
    }
    if (options.stats) {
        std::fprintf(stderr,
                     "%sloaded in %.3f s; encoded %zu bytes (%zu texts) into %zu tokens in %.3f s: "
                     "%.1f MB/s\n",
                     kPrefix, loadSeconds, bytes, texts.size(), tokens, encodeSeconds,
                     encodeSeconds > 0 ? bytes / 1e6 / encodeSeconds : 0.0);
    }
    return 0;
}

const CommandRegistration registration({
    "tokenize",
    "Print the token ids of a text or chat turn (tokenizer files only)",
    kUsage,
    run,
});

}  // namespace
}  // namespace app::cli
