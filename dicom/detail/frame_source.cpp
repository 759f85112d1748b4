#include "dicom/detail/frame_source.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include "dicom/detail/encapsulated_frame.h"
#include "dicom/detail/native_frame.h"

namespace dicom::detail {
namespace {

// YBR_ICT and YBR_RCT name a JPEG 2000 transform; over native samples they mean nothing.
Status checkNativePhotometric(const PixelLayout& l) {
    if (l.photometric == Photometric::YbrIct || l.photometric == Photometric::YbrRct)
        return Error{ErrorCode::UnsupportedPixels,
                     l.photometricText + " is defined only for JPEG 2000 compressed images"};
    return {};
}

}  // namespace

Result<FrameCells> readFrameCells(DcmDataset& ds, int frame) {
    DcmElement* pixels = nullptr;
    if (ds.findAndGetElement(DCM_PixelData, pixels).bad() || !pixels)
        return Error{ErrorCode::NoPixelData, "the file contains no image (pixel data missing)"};
    const DcmXfer xfer(ds.getOriginalXfer());
    auto layout = readPixelLayout(ds, xfer.isEncapsulated());
    if (!layout)
        return layout.error();
    const PixelLayout& l = layout.value();
    if (frame < 0 || frame >= l.frames)
        return Error{ErrorCode::FrameOutOfRange, "frame " + std::to_string(frame + 1) +
                                                     " requested of " + std::to_string(l.frames)};
    if (xfer.isEncapsulated())
        return decodeEncapsulatedFrame(ds, *pixels, l, xfer.getXferID(), frame);
    if (Status s = checkNativePhotometric(l); !s)
        return s.error();
    return readNativeFrame(*pixels, l, frame);
}

}  // namespace dicom::detail
