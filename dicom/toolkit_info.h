#pragma once
// Versions of the imaging toolkits behind dicom/, for --version and About.
// Thread-safety: safe from any thread.

#include <string>

namespace dicom {

std::string toolkitVersions();  // e.g. "DCMTK 3.6.7, OpenCV 4.6.0, OpenJPEG 2.5.0"

}  // namespace dicom
