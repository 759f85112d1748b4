#include "forward_test_support.h"

#include <mutex>
#include <stdexcept>

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "inference/model_files.h"
#include "inference/safetensors.h"

namespace fwdtest {
namespace {

std::vector<std::int64_t> idList(const QJsonArray& array) {
    std::vector<std::int64_t> ids;
    for (const QJsonValue& v : array) {
        ids.push_back(static_cast<std::int64_t>(v.toDouble()));
    }
    return ids;
}

QJsonObject readJson(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        throw std::runtime_error("cannot read " + path.toStdString());
    }
    return QJsonDocument::fromJson(file.readAll()).object();
}

std::shared_ptr<const inference::Model> loadModel(const QString& checkpoint,
                                                  inference::ComputeType type) {
    auto directory = inference::openModelDirectory(checkpointDir(checkpoint).toStdString());
    if (!directory) {
        throw std::runtime_error(directory.error().message);
    }
    auto loaded = inference::Model::load(directory->configs.model, directory->weights, type);
    if (!loaded) {
        throw std::runtime_error(loaded.error().message);
    }
    return loaded.value();
}

}  // namespace

const std::vector<QString>& checkpointNames() {
    static const std::vector<QString> names{QStringLiteral("tiny-medgemma"),
                                            QStringLiteral("tiny-medgemma-b")};
    return names;
}

QString checkpointDir(const QString& checkpoint) {
    return QStringLiteral(MEDGEMMA_TEST_FIXTURES "/") + checkpoint;
}

QString goldenDir(const QString& checkpoint) {
    return checkpointDir(checkpoint) + QStringLiteral("-golden");
}

std::shared_ptr<const inference::Model> model(const QString& checkpoint,
                                              inference::ComputeType type) {
    static std::mutex mutex;
    static std::map<std::pair<QString, int>, std::shared_ptr<const inference::Model>> cache;
    const std::lock_guard<std::mutex> lock(mutex);
    auto& slot = cache[{checkpoint, static_cast<int>(type)}];
    if (!slot) {
        slot = loadModel(checkpoint, type);
    }
    return slot;
}

std::shared_ptr<const inference::Model> quantizedModel(
    const std::string& directory, const inference::QuantizationSettings& settings) {
    auto dir = inference::openModelDirectory(directory);
    if (!dir) {
        qFatal("%s", dir.error().message.c_str());
    }
    auto loaded = inference::Model::load(dir->configs.model, dir->weights,
                                         inference::ComputeType::BFloat16, settings);
    if (!loaded) {
        qFatal("%s", loaded.error().message.c_str());
    }
    return loaded.value();
}

inference::PreprocessorConfig preprocessorConfig(const QString& checkpoint) {
    auto files = inference::resolveModelFiles(checkpointDir(checkpoint).toStdString());
    auto configs = inference::loadModelConfigs(files.value());
    if (!configs) {
        throw std::runtime_error(configs.error().message);
    }
    return configs->preprocessor;
}

std::vector<GoldenCase> goldenCases(const QString& checkpoint) {
    const QJsonObject golden = readJson(goldenDir(checkpoint) + QStringLiteral("/golden.json"));
    std::vector<GoldenCase> cases;
    for (const QJsonValue& value : golden.value(QStringLiteral("cases")).toArray()) {
        const QJsonObject object = value.toObject();
        GoldenCase c;
        c.name = object.value(QStringLiteral("name")).toString();
        c.ids = idList(object.value(QStringLiteral("input_ids")).toArray());
        for (const QJsonValue& image : object.value(QStringLiteral("images")).toArray()) {
            c.images << image.toObject().value(QStringLiteral("png")).toString();
        }
        const QJsonObject greedy = object.value(QStringLiteral("greedy")).toObject();
        c.greedy = idList(greedy.value(QStringLiteral("tokens")).toArray());
        c.minMargin = greedy.value(QStringLiteral("min_margin")).toDouble();
        c.top20 = idList(object.value(QStringLiteral("last_position_top20"))
                             .toObject()
                             .value(QStringLiteral("ids"))
                             .toArray());
        cases.push_back(c);
    }
    return cases;
}

GoldenCase goldenCase(const QString& checkpoint, const QString& caseName) {
    for (const GoldenCase& c : goldenCases(checkpoint)) {
        if (c.name == caseName) {
            return c;
        }
    }
    throw std::runtime_error("no golden case " + caseName.toStdString());
}

std::map<std::string, at::Tensor> goldenTensors(const QString& checkpoint,
                                                const QString& caseName) {
    const QString path = goldenDir(checkpoint) + QLatin1Char('/') + caseName +
                         QStringLiteral("_tensors.safetensors");
    auto file = inference::SafetensorsFile::open(path.toStdString());
    if (!file) {
        throw std::runtime_error(file.error().message);
    }
    std::map<std::string, at::Tensor> tensors;
    for (const auto& [name, view] : file.value()->tensors()) {
        if (view.dtype != inference::DType::F32) {
            throw std::runtime_error("golden tensor " + name + " is not F32");
        }
        void* data = const_cast<std::uint8_t*>(view.data);
        tensors[name] = at::from_blob(data, view.shape, at::kFloat).clone();
    }
    return tensors;
}

inference::Image8View DecodedImage::view() const {
    return {rgb.data(), width, height, 3, static_cast<std::size_t>(width) * 3};
}

DecodedImage decodePng(const QString& path) {
    QImage image(path);
    if (image.isNull()) {
        throw std::runtime_error("cannot decode " + path.toStdString());
    }
    image = image.convertToFormat(QImage::Format_RGB888);
    DecodedImage decoded;
    decoded.width = image.width();
    decoded.height = image.height();
    const std::size_t rowBytes = static_cast<std::size_t>(decoded.width) * 3;
    decoded.rgb.resize(rowBytes * decoded.height);
    for (int y = 0; y < decoded.height; ++y) {
        std::copy_n(image.constScanLine(y), rowBytes, &decoded.rgb[rowBytes * y]);
    }
    return decoded;
}

at::Tensor stackPixels(const std::vector<inference::PixelValues>& images) {
    std::vector<at::Tensor> tensors;
    for (const inference::PixelValues& image : images) {
        tensors.push_back(at::from_blob(const_cast<float*>(image.chw.data()),
                                        {3, image.height, image.width}, at::kFloat)
                              .clone());
    }
    return at::stack(tensors);
}

inference::PromptInput promptWithOwnPixels(const QString& checkpoint, const GoldenCase& c) {
    inference::PromptInput prompt;
    prompt.ids = c.ids;
    if (c.images.isEmpty()) {
        return prompt;
    }
    const inference::PreprocessorConfig config = preprocessorConfig(checkpoint);
    std::vector<inference::PixelValues> images;
    for (const QString& png : c.images) {
        const DecodedImage decoded = decodePng(goldenDir(checkpoint) + QLatin1Char('/') + png);
        images.push_back(inference::preprocessImage(decoded.view(), config).value());
    }
    prompt.pixelValues = stackPixels(images);
    return prompt;
}

double maxAbsDiff(const at::Tensor& a, const at::Tensor& b) {
    return (a.to(at::kDouble) - b.to(at::kDouble)).abs().max().item<double>();
}

}  // namespace fwdtest
