#pragma once
// Internal to inference/ (never include from another module: it exposes nlohmann-json).
// Typed reading of the JSON files of a model directory, with messages that name the file and
// the key path ("config.json: text_config.hidden_size must be an integer, found a string").
// A JSON null counts as absent everywhere: transformers writes `"key": null` for unset options.
// Thread-safety: a FieldReader and its Diagnostics belong to one parse on one thread.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "inference/result.h"

namespace inference::json_detail {

using Json = nlohmann::json;

// Reads a whole file that is expected to be small (configs, indexes). Missing file ->
// FileNotFound; larger than maxBytes or unreadable -> InvalidFile.
Result<std::string> readTextFile(const std::string& path, std::uint64_t maxBytes);

// Parses text that must hold one JSON object; anything else is InvalidFile naming fileName.
Result<Json> parseJsonObject(const std::string& text, const std::string& fileName);

// "an integer", "a string", ... for messages.
const char* jsonTypeName(const Json& value);

// Keeps the first error of a parse; later reads become no-ops so a parse can read every key
// and check the outcome once.
class Diagnostics {
public:
    void fail(ErrorCode code, std::string message);
    bool failed() const { return m_error.has_value(); }
    const Error& error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

// Reads the members of one JSON object. Each read leaves `out` untouched when the key is
// absent or null, so callers preload defaults. The reader refers to, but does not own, the
// object and the Diagnostics; both must outlive it.
class FieldReader {
public:
    FieldReader(const Json& object, std::string fileName, std::string path, Diagnostics& diag);

    const Json* find(const char* key) const;  // nullptr when absent or null
    bool has(const char* key) const { return find(key) != nullptr; }
    // The member object, or a reader over an empty object when absent (non-object -> error).
    FieldReader child(const char* key) const;

    void readInt(const char* key, std::int64_t& out) const;
    void readNumber(const char* key, double& out) const;
    void readOptionalNumber(const char* key, std::optional<double>& out) const;
    void readBool(const char* key, bool& out) const;
    void readString(const char* key, std::string& out) const;
    // An integer or a list of integers (eos_token_id may be either).
    void readIntOrList(const char* key, std::vector<std::int64_t>& out) const;

    // "config.json: text_config.hidden_size": the prefix of every message about `key`.
    std::string where(const char* key) const;
    const std::string& fileName() const { return m_file; }
    Diagnostics& diagnostics() const { return *m_diag; }
    void fail(ErrorCode code, std::string message) const { m_diag->fail(code, std::move(message)); }
    // Records InvalidFile "<where(key)> <problem>" unless `condition` holds.
    void require(bool condition, const char* key, const std::string& problem) const;
    // Records InvalidFile "<where(key)> must be <expected>, found <type of found>".
    void typeError(const char* key, const char* expected, const Json& found) const;

private:
    const Json* m_object;
    std::string m_file;
    std::string m_path;  // dotted path of this object inside the file, empty for the root
    Diagnostics* m_diag;
};

// Shortest round-trippable text of a double, for messages ("1e-06", not "0.000001").
std::string formatNumber(double value);

// JSON number -> int64 when it is integral and in range (Python writes 1024 or 1024.0).
std::optional<std::int64_t> jsonToInt(const Json& value);

}  // namespace inference::json_detail
