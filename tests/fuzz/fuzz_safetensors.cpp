// Fuzzes the safetensors header parser on whole files held in memory. Every accepted tensor
// must lie inside the buffer, have no negative dimension, and have as many bytes as its shape
// and dtype say.
#include <cstddef>
#include <cstdint>

#include "inference/safetensors.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto file = inference::SafetensorsFile::fromBuffer(data, size, "fuzz.safetensors");
    if (!file.ok()) {
        return 0;
    }
    static volatile unsigned checksum = 0;
    for (const auto& [name, view] : file.value()->tensors()) {
        const std::uint64_t bytes =
            static_cast<std::uint64_t>(view.numel()) * inference::dtypeSize(view.dtype);
        if (bytes != view.byteSize || view.data < data || view.data + view.byteSize > data + size) {
            __builtin_trap();
        }
        for (const std::int64_t dim : view.shape) {
            if (dim < 0) {
                __builtin_trap();
            }
        }
        if (view.byteSize > 0) {  // touched so that ASan checks both ends
            checksum += view.data[0] + view.data[view.byteSize - 1];
        }
    }
    return 0;
}
