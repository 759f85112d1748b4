#include "checkpoint_writer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include "inference/safetensors.h"

namespace testutil {

namespace {

std::int64_t elementCount(const std::vector<std::int64_t>& shape) {
    std::int64_t count = 1;
    for (const std::int64_t dim : shape) {
        count *= dim;
    }
    return count;
}

QJsonArray toJsonArray(const std::vector<std::int64_t>& values) {
    QJsonArray array;
    for (const std::int64_t v : values) {
        array.append(static_cast<double>(v));
    }
    return array;
}

std::string shardName(int index, int count) {
    char name[64];
    std::snprintf(name, sizeof name, "model-%05d-of-%05d.safetensors", index + 1, count);
    return name;
}

}  // namespace

TestTensor zeros(const std::string& name, const std::string& dtype,
                 const std::vector<std::int64_t>& shape) {
    const auto parsed = inference::dtypeFromName(dtype);
    const std::size_t size = parsed ? inference::dtypeSize(*parsed) : 1;
    return TestTensor{name, dtype, shape,
                      std::string(static_cast<std::size_t>(elementCount(shape)) * size, '\0')};
}

std::string rawSafetensors(const std::string& headerJson, const std::string& data) {
    std::string bytes(8, '\0');
    std::uint64_t length = headerJson.size();
    for (int i = 0; i < 8; ++i) {
        bytes[i] = static_cast<char>((length >> (8 * i)) & 0xff);
    }
    return bytes + headerJson + data;
}

std::string buildSafetensors(const std::vector<TestTensor>& tensors,
                             const std::map<std::string, std::string>& metadata) {
    QJsonObject header;
    std::string data;
    for (const TestTensor& t : tensors) {
        QJsonObject entry;
        entry.insert(QStringLiteral("dtype"), QString::fromStdString(t.dtype));
        entry.insert(QStringLiteral("shape"), toJsonArray(t.shape));
        const auto begin = static_cast<std::int64_t>(data.size());
        data += t.bytes;
        entry.insert(QStringLiteral("data_offsets"),
                     toJsonArray({begin, static_cast<std::int64_t>(data.size())}));
        header.insert(QString::fromStdString(t.name), entry);
    }
    if (!metadata.empty()) {
        QJsonObject meta;
        for (const auto& [key, value] : metadata) {
            meta.insert(QString::fromStdString(key), QString::fromStdString(value));
        }
        header.insert(QStringLiteral("__metadata__"), meta);
    }
    return rawSafetensors(QJsonDocument(header).toJson(QJsonDocument::Compact).toStdString(), data);
}

bool writeBytes(const QString& path, const std::string& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) &&
           file.write(bytes.data(), static_cast<qint64>(bytes.size())) ==
               static_cast<qint64>(bytes.size());
}

QJsonObject readJsonObject(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QJsonDocument::fromJson(file.readAll()).object();
}

bool writeJsonObject(const QString& path, const QJsonObject& object) {
    return writeBytes(path, QJsonDocument(object).toJson().toStdString());
}

std::vector<TestTensor> readCheckpointTensors(const QString& directory) {
    std::vector<TestTensor> out;
    auto checkpoint = inference::Checkpoint::open(directory.toStdString());
    if (!checkpoint.ok()) {
        return out;
    }
    for (const std::string& name : checkpoint.value().names()) {
        const inference::TensorView* view = checkpoint.value().find(name);
        out.push_back(
            TestTensor{name, inference::dtypeName(view->dtype), view->shape,
                       std::string(reinterpret_cast<const char*>(view->data), view->byteSize)});
    }
    return out;
}

bool writeCheckpoint(const QString& directory, const std::vector<TestTensor>& tensors, int shards) {
    if (shards <= 1) {
        return writeBytes(directory + QStringLiteral("/model.safetensors"),
                          buildSafetensors(tensors, {{"format", "pt"}}));
    }
    std::vector<std::vector<TestTensor>> parts(static_cast<std::size_t>(shards));
    QJsonObject weightMap;
    std::int64_t total = 0;
    for (std::size_t i = 0; i < tensors.size(); ++i) {
        const int shard = static_cast<int>(i % static_cast<std::size_t>(shards));
        parts[static_cast<std::size_t>(shard)].push_back(tensors[i]);
        weightMap.insert(QString::fromStdString(tensors[i].name),
                         QString::fromStdString(shardName(shard, shards)));
        total += static_cast<std::int64_t>(tensors[i].bytes.size());
    }
    for (int s = 0; s < shards; ++s) {
        const QString path =
            directory + QLatin1Char('/') + QString::fromStdString(shardName(s, shards));
        if (!writeBytes(path, buildSafetensors(parts[static_cast<std::size_t>(s)]))) {
            return false;
        }
    }
    QJsonObject index;
    index.insert(QStringLiteral("metadata"),
                 QJsonObject{{QStringLiteral("total_size"), static_cast<double>(total)}});
    index.insert(QStringLiteral("weight_map"), weightMap);
    return writeJsonObject(directory + QStringLiteral("/model.safetensors.index.json"), index);
}

bool copyConfigFiles(const QString& from, const QString& to) {
    const QDir source(from);
    for (const QString& name : source.entryList({QStringLiteral("*.json")}, QDir::Files)) {
        if (name == QStringLiteral("model.safetensors.index.json")) {
            continue;
        }
        if (!QFile::copy(source.filePath(name), to + QLatin1Char('/') + name)) {
            return false;
        }
    }
    return true;
}

std::vector<TestTensor> renamed(const std::vector<TestTensor>& tensors,
                                const std::function<std::string(const std::string&)>& rename) {
    std::vector<TestTensor> out;
    for (TestTensor t : tensors) {
        t.name = rename(t.name);
        if (!t.name.empty()) {
            out.push_back(std::move(t));
        }
    }
    return out;
}

std::string replacePrefix(const std::string& name, const std::string& from, const std::string& to) {
    return name.rfind(from, 0) == 0 ? to + name.substr(from.size()) : name;
}

QString fixtureDir(const char* name) {
    return QStringLiteral(MEDGEMMA_TEST_FIXTURES) + QLatin1Char('/') + QLatin1String(name);
}

}  // namespace testutil
