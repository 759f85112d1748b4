#pragma once
// Writing safetensors files: the logits dump of `medgemma-cli logits`, preprocessed pixels, and
// the streamed writer behind `make-random-model`, which appends tensor data piece by piece so a
// multi-gigabyte checkpoint never has to be held in memory.
// Thread-safety: a SafetensorsWriter is used by one thread; the free function is re-entrant.

#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "inference/result.h"
#include "inference/safetensors.h"

namespace inference {

struct TensorSpec {
    std::string name;
    DType dtype = DType::F32;
    std::vector<std::int64_t> shape;
    std::uint64_t byteSize() const;
};

// Writes a header for `tensors` (in this order, contiguous), then lets the caller stream each
// tensor's bytes with append(). finish() checks that exactly the announced bytes came.
class SafetensorsWriter {
public:
    static Result<SafetensorsWriter> create(const std::string& path,
                                            const std::vector<TensorSpec>& tensors,
                                            const std::map<std::string, std::string>& metadata = {});
    SafetensorsWriter(SafetensorsWriter&& other) noexcept;
    SafetensorsWriter& operator=(SafetensorsWriter&&) = delete;
    ~SafetensorsWriter();

    Status append(const void* data, std::size_t bytes);
    // `bytes` of zeros as a hole in the file (a sparse file takes no disk space for them).
    Status appendZeros(std::uint64_t bytes);
    Status finish();

private:
    SafetensorsWriter() = default;
    std::FILE* m_file = nullptr;
    std::string m_path;
    std::uint64_t m_dataStart = 0;  // bytes of the length field and header
    std::uint64_t m_expected = 0;
    std::uint64_t m_written = 0;
};

// One call for small files: every tensor with its bytes.
struct TensorData {
    TensorSpec spec;
    const void* data = nullptr;
};
Status writeSafetensors(const std::string& path, const std::vector<TensorData>& tensors,
                        const std::map<std::string, std::string>& metadata = {});

}  // namespace inference
