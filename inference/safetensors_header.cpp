#include "inference/safetensors_header.h"

#include <algorithm>
#include <limits>
#include <vector>

#include <nlohmann/json.hpp>

#include "inference/config_json.h"

namespace inference::safetensors_detail {

namespace {

using Json = nlohmann::json;

// Dtypes of the safetensors format that this reader recognises but does not map: a file
// using them is well-formed, just not something the engine can run.
constexpr const char* kUnmappedDtypes[] = {"F8_E4M3", "F8_E5M2", "F8_E8M0", "F6_E2M3", "F6_E3M2",
                                           "F4",      "U16",     "U32",     "U64",     "C64"};

std::uint64_t readLittleEndian64(const std::uint8_t* bytes) {
    std::uint64_t value = 0;
    for (int i = 7; i >= 0; --i) {
        value = (value << 8) | bytes[i];
    }
    return value;
}

std::string lastPathComponent(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

struct ByteRange {
    std::uint64_t begin = 0;
    std::uint64_t end = 0;
    std::string name;
};

class HeaderParser {
public:
    HeaderParser(const std::uint8_t* bytes, std::size_t size, const std::string& name)
        : m_bytes(bytes), m_size(size), m_name(name), m_fileName(lastPathComponent(name)) {}

    Result<ParsedFile> parse();

private:
    Error invalid(const std::string& what) const {
        return makeError(ErrorCode::InvalidFile, m_name + ": " + what);
    }
    Error invalidTensor(const std::string& tensor, const std::string& what) const {
        return invalid("tensor '" + tensor + "': " + what);
    }
    Result<Json> parseHeaderJson(std::uint64_t headerLength) const;
    Status parseMetadata(const Json& value);
    Status parseEntry(const std::string& name, const Json& entry);
    Result<DType> parseDtype(const std::string& name, const Json& entry) const;
    Result<std::vector<std::int64_t>> parseShape(const std::string& name, const Json& entry) const;
    Status checkOverlaps();

    const std::uint8_t* m_bytes;
    std::size_t m_size;
    const std::string& m_name;
    std::string m_fileName;
    std::uint64_t m_dataBegin = 0;
    std::uint64_t m_dataSize = 0;
    ParsedFile m_result;
    std::vector<ByteRange> m_ranges;
};

Result<ParsedFile> HeaderParser::parse() {
    if (m_size < 8) {
        return invalid("file is " + std::to_string(m_size) +
                       " bytes, shorter than the 8-byte header length");
    }
    const std::uint64_t headerLength = readLittleEndian64(m_bytes);
    if (headerLength > kMaxSafetensorsHeaderBytes) {
        return invalid("header length " + std::to_string(headerLength) + " exceeds the limit of " +
                       std::to_string(kMaxSafetensorsHeaderBytes) + " bytes");
    }
    if (headerLength > m_size - 8) {
        return invalid("header length " + std::to_string(headerLength) +
                       " runs past the end of the file (" + std::to_string(m_size) + " bytes)");
    }
    m_dataBegin = 8 + headerLength;
    m_dataSize = m_size - m_dataBegin;
    auto header = parseHeaderJson(headerLength);
    if (!header.ok()) {
        return header.error();
    }
    for (const auto& item : header.value().items()) {
        const Status status = item.key() == "__metadata__" ? parseMetadata(item.value())
                                                           : parseEntry(item.key(), item.value());
        if (!status.ok()) {
            return status.error();
        }
    }
    if (const Status status = checkOverlaps(); !status.ok()) {
        return status.error();
    }
    return std::move(m_result);
}

// A JSON object silently keeps the last of duplicate keys; counting the keys of the top-level
// object as they are parsed exposes a tensor named twice.
Result<Json> HeaderParser::parseHeaderJson(std::uint64_t headerLength) const {
    std::size_t topLevelKeys = 0;
    const Json::parser_callback_t countKeys = [&topLevelKeys](int depth, Json::parse_event_t event,
                                                              Json&) {
        if (event == Json::parse_event_t::key && depth == 1) {
            ++topLevelKeys;
        }
        return true;
    };
    const std::uint8_t* first = m_bytes + 8;
    Json header = Json::parse(first, first + headerLength, countKeys, /*allow_exceptions=*/false);
    if (header.is_discarded()) {
        return invalid("header is not valid JSON");
    }
    if (!header.is_object()) {
        return invalid(std::string("header must be a JSON object, found ") +
                       json_detail::jsonTypeName(header));
    }
    if (topLevelKeys != header.size()) {
        return invalid("header names the same tensor more than once");
    }
    return header;
}

Status HeaderParser::parseMetadata(const Json& value) {
    if (!value.is_object()) {
        return invalid(std::string("__metadata__ must be an object of strings, found ") +
                       json_detail::jsonTypeName(value));
    }
    for (const auto& item : value.items()) {
        if (!item.value().is_string()) {
            return invalid("__metadata__ must map strings to strings; '" + item.key() + "' is " +
                           json_detail::jsonTypeName(item.value()));
        }
        m_result.metadata[item.key()] = item.value().get<std::string>();
    }
    return {};
}

Result<DType> HeaderParser::parseDtype(const std::string& name, const Json& entry) const {
    const auto it = entry.find("dtype");
    if (it == entry.end() || !it->is_string()) {
        return invalidTensor(name, "has no dtype string");
    }
    const std::string& text = it->get_ref<const std::string&>();
    if (const auto dtype = dtypeFromName(text)) {
        return *dtype;
    }
    const bool known = std::find(std::begin(kUnmappedDtypes), std::end(kUnmappedDtypes), text) !=
                       std::end(kUnmappedDtypes);
    if (known) {
        return makeError(ErrorCode::UnsupportedModel,
                         m_name + ": tensor '" + name + "': dtype " + text + " is not supported");
    }
    return invalidTensor(name, "unknown dtype '" + text + "'");
}

Result<std::vector<std::int64_t>> HeaderParser::parseShape(const std::string& name,
                                                           const Json& entry) const {
    const auto it = entry.find("shape");
    if (it == entry.end() || !it->is_array()) {
        return invalidTensor(name, "has no shape list");
    }
    std::vector<std::int64_t> shape;
    std::uint64_t numel = 1;
    for (const Json& dim : *it) {
        if (!dim.is_number_unsigned()) {
            return invalidTensor(name, "shape entries must be non-negative integers");
        }
        const auto size = dim.get<std::uint64_t>();
        // Each dimension is bounded on its own too: next to a 0 a huge one overflows nothing,
        // yet would turn negative as int64.
        constexpr auto kMax = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
        if (size > kMax || __builtin_mul_overflow(numel, size, &numel) || numel > kMax) {
            return invalidTensor(name, "shape has a dimension or element count of 2^63 or more");
        }
        shape.push_back(static_cast<std::int64_t>(size));
    }
    return shape;
}

Status HeaderParser::parseEntry(const std::string& name, const Json& entry) {
    if (!entry.is_object()) {
        return invalidTensor(name, std::string("entry must be an object, found ") +
                                       json_detail::jsonTypeName(entry));
    }
    auto dtype = parseDtype(name, entry);
    if (!dtype.ok()) {
        return dtype.error();
    }
    auto shape = parseShape(name, entry);
    if (!shape.ok()) {
        return shape.error();
    }
    const auto offsets = entry.find("data_offsets");
    if (offsets == entry.end() || !offsets->is_array() || offsets->size() != 2 ||
        !(*offsets)[0].is_number_unsigned() || !(*offsets)[1].is_number_unsigned()) {
        return invalidTensor(name, "data_offsets must be two non-negative integers");
    }
    const auto begin = (*offsets)[0].get<std::uint64_t>();
    const auto end = (*offsets)[1].get<std::uint64_t>();
    const std::string range =
        "data_offsets [" + std::to_string(begin) + ", " + std::to_string(end) + "]";
    if (begin > end) {
        return invalidTensor(name, range + " are reversed");
    }
    if (end > m_dataSize) {
        return invalidTensor(
            name, range + " run past the data region (" + std::to_string(m_dataSize) + " bytes)");
    }
    TensorView view;
    view.name = name;
    view.dtype = dtype.value();
    view.shape = std::move(shape.value());
    std::uint64_t expected = 0;
    if (__builtin_mul_overflow(static_cast<std::uint64_t>(view.numel()), dtypeSize(view.dtype),
                               &expected)) {
        return invalidTensor(name, "shape " + formatShape(view.shape) + " of " +
                                       dtypeName(view.dtype) + " needs more than 2^64 bytes");
    }
    if (expected != end - begin) {
        return invalidTensor(name, range + " hold " + std::to_string(end - begin) +
                                       " bytes, but shape " + formatShape(view.shape) + " of " +
                                       dtypeName(view.dtype) + " needs " +
                                       std::to_string(expected) + " bytes");
    }
    view.data = m_bytes + m_dataBegin + begin;
    view.byteSize = static_cast<std::size_t>(expected);
    view.file = m_fileName;
    m_ranges.push_back(ByteRange{begin, end, name});
    m_result.tensors.emplace(name, std::move(view));
    return {};
}

Status HeaderParser::checkOverlaps() {
    std::sort(m_ranges.begin(), m_ranges.end(),
              [](const ByteRange& a, const ByteRange& b) { return a.begin < b.begin; });
    const ByteRange* previous = nullptr;  // the non-empty range reaching furthest so far
    for (const ByteRange& range : m_ranges) {
        if (range.begin == range.end) {
            continue;  // empty tensors occupy no bytes
        }
        if (previous && range.begin < previous->end) {
            return invalid("tensors '" + previous->name + "' and '" + range.name +
                           "' overlap in the data region");
        }
        if (!previous || range.end > previous->end) {
            previous = &range;
        }
    }
    return {};
}

}  // namespace

Result<ParsedFile> parseSafetensorsBytes(const std::uint8_t* bytes, std::size_t size,
                                         const std::string& name) {
    return HeaderParser(bytes, size, name).parse();
}

}  // namespace inference::safetensors_detail
