#pragma once
// Version and build facts shown by --version and Help > About.
// Thread-safety: safe from any thread.

#include <QString>

namespace app {

QString applicationVersion();  // e.g. "0.1.0"
QString versionReport();       // multi-line: app, Qt, libtorch, DCMTK/OpenCV/OpenJPEG versions

// Compute threads for drafting in the GUI: every core on machines of two cores or fewer, all
// but one above that so the interface stays responsive. $MEDGEMMA_THREADS overrides.
int guiComputeThreads();

}  // namespace app
