#pragma once
// A look at the header of a JPEG (ISO 10918) codestream without decoding it: sample precision,
// size, component count, whether the process is lossless, and the colour-space hints of the JFIF
// and Adobe application segments. The decoder needs these because DCMTK writes 8-bit JPEG output as
// bytes even into 16-bit cells, and because some writers label YCbCr streams "RGB". Thread-safety:
// pure functions.

#include <cstddef>
#include <cstdint>
#include <optional>

namespace dicom::detail {

struct JpegHeader {
    int precision = 0;  // bits per sample (2..16)
    int width = 0;      // samples per line
    int height = 0;     // lines; 0 when a DNL marker gives it later
    int components = 0;
    bool lossless = false;    // SOF3, SOF7, SOF11, SOF15
    bool jfif = false;        // an APP0 "JFIF" segment: the components are YCbCr (or grey)
    int adobeTransform = -1;  // APP14 "Adobe" transform flag: 0 RGB, 1 YCbCr; -1 without one
};

// Reads markers up to the first frame header; nothing when `bytes` is not a JPEG codestream
// or ends before one.
std::optional<JpegHeader> readJpegHeader(const std::uint8_t* bytes, std::size_t size);

// Whether the codestream's own markers say its three components are YCbCr.
bool jpegSaysYcbcr(const JpegHeader& header);

}  // namespace dicom::detail
