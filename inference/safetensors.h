#pragma once
// Memory-mapped safetensors reader: a single file or a sharded checkpoint with
// model.safetensors.index.json. Tensors are views into the mapping (no copy); the mapping
// lives as long as the SafetensorsFile / Checkpoint object.
// Every header is validated before use: lengths, offsets inside the file, dtype known,
// shape x dtype size == byte range, no overlap; a bad file is an Error naming file and tensor.
// Thread-safety: immutable after open(); concurrent reads are safe.

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "inference/result.h"

namespace inference {

enum class DType { BF16, F16, F32, F64, I8, U8, I16, I32, I64, Bool };

std::size_t dtypeSize(DType dtype);
const char* dtypeName(DType dtype);  // the safetensors spelling, e.g. "BF16"

struct TensorView {
    std::string name;
    DType dtype = DType::F32;
    std::vector<std::int64_t> shape;
    const std::uint8_t* data = nullptr;  // points into the file mapping
    std::size_t byteSize = 0;
    std::string file;                    // file name the tensor came from (for messages)

    std::int64_t numel() const;
};

class SafetensorsFile {
public:
    // Maps and validates one file.
    static Result<std::shared_ptr<SafetensorsFile>> open(const std::string& path);
    // Parses a header held in memory (used by the fuzz target and tests). `fileSize` is the
    // size of the whole file the buffer represents; data pointers are into `buffer`.
    static Result<std::shared_ptr<SafetensorsFile>> fromBuffer(const std::uint8_t* buffer,
                                                               std::size_t size,
                                                               const std::string& name);
    ~SafetensorsFile();

    const std::map<std::string, TensorView>& tensors() const { return m_tensors; }
    const std::map<std::string, std::string>& metadata() const { return m_metadata; }
    const std::string& path() const { return m_path; }

private:
    SafetensorsFile() = default;
    std::string m_path;
    void* m_mapping = nullptr;
    std::size_t m_mappingSize = 0;
    std::map<std::string, TensorView> m_tensors;
    std::map<std::string, std::string> m_metadata;
};

// All shards of a model directory: model.safetensors, or the files named by
// model.safetensors.index.json (every listed tensor must be found in the shard it names).
class Checkpoint {
public:
    static Result<Checkpoint> open(const std::string& directory);

    const TensorView* find(const std::string& name) const;  // nullptr when absent
    std::vector<std::string> names() const;
    std::uint64_t totalBytes() const;                       // sum of tensor byte sizes
    const std::vector<std::string>& files() const { return m_files; }

private:
    std::vector<std::shared_ptr<SafetensorsFile>> m_shards;
    std::map<std::string, const TensorView*> m_index;
    std::vector<std::string> m_files;
};

}  // namespace inference
