#pragma once
// Compressed synthetic DICOM for tests: native images from synthetic_dicom encoded with DCMTK's
// own encoders (JPEG, JPEG-LS, RLE) or OpenJPEG (JPEG 2000), and re-encapsulated on demand
// into several fragments per frame with an empty, basic or extended offset table.

#include <cstdint>
#include <string>
#include <vector>

#include "synthetic_dicom.h"
#include "synthetic_j2k.h"

namespace synthetic {

enum class Codec {
    JpegBaseline,     // 1.2.840.10008.1.2.4.50
    JpegExtended,     // .51 (12 bits)
    JpegLossless,     // .57 (process 14, predictor 6)
    JpegLosslessSv1,  // .70
    JpegLsLossless,   // .80
    JpegLsNear,       // .81 (NEAR = 2)
    Rle,              // .5
    J2kLossless,      // .90
    J2kLossy,         // .91
    JpegSpectral,     // .53 (spectral selection, retired but still met)
    JpegProgressive,  // .55 (progressive, retired but still met)
};

// How DCMTK's lossy JPEG encoder treats RGB input.
enum class JpegColour { Ybr422, YbrFull, Rgb };

enum class OffsetTable { Empty, Basic, Extended };

struct CodecSpec {
    Codec codec = Codec::Rle;
    JpegColour colour = JpegColour::Ybr422;
    bool mct = true;            // JPEG 2000 colour: YBR_RCT/YBR_ICT, else RGB
    int fragmentsPerFrame = 1;  // > 1 splits every frame's codestream
    OffsetTable table = OffsetTable::Basic;
};

E_TransferSyntax transferSyntaxOf(Codec codec);
bool isLossless(Codec codec);
const char* codecName(Codec codec);

// Compresses the dataset (Image Pixel module and native Pixel Data already in place) in place.
// Returns false when the encoder refuses it.
bool compress(DcmDataset& dataset, const PixelSpec& spec, const std::vector<std::int64_t>& samples,
              const CodecSpec& codec);

// One call for the common case: identity + pixels + compression + save.
bool writeCompressed(const std::string& path, const PixelSpec& spec,
                     const std::vector<std::int64_t>& samples, const CodecSpec& codec,
                     const Identity& identity = {});

// Each frame's codestream of an encapsulated Pixel Data with one fragment per frame.
std::vector<std::vector<std::uint8_t>> frameCodestreams(DcmDataset& dataset);

// Replaces Pixel Data with `frames` encapsulated as `fragmentsPerFrame` fragments each.
void encapsulate(DcmDataset& dataset, E_TransferSyntax xfer,
                 const std::vector<std::vector<std::uint8_t>>& frames, int fragmentsPerFrame,
                 OffsetTable table);

}  // namespace synthetic
