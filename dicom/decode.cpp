// decodeFrame: dispatches to the DICOM or photograph decoder.
#include "dicom/loader.h"

#include "dicom/detail/dicom_decoder.h"
#include "dicom/detail/member_store.h"
#include "dicom/detail/photo_decoder.h"
#include "dicom/detail/scan_file.h"

namespace dicom {

Result<Image> decodeFrame(const InstanceInfo& instance, int frame) {
    // Archive members are read from a local copy; messages name the member, not the copy.
    const auto local = detail::localPathFor(instance.path);
    if (!local) return local.error();
    const std::string& path = local.value();
    const bool photograph = instance.kind == SourceKind::Photograph ||
                            (instance.sopClassUid.empty() && detail::isPhotographFile(path));
    auto image = photograph ? detail::decodePhotograph(path, frame) : detail::decodeDicomFrame(path, frame);
    if (!image) return detail::renamePath(image.error(), path, instance.path);
    return image;
}

}  // namespace dicom
