#pragma once
// The table of compressed-image cases shared by the codec tests: every transfer syntax with the
// sample layouts its encoder accepts, small frames (a few seconds for the whole table).
// Lossless rows carry noise including the extreme values; lossy rows smooth content whose
// decoded error is bounded by the row's tolerances (measured with margin; the YBR_FULL_422 row
// is dominated by the subsampled chroma at the hard edges of its saturated colour blocks).

#include <cmath>
#include <string>
#include <vector>

#include "synthetic_codec.h"

namespace codec_cases {

struct Case {
    std::string name;
    synthetic::PixelSpec spec;
    synthetic::CodecSpec codec;
    double maxError = 0;   // per sample, in output units (modality value or RGB step)
    double meanError = 0;  // mean absolute error over the frame
};

inline synthetic::PixelSpec layout(const char* photometric, int allocated, int stored,
                                   bool isSigned, int samples = 1, int frames = 1) {
    synthetic::PixelSpec s;
    s.rows = 48;
    s.columns = 64;
    s.photometric = photometric;
    s.bitsAllocated = allocated;
    s.bitsStored = stored;
    s.highBit = stored - 1;
    s.isSigned = isSigned;
    s.samplesPerPixel = samples;
    s.frames = frames;
    return s;
}

inline synthetic::CodecSpec with(synthetic::Codec codec,
                                 synthetic::JpegColour colour = synthetic::JpegColour::Ybr422,
                                 bool mct = true) {
    synthetic::CodecSpec c;
    c.codec = codec;
    c.colour = colour;
    c.mct = mct;
    return c;
}

// Smooth content for lossy codecs: gradients and soft blobs across the stored range, different
// per channel and frame, plus saturated colour blocks in colour images.
inline std::vector<std::int64_t> smoothSamples(const synthetic::PixelSpec& s) {
    std::vector<std::int64_t> out;
    const double lo = double(s.minValue()), span = double(s.maxValue() - s.minValue());
    const int channels = s.samplesPerPixel;
    for (int f = 0; f < s.frames; ++f)
        for (int y = 0; y < s.rows; ++y)
            for (int x = 0; x < s.columns; ++x)
                for (int c = 0; c < channels; ++c) {
                    double t = 0.5 + 0.35 * std::sin(0.09 * x + 0.7 * c + f) *
                                         std::cos(0.07 * y - 0.3 * c);
                    if (channels == 3 && y < s.rows / 3 && x < s.columns / 2)
                        t = (x / 16 + c) % 3 == 0 ? 0.95 : 0.05;
                    out.push_back(std::int64_t(std::lround(lo + t * span)));
                }
    return out;
}

inline std::vector<Case> all() {
    using synthetic::Codec;
    using synthetic::JpegColour;
    const auto rgb8 = layout("RGB", 8, 8, false, 3);
    const auto ybr8 = layout("YBR_FULL", 8, 8, false, 3);
    std::vector<Case> cases = {
        {"jpeg-baseline/mono8", layout("MONOCHROME2", 8, 8, false), with(Codec::JpegBaseline), 8,
         1},
        {"jpeg-baseline/rgb-as-ybr422", rgb8, with(Codec::JpegBaseline, JpegColour::Ybr422), 96, 3},
        {"jpeg-baseline/rgb-as-ybr-full", rgb8, with(Codec::JpegBaseline, JpegColour::YbrFull), 12,
         2},
        {"jpeg-baseline/rgb-kept-rgb", rgb8, with(Codec::JpegBaseline, JpegColour::Rgb), 8, 1},
        {"jpeg-baseline/mono8-3frames", layout("MONOCHROME2", 8, 8, false, 1, 3),
         with(Codec::JpegBaseline), 8, 1},
        {"jpeg-extended/mono12", layout("MONOCHROME2", 16, 12, false), with(Codec::JpegExtended),
         32, 2},
        {"jpeg-spectral/mono8", layout("MONOCHROME2", 8, 8, false), with(Codec::JpegSpectral), 8,
         1},
        {"jpeg-spectral/mono12", layout("MONOCHROME2", 16, 12, false), with(Codec::JpegSpectral),
         32, 2},
        {"jpeg-progressive/mono8", layout("MONOCHROME2", 8, 8, false),
         with(Codec::JpegProgressive), 8, 1},
        {"jpeg-progressive/mono12", layout("MONOCHROME2", 16, 12, false),
         with(Codec::JpegProgressive), 32, 2},
        {"jpeg-progressive/rgb-as-ybr-full", rgb8,
         with(Codec::JpegProgressive, JpegColour::YbrFull), 12, 2},
        {"jpeg-lossless/mono8", layout("MONOCHROME2", 8, 8, false), with(Codec::JpegLossless)},
        {"jpeg-lossless/mono16-12bit", layout("MONOCHROME2", 16, 12, false),
         with(Codec::JpegLossless)},
        {"jpeg-lossless/mono16u", layout("MONOCHROME2", 16, 16, false), with(Codec::JpegLossless)},
        {"jpeg-lossless/mono16s", layout("MONOCHROME2", 16, 16, true), with(Codec::JpegLossless)},
        {"jpeg-lossless/rgb8", rgb8, with(Codec::JpegLossless)},
        {"jpeg-lossless/ybr-full", ybr8, with(Codec::JpegLossless)},
        {"jpeg-lossless-sv1/mono16s-12bit", layout("MONOCHROME2", 16, 12, true),
         with(Codec::JpegLosslessSv1)},
        {"jpeg-lossless-sv1/monochrome1", layout("MONOCHROME1", 16, 10, false),
         with(Codec::JpegLosslessSv1)},
        {"jpeg-lossless-sv1/rgb8-2frames", layout("RGB", 8, 8, false, 3, 2),
         with(Codec::JpegLosslessSv1)},
        {"jpegls-lossless/mono8", layout("MONOCHROME2", 8, 8, false), with(Codec::JpegLsLossless)},
        {"jpegls-lossless/mono16-12bit", layout("MONOCHROME2", 16, 12, false),
         with(Codec::JpegLsLossless)},
        {"jpegls-lossless/mono16s", layout("MONOCHROME2", 16, 16, true),
         with(Codec::JpegLsLossless)},
        {"jpegls-lossless/rgb8-2frames", layout("RGB", 8, 8, false, 3, 2),
         with(Codec::JpegLsLossless)},
        {"jpegls-near/mono8", layout("MONOCHROME2", 8, 8, false), with(Codec::JpegLsNear), 2, 2},
        {"jpegls-near/mono16-12bit", layout("MONOCHROME2", 16, 12, false), with(Codec::JpegLsNear),
         2, 2},
        {"jpegls-near/rgb8", rgb8, with(Codec::JpegLsNear), 2, 2},
        {"rle/mono8", layout("MONOCHROME2", 8, 8, false), with(Codec::Rle)},
        {"rle/mono16s", layout("MONOCHROME2", 16, 16, true), with(Codec::Rle)},
        {"rle/mono16-12bit-3frames", layout("MONOCHROME2", 16, 12, false, 1, 3), with(Codec::Rle)},
        {"rle/mono32s", layout("MONOCHROME2", 32, 32, true), with(Codec::Rle)},
        {"rle/rgb8", rgb8, with(Codec::Rle)},
        {"rle/rgb16", layout("RGB", 16, 16, false, 3), with(Codec::Rle)},
        {"rle/ybr-full", ybr8, with(Codec::Rle)},
        {"j2k-lossless/mono8", layout("MONOCHROME2", 8, 8, false), with(Codec::J2kLossless)},
        {"j2k-lossless/mono16-12bit", layout("MONOCHROME2", 16, 12, false),
         with(Codec::J2kLossless)},
        {"j2k-lossless/mono16s", layout("MONOCHROME2", 16, 16, true), with(Codec::J2kLossless)},
        {"j2k-lossless/mono16s-12bit-3frames", layout("MONOCHROME2", 16, 12, true, 1, 3),
         with(Codec::J2kLossless)},
        {"j2k-lossless/rgb-as-ybr-rct", rgb8, with(Codec::J2kLossless)},
        {"j2k-lossless/rgb-kept-rgb", rgb8, with(Codec::J2kLossless, JpegColour::Ybr422, false)},
        {"j2k-lossless/ybr-full", ybr8, with(Codec::J2kLossless, JpegColour::Ybr422, false)},
        {"j2k-lossy/mono16-12bit", layout("MONOCHROME2", 16, 12, false), with(Codec::J2kLossy), 16,
         1},
        {"j2k-lossy/rgb-as-ybr-ict", rgb8, with(Codec::J2kLossy), 16, 1},
        {"j2k-lossy/mono8", layout("MONOCHROME2", 8, 8, false), with(Codec::J2kLossy), 4, 1},
        {"j2k-lossy/mono16s", layout("MONOCHROME2", 16, 16, true), with(Codec::J2kLossy), 64, 2},
    };
    for (auto& c : cases)
        c.spec.planar = 0;
    // Colour by plane: the toolkit codecs hand frames back in the file's planar configuration.
    for (Codec codec : {Codec::JpegLossless, Codec::JpegLsLossless, Codec::Rle}) {
        Case c{std::string(synthetic::codecName(codec)) + "/rgb8-planar1", rgb8, with(codec)};
        c.spec.planar = 1;
        cases.push_back(c);
    }
    return cases;
}

}  // namespace codec_cases
