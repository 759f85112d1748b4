#pragma once
// Test helper: a model directory made of a fixture checkpoint plus the real Gemma 3 tokenizer
// files, assembled with symbolic links in a temporary directory.

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

namespace testutil {

inline bool linkModelDirectory(const QTemporaryDir& dir, const QString& fixture = QStringLiteral("tiny-medgemma")) {
    const QDir source(QStringLiteral(MEDGEMMA_TEST_FIXTURES "/") + fixture);
    for (const QString& name : source.entryList(QDir::Files)) {
        if (!QFile::link(source.filePath(name), dir.filePath(name))) {
            return false;
        }
    }
    const QDir tokenizer(QStringLiteral(MEDGEMMA_TOKENIZER_DIR));
    return QFile::link(tokenizer.filePath(QStringLiteral("tokenizer.json")),
                       dir.filePath(QStringLiteral("tokenizer.json"))) &&
           QFile::link(tokenizer.filePath(QStringLiteral("tokenizer_config.json")),
                       dir.filePath(QStringLiteral("tokenizer_config.json")));
}

}  // namespace testutil
