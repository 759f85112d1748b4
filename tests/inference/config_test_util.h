#pragma once
// Test helper for config.json variants: JSON edits by path, file reading, and a field-by-field
// comparison of resolved ModelConfigs.

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include "inference/config.h"

namespace testutil {

// Sets root[a][b]... = value (parsed from JSON text); "<delete>" removes the key.
void setJsonPath(QJsonObject& root, const QString& slashPath, const QByteArray& jsonValue);

QByteArray readFileBytes(const QString& path);
std::string toJsonText(const QJsonObject& object);

// config.json of a fixture directory, and a config parsed from JSON (default-constructed, with
// a warning, when it does not parse).
QJsonObject fixtureConfigJson(const char* fixture);
inference::ModelConfig configFrom(const QJsonObject& object);

// Returns "" when equal, else the first field that differs.
QString firstDifference(const inference::ModelConfig& a, const inference::ModelConfig& b);

}  // namespace testutil
