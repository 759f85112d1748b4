#include "tokenizer_test_support.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <memory>

namespace tokenizertest {

QString tokenizerJsonPath() {
    return QStringLiteral(MEDGEMMA_TOKENIZER_DIR "/tokenizer.json");
}

QString tokenizerConfigPath() {
    return QStringLiteral(MEDGEMMA_TOKENIZER_DIR "/tokenizer_config.json");
}

const inference::Tokenizer* realTokenizer() {
    static const std::unique_ptr<inference::Tokenizer> tokenizer = [] {
        auto loaded = inference::Tokenizer::load(utf8(tokenizerJsonPath()));
        if (!loaded.ok()) {
            qWarning("cannot load the Gemma 3 tokenizer: %s", loaded.error().message.c_str());
            return std::unique_ptr<inference::Tokenizer>();
        }
        return std::make_unique<inference::Tokenizer>(std::move(loaded).value());
    }();
    return tokenizer.get();
}

QString fixturePathFromEnv(const char* variable) {
    const QString path = qEnvironmentVariable(variable);
    return !path.isEmpty() && QFile::exists(path) ? path : QString();
}

QList<QJsonObject> readJsonl(const QString& path) {
    QList<QJsonObject> rows;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return rows;
    }
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (!line.trimmed().isEmpty()) {
            rows.append(QJsonDocument::fromJson(line).object());
        }
    }
    return rows;
}

std::vector<std::int32_t> idsFromJson(const QJsonObject& row, const QString& key) {
    std::vector<std::int32_t> ids;
    for (const QJsonValue& v : row.value(key).toArray()) {
        ids.push_back(static_cast<std::int32_t>(v.toInteger()));
    }
    return ids;
}

QString idsToString(const std::vector<std::int32_t>& ids) {
    QStringList parts;
    for (const std::int32_t id : ids) {
        parts.append(QString::number(id));
    }
    return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
}

}  // namespace tokenizertest
