#pragma once
// DCMTK's decoders (JPEG, JPEG-LS, RLE) live in a process-wide codec list. dicom/ registers
// them once, on first use, with colour conversion left to the workstation: the JPEG decoder
// returns the codestream's components (YCbCr stays YCbCr) so that colour_frame converts every
// YBR image with the same PS3.3 formula. They are never deregistered: other threads may be
// decoding until the process ends.
// Thread-safety: safe to call from any thread, any number of times.

namespace dicom::detail {

void registerToolkitDecoders();

}  // namespace dicom::detail
