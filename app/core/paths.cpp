#include "app/core/paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include "app/version.h"

namespace app {

QString sampleStudyPath() {
    QStringList candidates;
    const QString fromEnvironment = qEnvironmentVariable("MEDGEMMA_SAMPLE_DIR");
    if (!fromEnvironment.isEmpty()) {
        candidates << fromEnvironment;
    }
    const QString exeDir = QCoreApplication::applicationDirPath();
    candidates << QDir(exeDir).filePath(QStringLiteral("../share/medgemma-workstation/sample-study"))
               << QStringLiteral(MEDGEMMA_BUILD_SAMPLE_DIR)
               << QStringLiteral(MEDGEMMA_INSTALL_DATADIR "/sample-study");
    for (const QString& candidate : candidates) {
        if (QFileInfo(candidate).isDir()) {
            return QDir::cleanPath(QFileInfo(candidate).absoluteFilePath());
        }
    }
    return {};
}

}  // namespace app
