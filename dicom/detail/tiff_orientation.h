#pragma once
// OpenCV's TIFF decoder applies some TIFF Orientation values itself, whatever
// IMREAD_IGNORE_ORIENTATION says, and which ones depends on the OpenCV version and the bit
// depth. Rather than trust one version's behaviour, the decoder is measured once per process
// on tiny probe TIFFs (every orientation, 8 and 16 bits), and the orientation still missing is
// applied on top.
// Thread-safety: safe from any thread (the measurement runs once, under std::call_once).

namespace dicom::detail {

// The orientation (1..8, EXIF meaning) to apply to what OpenCV decoded from a TIFF page whose
// Orientation tag is `orientation`, for OpenCV depth `depth` (CV_8U or CV_16U).
int residualTiffOrientation(int orientation, int depth);

}  // namespace dicom::detail
