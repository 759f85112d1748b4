#pragma once
// Internal to inference/: validation of the bytes of one safetensors file (the 8-byte header
// length, the JSON header and every tensor's byte range), shared by mapped files and buffers.

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "inference/result.h"
#include "inference/safetensors.h"

namespace inference::safetensors_detail {

struct ParsedFile {
    std::map<std::string, TensorView> tensors;
    std::map<std::string, std::string> metadata;
};

// `bytes` holds the whole file (`size` bytes). `name` starts every message; the tensors'
// `file` member gets its last path component. Data pointers point into `bytes`.
Result<ParsedFile> parseSafetensorsBytes(const std::uint8_t* bytes, std::size_t size,
                                         const std::string& name);

}  // namespace inference::safetensors_detail
