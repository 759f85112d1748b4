#pragma once
// Where the application finds its installed data, in the build tree or after installation.
// Thread-safety: safe from any thread after QCoreApplication exists.

#include <QString>

namespace app {

// The bundled synthetic sample study: $MEDGEMMA_SAMPLE_DIR, else share/medgemma-workstation/
// sample-study next to the executable's prefix, else the build tree. Empty when none exists.
QString sampleStudyPath();

}  // namespace app
