// Checkpoint: the safetensors files of one model directory, single or sharded.
#include "inference/safetensors.h"

#include <filesystem>
#include <system_error>

#include "inference/config_json.h"

namespace inference {

namespace fs = std::filesystem;
using json_detail::Json;

namespace {

constexpr const char* kIndexName = "model.safetensors.index.json";
constexpr const char* kSingleName = "model.safetensors";
constexpr std::uint64_t kMaxIndexBytes = 64ull << 20;

// Shards live beside the index; a name that could leave the directory is refused.
bool isPlainFileName(const std::string& name) {
    return !name.empty() && name != "." && name != ".." &&
           name.find_first_of(std::string("/\\\0", 3)) == std::string::npos;
}

Status readTotalSize(const Json& index, const std::string& fileName, SafetensorsIndex& out) {
    const auto metadata = index.find("metadata");
    if (metadata == index.end() || metadata->is_null()) {
        return {};
    }
    if (!metadata->is_object()) {
        return makeError(ErrorCode::InvalidFile, fileName + ": metadata must be an object");
    }
    const auto total = metadata->find("total_size");
    if (total == metadata->end() || total->is_null()) {
        return {};
    }
    const auto value = json_detail::jsonToInt(*total);
    if (!value || *value < 0) {
        return makeError(ErrorCode::InvalidFile,
                         fileName + ": metadata.total_size must be a non-negative integer");
    }
    out.totalSize = static_cast<std::uint64_t>(*value);
    return {};
}

Error shardError(ErrorCode code, const std::string& indexPath, const std::string& message) {
    return makeError(code, indexPath + ": " + message);
}

}  // namespace

Result<SafetensorsIndex> parseSafetensorsIndex(const std::string& jsonText,
                                               const std::string& fileName) {
    auto json = json_detail::parseJsonObject(jsonText, fileName);
    if (!json.ok()) {
        return json.error();
    }
    SafetensorsIndex index;
    if (const Status status = readTotalSize(json.value(), fileName, index); !status.ok()) {
        return status.error();
    }
    const auto map = json.value().find("weight_map");
    if (map == json.value().end() || !map->is_object() || map->empty()) {
        return makeError(ErrorCode::InvalidFile,
                         fileName + ": weight_map must be a non-empty object");
    }
    for (const auto& item : map->items()) {
        if (!item.value().is_string() || !isPlainFileName(item.value().get<std::string>())) {
            return makeError(ErrorCode::InvalidFile,
                             fileName + ": weight_map entry for tensor '" + item.key() +
                                 "' must be the name of a file in the same directory");
        }
        index.weightMap.emplace(item.key(), item.value().get<std::string>());
    }
    return index;
}

const TensorView* Checkpoint::find(const std::string& name) const {
    const auto it = m_index.find(name);
    return it == m_index.end() ? nullptr : it->second;
}

std::vector<std::string> Checkpoint::names() const {
    std::vector<std::string> result;
    result.reserve(m_index.size());
    for (const auto& entry : m_index) {
        result.push_back(entry.first);
    }
    return result;
}

std::uint64_t Checkpoint::totalBytes() const {
    std::uint64_t total = 0;
    for (const auto& entry : m_index) {
        total += entry.second->byteSize;
    }
    return total;
}

Status Checkpoint::addShard(std::shared_ptr<SafetensorsFile> shard) {
    for (const auto& [name, view] : shard->tensors()) {
        if (!m_index.emplace(name, &view).second) {
            return makeError(ErrorCode::InvalidFile, shard->path() + ": tensor '" + name +
                                                         "' is also stored in another shard");
        }
    }
    m_files.push_back(shard->path());
    m_shards.push_back(std::move(shard));
    return {};
}

Result<Checkpoint> Checkpoint::open(const std::string& directory) {
    std::error_code ec;
    if (!fs::is_directory(directory, ec)) {
        return makeError(ErrorCode::FileNotFound,
                         directory + ": model directory not found or not a directory");
    }
    Checkpoint checkpoint;
    checkpoint.m_directory = directory;
    const std::string indexPath = (fs::path(directory) / kIndexName).string();
    if (!fs::exists(indexPath, ec)) {
        const std::string single = (fs::path(directory) / kSingleName).string();
        if (!fs::exists(single, ec)) {
            return makeError(ErrorCode::FileNotFound, directory + ": neither " + kSingleName +
                                                          " nor " + kIndexName + " found");
        }
        auto shard = SafetensorsFile::open(single);
        if (!shard.ok()) {
            return shard.error();
        }
        if (const Status status = checkpoint.addShard(std::move(shard.value())); !status.ok()) {
            return status.error();
        }
        return checkpoint;
    }
    auto text = json_detail::readTextFile(indexPath, kMaxIndexBytes);
    if (!text.ok()) {
        return text.error();
    }
    auto index = parseSafetensorsIndex(text.value(), indexPath);
    if (!index.ok()) {
        return index.error();
    }
    checkpoint.m_indexFile = indexPath;
    if (const Status status = checkpoint.openShards(index.value()); !status.ok()) {
        return status.error();
    }
    return checkpoint;
}

// Opens every shard the index names and cross-checks both directions: each listed tensor is
// in its shard, and each tensor of a shard is listed under that shard.
Status Checkpoint::openShards(const SafetensorsIndex& index) {
    const std::string& indexPath = *m_indexFile;
    std::map<std::string, std::string> firstTensorOf;  // shard -> a tensor naming it
    for (const auto& [tensor, shard] : index.weightMap) {
        firstTensorOf.emplace(shard, tensor);
    }
    for (const auto& [shardName, someTensor] : firstTensorOf) {
        const std::string path = (fs::path(m_directory) / shardName).string();
        std::error_code ec;
        if (!fs::exists(path, ec)) {
            return shardError(ErrorCode::FileNotFound, indexPath,
                              "shard '" + shardName + "' (listed for tensor '" + someTensor +
                                  "') not found in " + m_directory);
        }
        auto shard = SafetensorsFile::open(path);
        if (!shard.ok()) {
            return shard.error();
        }
        for (const auto& [name, view] : shard.value()->tensors()) {
            const auto listed = index.weightMap.find(name);
            if (listed == index.weightMap.end() || listed->second != shardName) {
                return shardError(
                    ErrorCode::InvalidFile, indexPath,
                    "shard '" + shardName + "' holds tensor '" + name + "', which the index " +
                        (listed == index.weightMap.end() ? std::string("does not list")
                                                         : "assigns to '" + listed->second + "'"));
            }
        }
        if (const Status status = addShard(std::move(shard.value())); !status.ok()) {
            return status;
        }
    }
    for (const auto& [tensor, shardName] : index.weightMap) {
        if (!m_index.count(tensor)) {
            return shardError(ErrorCode::MissingTensor, indexPath,
                              "tensor '" + tensor + "' is assigned to shard '" + shardName +
                                  "', which does not contain it");
        }
    }
    return {};
}

}  // namespace inference
