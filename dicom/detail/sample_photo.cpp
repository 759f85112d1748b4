// The photograph of the sample study, written as PNG (deterministic, lossless).
#include "dicom/detail/sample_parts.h"
#include "dicom/detail/sample_phantoms.h"
#include "dicom/image_io.h"
#include "dicom/sample_study.h"

namespace dicom::detail {

Status writeSamplePhotograph(const std::string& folder) {
    const Image8 photo = skinLesionPhotograph(sample::kPhotoWidth, sample::kPhotoHeight, sample::kPhotoPixelsPerMm);
    return writePng(photo, folder + "/skin-lesion-ruler.png");
}

}  // namespace dicom::detail
