#pragma once
// Test helper: builds safetensors files and model directories in memory or on disk, so tests
// can derive broken or re-laid-out checkpoints from the fixtures. Single-threaded test use.

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <QJsonObject>
#include <QString>

namespace testutil {

struct TestTensor {
    std::string name;
    std::string dtype;  // safetensors spelling; may be deliberately wrong
    std::vector<std::int64_t> shape;
    std::string bytes;  // raw data
};

// A tensor of zeros whose byte size matches dtype and shape (for known dtypes).
TestTensor zeros(const std::string& name, const std::string& dtype,
                 const std::vector<std::int64_t>& shape);

// 8-byte little-endian length + header + data.
std::string rawSafetensors(const std::string& headerJson, const std::string& data);
// A well-formed file: tensors laid out in order, header built from them.
std::string buildSafetensors(const std::vector<TestTensor>& tensors,
                             const std::map<std::string, std::string>& metadata = {});

bool writeBytes(const QString& path, const std::string& bytes);
QJsonObject readJsonObject(const QString& path);
bool writeJsonObject(const QString& path, const QJsonObject& object);

// Every tensor of a checkpoint directory (any number of shards), copied out.
std::vector<TestTensor> readCheckpointTensors(const QString& directory);

// Writes `tensors` as model.safetensors, or as `shards` files with an index.
bool writeCheckpoint(const QString& directory, const std::vector<TestTensor>& tensors,
                     int shards = 1);

// Copies config.json and the other small files (not the weights) of a model directory.
bool copyConfigFiles(const QString& from, const QString& to);

// Fixture tensors with names rewritten by `rename` (dropped when it returns "").
std::vector<TestTensor> renamed(const std::vector<TestTensor>& tensors,
                                const std::function<std::string(const std::string&)>& rename);

// Replaces a leading `from` with `to` in `name`; other names unchanged.
std::string replacePrefix(const std::string& name, const std::string& from, const std::string& to);

QString fixtureDir(const char* name);  // MEDGEMMA_TEST_FIXTURES/<name>

}  // namespace testutil
