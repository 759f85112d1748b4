#pragma once
// A small command-line parser for the subcommands: "--name value", "--name=value", repeated
// options, flags and positional arguments, with clear messages for the user.
// Thread-safety: plain value.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace app::cli {

class Arguments {
public:
    // `valued`: options that take a value; `flags`: options that do not. Anything else that
    // starts with "--" is an error; other words are positional.
    Arguments(const std::vector<std::string>& args, std::set<std::string> valued,
              std::set<std::string> flags);

    bool ok() const { return m_error.empty(); }
    const std::string& error() const { return m_error; }

    bool has(const std::string& name) const;
    std::optional<std::string> value(const std::string& name) const;  // the last one given
    std::vector<std::string> values(const std::string& name) const;   // every one, in order
    const std::vector<std::string>& positional() const { return m_positional; }

    // Typed values; on a malformed value they record an error and return the fallback.
    long long integer(const std::string& name, long long fallback);
    double number(const std::string& name, double fallback);

private:
    std::map<std::string, std::vector<std::string>> m_values;
    std::set<std::string> m_flags;
    std::vector<std::string> m_positional;
    std::string m_error;
};

// "1,2,3" -> {1,2,3}; nullopt on anything that is not a comma-separated integer list.
std::optional<std::vector<long long>> parseIntegerList(const std::string& text);

}  // namespace app::cli
