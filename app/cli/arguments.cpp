#include "arguments.h"

#include <cerrno>
#include <cstdlib>

namespace app::cli {

Arguments::Arguments(const std::vector<std::string>& args, std::set<std::string> valued,
                     std::set<std::string> flags) {
    for (std::size_t i = 0; i < args.size() && m_error.empty(); ++i) {
        const std::string& arg = args[i];
        if (arg.rfind("--", 0) != 0 || arg == "--") {
            m_positional.push_back(arg);
            continue;
        }
        const auto equals = arg.find('=');
        const std::string name = arg.substr(2, equals == std::string::npos ? std::string::npos
                                                                           : equals - 2);
        if (flags.count(name)) {
            m_flags.insert(name);
        } else if (!valued.count(name)) {
            m_error = "unknown option --" + name;
        } else if (equals != std::string::npos) {
            m_values[name].push_back(arg.substr(equals + 1));
        } else if (i + 1 < args.size()) {
            m_values[name].push_back(args[++i]);
        } else {
            m_error = "--" + name + " needs a value";
        }
    }
}

bool Arguments::has(const std::string& name) const {
    return m_flags.count(name) > 0 || m_values.count(name) > 0;
}

std::optional<std::string> Arguments::value(const std::string& name) const {
    auto it = m_values.find(name);
    if (it == m_values.end() || it->second.empty()) {
        return std::nullopt;
    }
    return it->second.back();
}

std::vector<std::string> Arguments::values(const std::string& name) const {
    auto it = m_values.find(name);
    return it == m_values.end() ? std::vector<std::string>{} : it->second;
}

long long Arguments::integer(const std::string& name, long long fallback) {
    const auto text = value(name);
    if (!text) {
        return fallback;
    }
    errno = 0;
    char* end = nullptr;
    const long long parsed = std::strtoll(text->c_str(), &end, 10);
    if (errno != 0 || end == text->c_str() || *end != '\0') {
        if (m_error.empty()) {
            m_error = "--" + name + " takes a whole number, not '" + *text + "'";
        }
        return fallback;
    }
    return parsed;
}

double Arguments::number(const std::string& name, double fallback) {
    const auto text = value(name);
    if (!text) {
        return fallback;
    }
    errno = 0;
    char* end = nullptr;
    const double parsed = std::strtod(text->c_str(), &end);
    if (errno != 0 || end == text->c_str() || *end != '\0') {
        if (m_error.empty()) {
            m_error = "--" + name + " takes a number, not '" + *text + "'";
        }
        return fallback;
    }
    return parsed;
}

std::optional<std::vector<long long>> parseIntegerList(const std::string& text) {
    std::vector<long long> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = text.find(',', start);
        const std::string item =
            text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        errno = 0;
        char* end = nullptr;
        const long long value = std::strtoll(item.c_str(), &end, 10);
        if (item.empty() || errno != 0 || *end != '\0') {
            return std::nullopt;
        }
        out.push_back(value);
        if (comma == std::string::npos) {
            break;
        }
        start = comma + 1;
    }
    return out;
}

}  // namespace app::cli
