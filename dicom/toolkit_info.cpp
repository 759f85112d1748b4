#include "dicom/toolkit_info.h"

#include <dcmtk/dcmdata/dcuid.h>
#include <opencv2/core/version.hpp>
#include <openjpeg.h>

namespace dicom {

std::string toolkitVersions() {
    return std::string("DCMTK ") + OFFIS_DCMTK_VERSION_STRING + ", OpenCV " + CV_VERSION +
           ", OpenJPEG " + opj_version();
}

}  // namespace dicom
