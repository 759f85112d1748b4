// decodeFrame: dispatches to the DICOM or photograph decoder.
#include "dicom/loader.h"

#include "dicom/detail/dicom_decoder.h"
#include "dicom/detail/photo_decoder.h"
#include "dicom/detail/scan_file.h"

namespace dicom {

Result<Image> decodeFrame(const InstanceInfo& instance, int frame) {
    const bool photograph = instance.kind == SourceKind::Photograph ||
                            (instance.sopClassUid.empty() && detail::isPhotographFile(instance.path));
    if (!photograph) return detail::decodeDicomFrame(instance.path, frame);
    if (frame != 0)
        return Error{ErrorCode::FrameOutOfRange, instance.path + ": a photograph has a single frame"};
    return detail::decodePhotograph(instance.path);
}

}  // namespace dicom
