#pragma once
// Synthetic DICOM for tests, built with DCMTK's own encoders: known sample values packed into
// native Pixel Data exactly as PS3.5 lays them out, saved in any native transfer syntax.
// No patient data: every name is obviously synthetic.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcxfer.h>

namespace synthetic {

struct PixelSpec {
    int rows = 3;
    int columns = 5;
    int frames = 1;
    int samplesPerPixel = 1;
    int bitsAllocated = 16;
    int bitsStored = 16;
    int highBit = 15;
    bool isSigned = false;
    int planar = 0;
    std::string photometric = "MONOCHROME2";

    std::size_t samplesPerFrame() const;  // YBR_FULL_422 keeps two samples per pixel
    std::int64_t minValue() const;
    std::int64_t maxValue() const;
};

// Deterministic sample values within the Bits Stored range, always including the extremes
// (and 0 and -1 for signed data), in Pixel Data stream order for every frame.
std::vector<std::int64_t> patternSamples(const PixelSpec& spec, std::uint32_t seed = 1);

// Packs samples into the little-endian Pixel Data byte stream. With `fillUnusedBits`, every
// bit of a cell outside Bits Stored is set, as overlays or sloppy writers leave them.
std::vector<std::uint8_t> packSamples(const PixelSpec& spec, const std::vector<std::int64_t>& samples,
                                      bool fillUnusedBits = true);

// UIDs under the workstation's UUID-derived test root.
std::string uid(const std::string& suffix);

struct Identity {
    std::string patientName = "SYNTHETIC^TEST";
    std::string patientId = "SYN-0001";
    std::string studyUid = uid("1");
    std::string seriesUid = uid("1.1");
    std::string sopUid = uid("1.1.1");
    std::string modality = "OT";
    int instanceNumber = 1;
    std::optional<std::array<double, 3>> position;
    std::optional<std::array<double, 6>> orientation;
};

void putIdentity(DcmDataset& ds, const Identity& identity);

// The Image Pixel module and Pixel Data (OB up to 8 bits allocated, else OW).
void putPixels(DcmDataset& ds, const PixelSpec& spec, const std::vector<std::uint8_t>& stream);

// Saves with a meta header (or as a bare dataset when `withMeta` is false).
bool save(DcmFileFormat& file, const std::string& path, E_TransferSyntax xfer, bool withMeta = true);

// One call for the common case: identity + pixels + save. Returns false on failure.
bool writeImage(const std::string& path, const PixelSpec& spec, const std::vector<std::int64_t>& samples,
                E_TransferSyntax xfer, const Identity& identity = {});

}  // namespace synthetic
