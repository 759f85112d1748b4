#include "app/core/about.h"

#include <QtGlobal>

#include "app/version.h"
#include "dicom/toolkit_info.h"
#include "inference/runtime_info.h"

namespace app {

int guiComputeThreads() {
    bool ok = false;
    const int fromEnvironment = qEnvironmentVariableIntValue("MEDGEMMA_THREADS", &ok);
    if (ok && fromEnvironment > 0) {
        return fromEnvironment;
    }
    const int cores = inference::defaultThreadCount();
    return cores <= 2 ? cores : cores - 1;
}

QString applicationVersion() { return QStringLiteral(MEDGEMMA_VERSION); }

QString versionReport() {
    return QStringLiteral(MEDGEMMA_APP_NAME " " MEDGEMMA_VERSION "\n") +
           QStringLiteral("Qt %1, libtorch %2%3\n")
               .arg(QString::fromLatin1(qVersion()),
                    QString::fromStdString(inference::libtorchVersion()),
                    inference::cudaAvailable() ? QStringLiteral(" (CUDA available)")
                                               : QStringLiteral(" (CPU)")) +
           QString::fromStdString(dicom::toolkitVersions()) + QLatin1Char('\n') +
           QStringLiteral("Research use only. Not for diagnosis.\n");
}

}  // namespace app
