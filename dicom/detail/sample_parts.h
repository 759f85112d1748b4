#pragma once
// The three parts of the sample study, each written into its own sub-folder.
// Thread-safety: re-entrant; each call writes only its own files.

#include <string>

#include "dicom/result.h"

namespace dicom::detail {

Status writeSampleCt(const std::string& folder);          // CT001.dcm .. CT012.dcm
Status writeSampleRadiograph(const std::string& folder);  // DX001.dcm
Status writeSamplePhotograph(const std::string& folder);  // skin-lesion-ruler.png

}  // namespace dicom::detail
