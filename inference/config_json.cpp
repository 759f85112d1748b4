#include "inference/config_json.h"

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <system_error>

namespace inference::json_detail {

namespace fs = std::filesystem;

Result<std::string> readTextFile(const std::string& path, std::uint64_t maxBytes) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        return makeError(ErrorCode::FileNotFound, path + ": file not found");
    }
    if (!fs::is_regular_file(status)) {
        return makeError(ErrorCode::InvalidFile, path + ": not a regular file");
    }
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec) {
        return makeError(ErrorCode::InvalidFile, path + ": cannot read its size: " + ec.message());
    }
    if (size > maxBytes) {
        return makeError(ErrorCode::InvalidFile, path + ": " + std::to_string(size) +
                                                     " bytes, more than the " +
                                                     std::to_string(maxBytes) + " expected");
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in.good() && !in.eof()) {
        return makeError(ErrorCode::InvalidFile, path + ": read error");
    }
    return text.str();
}

Result<Json> parseJsonObject(const std::string& text, const std::string& fileName) {
    Json json = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded()) {
        return makeError(ErrorCode::InvalidFile, fileName + ": not valid JSON");
    }
    if (!json.is_object()) {
        return makeError(ErrorCode::InvalidFile,
                         fileName + ": expected a JSON object, found " + jsonTypeName(json));
    }
    return json;
}

const char* jsonTypeName(const Json& value) {
    switch (value.type()) {
        case Json::value_t::null:
            return "null";
        case Json::value_t::object:
            return "an object";
        case Json::value_t::array:
            return "a list";
        case Json::value_t::string:
            return "a string";
        case Json::value_t::boolean:
            return "a boolean";
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
            return "an integer";
        case Json::value_t::number_float:
            return "a number";
        default:
            return "an unsupported value";
    }
}

std::string formatNumber(double value) {
    std::ostringstream out;
    out.precision(17);
    out << value;
    std::string text = out.str();
    // Prefer the short form when it reads back to the same value (0.1, not 0.10000000000000001).
    for (int precision = 1; precision < 17; ++precision) {
        std::ostringstream shorter;
        shorter.precision(precision);
        shorter << value;
        // strtod, unlike stod, does not throw on subnormal values.
        if (std::strtod(shorter.str().c_str(), nullptr) == value) {
            return shorter.str();
        }
    }
    return text;
}

std::optional<std::int64_t> jsonToInt(const Json& value) {
    if (value.is_number_unsigned()) {
        const auto v = value.get<std::uint64_t>();
        if (v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            return std::nullopt;
        }
        return static_cast<std::int64_t>(v);
    }
    if (value.is_number_integer()) {
        return value.get<std::int64_t>();
    }
    if (value.is_number_float()) {
        const double v = value.get<double>();
        // 2^63 is exactly representable; anything at or beyond it does not fit.
        if (std::isfinite(v) && v == std::floor(v) && v >= -9.2233720368547758e18 &&
            v < 9.2233720368547758e18) {
            return static_cast<std::int64_t>(v);
        }
    }
    return std::nullopt;
}

void Diagnostics::fail(ErrorCode code, std::string message) {
    if (!m_error) {
        m_error = Error{code, std::move(message)};
    }
}

FieldReader::FieldReader(const Json& object, std::string fileName, std::string path,
                         Diagnostics& diag)
    : m_object(&object), m_file(std::move(fileName)), m_path(std::move(path)), m_diag(&diag) {}

const Json* FieldReader::find(const char* key) const {
    if (!m_object->is_object()) {
        return nullptr;
    }
    const auto it = m_object->find(key);
    if (it == m_object->end() || it->is_null()) {
        return nullptr;
    }
    return &*it;
}

FieldReader FieldReader::child(const char* key) const {
    static const Json kEmptyObject = Json::object();
    const std::string path = m_path.empty() ? std::string(key) : m_path + "." + key;
    const Json* value = find(key);
    if (value && !value->is_object()) {
        typeError(key, "an object", *value);
        value = nullptr;
    }
    return FieldReader(value ? *value : kEmptyObject, m_file, path, *m_diag);
}

std::string FieldReader::where(const char* key) const {
    return m_file + ": " + (m_path.empty() ? std::string(key) : m_path + "." + key);
}

void FieldReader::require(bool condition, const char* key, const std::string& problem) const {
    if (!condition) {
        fail(ErrorCode::InvalidFile, where(key) + " " + problem);
    }
}

void FieldReader::typeError(const char* key, const char* expected, const Json& found) const {
    fail(ErrorCode::InvalidFile,
         where(key) + " must be " + expected + ", found " + jsonTypeName(found));
}

void FieldReader::readInt(const char* key, std::int64_t& out) const {
    if (const Json* value = find(key)) {
        if (const auto v = jsonToInt(*value)) {
            out = *v;
        } else {
            typeError(key, "an integer", *value);
        }
    }
}

void FieldReader::readNumber(const char* key, double& out) const {
    if (const Json* value = find(key)) {
        if (value->is_number() && std::isfinite(value->get<double>())) {
            out = value->get<double>();
        } else {
            typeError(key, "a finite number", *value);
        }
    }
}

void FieldReader::readOptionalNumber(const char* key, std::optional<double>& out) const {
    if (has(key)) {
        double v = 0.0;
        readNumber(key, v);
        out = v;
    }
}

void FieldReader::readBool(const char* key, bool& out) const {
    if (const Json* value = find(key)) {
        if (value->is_boolean()) {
            out = value->get<bool>();
        } else {
            typeError(key, "true or false", *value);
        }
    }
}

void FieldReader::readString(const char* key, std::string& out) const {
    if (const Json* value = find(key)) {
        if (value->is_string()) {
            out = value->get<std::string>();
        } else {
            typeError(key, "a string", *value);
        }
    }
}

void FieldReader::readIntOrList(const char* key, std::vector<std::int64_t>& out) const {
    const Json* value = find(key);
    if (!value) {
        return;
    }
    std::vector<std::int64_t> ids;
    const bool isList = value->is_array();
    for (const Json& item : isList ? *value : Json::array({*value})) {
        const auto v = jsonToInt(item);
        if (!v) {
            typeError(key, "an integer or a list of integers", isList ? item : *value);
            return;
        }
        ids.push_back(*v);
    }
    out = std::move(ids);
}

}  // namespace inference::json_detail
