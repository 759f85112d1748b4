// Fuzzes the model.safetensors.index.json parser. Accepted shard names must stay inside the
// model directory.
#include <cstddef>
#include <cstdint>
#include <string>

#include "inference/safetensors.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    auto index = inference::parseSafetensorsIndex(text, "model.safetensors.index.json");
    if (!index.ok()) {
        return 0;
    }
    for (const auto& [tensor, shard] : index.value().weightMap) {
        if (shard.empty() || shard == ".." || shard.find('/') != std::string::npos) {
            __builtin_trap();
        }
    }
    return 0;
}
