#include "config_test_util.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

namespace testutil {

namespace {

QJsonObject withPath(QJsonObject object, QStringList path, const QJsonValue& value, bool remove) {
    const QString key = path.takeFirst();
    if (path.isEmpty()) {
        if (remove) {
            object.remove(key);
        } else {
            object.insert(key, value);
        }
        return object;
    }
    object.insert(key, withPath(object.value(key).toObject(), path, value, remove));
    return object;
}

#define MG_COMPARE_FIELD(field)        \
    if (!(a.field == b.field)) {       \
        return QStringLiteral(#field); \
    }

QString textDifference(const inference::TextConfig& a, const inference::TextConfig& b) {
    MG_COMPARE_FIELD(hiddenSize)
    MG_COMPARE_FIELD(intermediateSize)
    MG_COMPARE_FIELD(numLayers)
    MG_COMPARE_FIELD(numHeads)
    MG_COMPARE_FIELD(numKvHeads)
    MG_COMPARE_FIELD(headDim)
    MG_COMPARE_FIELD(vocabSize)
    MG_COMPARE_FIELD(maxPositionEmbeddings)
    MG_COMPARE_FIELD(slidingWindow)
    MG_COMPARE_FIELD(queryPreAttnScalar)
    MG_COMPARE_FIELD(rmsNormEps)
    MG_COMPARE_FIELD(attnLogitSoftcapping)
    MG_COMPARE_FIELD(finalLogitSoftcapping)
    MG_COMPARE_FIELD(layerTypes)
    MG_COMPARE_FIELD(ropeGlobal.theta)
    MG_COMPARE_FIELD(ropeGlobal.linearFactor)
    MG_COMPARE_FIELD(ropeLocal.theta)
    MG_COMPARE_FIELD(ropeLocal.linearFactor)
    MG_COMPARE_FIELD(hiddenActivation)
    MG_COMPARE_FIELD(tieWordEmbeddings)
    return {};
}

QString visionDifference(const inference::VisionConfig& a, const inference::VisionConfig& b) {
    MG_COMPARE_FIELD(hiddenSize)
    MG_COMPARE_FIELD(intermediateSize)
    MG_COMPARE_FIELD(numLayers)
    MG_COMPARE_FIELD(numHeads)
    MG_COMPARE_FIELD(imageSize)
    MG_COMPARE_FIELD(patchSize)
    MG_COMPARE_FIELD(numChannels)
    MG_COMPARE_FIELD(layerNormEps)
    MG_COMPARE_FIELD(hiddenActivation)
    return {};
}

}  // namespace

void setJsonPath(QJsonObject& root, const QString& slashPath, const QByteArray& jsonValue) {
    const bool remove = jsonValue == "<delete>";
    const QJsonValue value =
        remove ? QJsonValue() : QJsonDocument::fromJson("[" + jsonValue + "]").array().at(0);
    root = withPath(root, slashPath.split(QLatin1Char('/')), value, remove);
}

QByteArray readFileBytes(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

std::string toJsonText(const QJsonObject& object) {
    return QJsonDocument(object).toJson().toStdString();
}

QJsonObject fixtureConfigJson(const char* fixture) {
    QFile file(QStringLiteral(MEDGEMMA_TEST_FIXTURES) + QLatin1Char('/') + QLatin1String(fixture) +
               QStringLiteral("/config.json"));
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object()
                                          : QJsonObject();
}

inference::ModelConfig configFrom(const QJsonObject& object) {
    auto config = inference::parseModelConfig(toJsonText(object), "config.json");
    if (!config.ok()) {
        qWarning("%s", config.error().message.c_str());
        return {};
    }
    return config.value();
}

QString firstDifference(const inference::ModelConfig& a, const inference::ModelConfig& b) {
    MG_COMPARE_FIELD(architecture)
    MG_COMPARE_FIELD(mmTokensPerImage)
    MG_COMPARE_FIELD(boiTokenId)
    MG_COMPARE_FIELD(eoiTokenId)
    MG_COMPARE_FIELD(imageTokenId)
    MG_COMPARE_FIELD(eosTokenIds)
    MG_COMPARE_FIELD(torchDtype)
    MG_COMPARE_FIELD(hasVision())
    const QString text = textDifference(a.text, b.text);
    if (!text.isEmpty()) {
        return QStringLiteral("text.") + text;
    }
    if (a.vision && b.vision) {
        const QString vision = visionDifference(*a.vision, *b.vision);
        return vision.isEmpty() ? QString() : QStringLiteral("vision.") + vision;
    }
    return {};
}

#undef MG_COMPARE_FIELD

}  // namespace testutil
