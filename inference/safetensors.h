#pragma once
// Memory-mapped safetensors reader: a single file or a sharded checkpoint with
// model.safetensors.index.json. Tensors are views into the mapping (no copy); the mapping
// lives as long as the SafetensorsFile / Checkpoint object.
// Every header is validated before use: lengths, offsets inside the file, dtype known,
// shape x dtype size == byte range, no overlap; a bad file is an Error naming file and tensor.
// Tensor data is not necessarily aligned to its dtype (the format does not promise it).
// Thread-safety: immutable after open(); concurrent reads are safe.

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "inference/result.h"

namespace inference {

enum class DType { BF16, F16, F32, F64, I8, U8, I16, I32, I64, Bool };

std::size_t dtypeSize(DType dtype);
const char* dtypeName(DType dtype);  // the safetensors spelling, e.g. "BF16"
// The DType of a safetensors spelling ("BOOL" for Bool); nullopt for any other text.
std::optional<DType> dtypeFromName(std::string_view name);

// "[262208, 2560]": a shape as messages print it.
std::string formatShape(const std::vector<std::int64_t>& shape);

// Headers above this size are refused before parsing (real ones are well under 1 MB).
constexpr std::uint64_t kMaxSafetensorsHeaderBytes = 100'000'000;

struct TensorView {
    std::string name;  // the name stored in the file
    DType dtype = DType::F32;
    std::vector<std::int64_t> shape;
    const std::uint8_t* data = nullptr;  // points into the file mapping
    std::size_t byteSize = 0;
    std::string file;  // file name the tensor came from (for messages)

    std::int64_t numel() const;
};

class SafetensorsFile {
public:
    // Maps and validates one file. Missing file -> FileNotFound; anything malformed ->
    // InvalidFile; a dtype of the format this reader does not map (F8_*, U16, ...) ->
    // UnsupportedModel. Messages start with `path`.
    static Result<std::shared_ptr<SafetensorsFile>> open(const std::string& path);
    // Parses a whole file held in memory (used by the fuzz target and tests); `size` is the
    // file size, `name` appears in messages. Data pointers point into `buffer`, which the
    // caller keeps alive and unchanged as long as the returned object.
    static Result<std::shared_ptr<SafetensorsFile>> fromBuffer(const std::uint8_t* buffer,
                                                               std::size_t size,
                                                               const std::string& name);
    ~SafetensorsFile();
    SafetensorsFile(const SafetensorsFile&) = delete;
    SafetensorsFile& operator=(const SafetensorsFile&) = delete;

    const std::map<std::string, TensorView>& tensors() const { return m_tensors; }
    const std::map<std::string, std::string>& metadata() const { return m_metadata; }
    const std::string& path() const { return m_path; }
    std::uint64_t fileSize() const { return m_fileSize; }  // bytes, header included

private:
    SafetensorsFile() = default;
    std::string m_path;
    void* m_mapping = nullptr;  // null for fromBuffer()
    std::size_t m_mappingSize = 0;
    std::uint64_t m_fileSize = 0;
    std::map<std::string, TensorView> m_tensors;
    std::map<std::string, std::string> m_metadata;
};

// model.safetensors.index.json: {"metadata": {"total_size": N}, "weight_map": {name: file}}.
struct SafetensorsIndex {
    std::optional<std::uint64_t> totalSize;        // informational; not checked against data
    std::map<std::string, std::string> weightMap;  // tensor name -> shard file name
};

// Validates the structure: weight_map non-empty, every value a plain file name in the same
// directory (no path separators, no "..").
Result<SafetensorsIndex> parseSafetensorsIndex(const std::string& jsonText,
                                               const std::string& fileName);

// All shards of a model directory: model.safetensors, or the files named by
// model.safetensors.index.json (every listed tensor must be found in the shard it names, and
// every tensor of a shard must be listed under that shard).
// Errors: directory, index or shard absent -> FileNotFound; a listed tensor absent from its
// shard -> MissingTensor; anything inconsistent or malformed -> InvalidFile.
// Thread-safety: immutable after open(); copies share the mapped shards.
class Checkpoint {
public:
    static Result<Checkpoint> open(const std::string& directory);

    const TensorView* find(const std::string& name) const;             // nullptr when absent
    std::vector<std::string> names() const;                            // sorted
    std::size_t size() const { return m_index.size(); }                // number of tensors
    std::uint64_t totalBytes() const;                                  // sum of tensor byte sizes
    const std::vector<std::string>& files() const { return m_files; }  // shard paths, sorted
    const std::vector<std::shared_ptr<SafetensorsFile>>& shards() const { return m_shards; }
    const std::string& directory() const { return m_directory; }
    bool sharded() const { return m_indexFile.has_value(); }
    const std::optional<std::string>& indexFile() const { return m_indexFile; }

private:
    Status addShard(std::shared_ptr<SafetensorsFile> shard);
    Status openShards(const SafetensorsIndex& index);

    std::string m_directory;
    std::optional<std::string> m_indexFile;  // path of model.safetensors.index.json if used
    std::vector<std::shared_ptr<SafetensorsFile>> m_shards;
    std::map<std::string, const TensorView*> m_index;
    std::vector<std::string> m_files;
};

}  // namespace inference
