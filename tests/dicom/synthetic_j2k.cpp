#include "synthetic_j2k.h"

#include <algorithm>
#include <cstring>
#include <memory>

#include <openjpeg.h>

namespace synthetic {
namespace {

struct Sink {
    std::vector<std::uint8_t> bytes;
    std::size_t position = 0;
};

OPJ_SIZE_T writeBytes(void* data, OPJ_SIZE_T count, void* user) {
    auto* sink = static_cast<Sink*>(user);
    if (sink->bytes.size() < sink->position + count)
        sink->bytes.resize(sink->position + count);
    std::memcpy(sink->bytes.data() + sink->position, data, count);
    sink->position += count;
    return count;
}

OPJ_OFF_T skipBytes(OPJ_OFF_T count, void* user) {
    auto* sink = static_cast<Sink*>(user);
    sink->position += std::size_t(count);
    if (sink->bytes.size() < sink->position)
        sink->bytes.resize(sink->position);
    return count;
}

OPJ_BOOL seekTo(OPJ_OFF_T position, void* user) {
    static_cast<Sink*>(user)->position = std::size_t(position);
    return OPJ_TRUE;
}

opj_image_t* makeImage(const PixelSpec& spec, const std::int64_t* samples) {
    const int n = spec.samplesPerPixel;
    std::vector<opj_image_cmptparm_t> parameters(static_cast<std::size_t>(n));
    for (auto& p : parameters) {
        std::memset(&p, 0, sizeof p);
        p.dx = p.dy = 1;
        p.w = OPJ_UINT32(spec.columns);
        p.h = OPJ_UINT32(spec.rows);
        p.prec = OPJ_UINT32(spec.bitsStored);
        p.sgnd = spec.isSigned ? 1 : 0;
    }
    opj_image_t* image = opj_image_create(OPJ_UINT32(n), parameters.data(),
                                          n == 3 ? OPJ_CLRSPC_SRGB : OPJ_CLRSPC_GRAY);
    if (!image)
        return nullptr;
    image->x1 = OPJ_UINT32(spec.columns);
    image->y1 = OPJ_UINT32(spec.rows);
    const std::size_t pixels = std::size_t(spec.rows) * std::size_t(spec.columns);
    for (int c = 0; c < n; ++c)
        for (std::size_t p = 0; p < pixels; ++p)
            image->comps[c].data[p] = OPJ_INT32(samples[p * std::size_t(n) + std::size_t(c)]);
    return image;
}

void configure(opj_cparameters_t& p, const PixelSpec& spec, const J2kOptions& o) {
    opj_set_default_encoder_parameters(&p);
    p.tcp_numlayers = 1;
    p.cp_disto_alloc = 1;
    p.tcp_rates[0] = o.lossless ? 0.0f : o.ratio;
    p.irreversible = o.lossless ? 0 : 1;
    p.tcp_mct = char(o.mct ? 1 : 0);
    int levels = 1;  // resolutions must fit the smaller side
    while (levels < 6 && (1 << levels) <= std::min(spec.rows, spec.columns))
        ++levels;
    p.numresolution = levels;
}

}  // namespace

std::vector<std::uint8_t> encodeJ2k(const PixelSpec& spec, const std::int64_t* samples,
                                    const J2kOptions& options) {
    std::unique_ptr<opj_image_t, decltype(&opj_image_destroy)> image(makeImage(spec, samples),
                                                                     opj_image_destroy);
    std::unique_ptr<opj_codec_t, decltype(&opj_destroy_codec)> codec(
        opj_create_compress(options.jp2 ? OPJ_CODEC_JP2 : OPJ_CODEC_J2K), opj_destroy_codec);
    if (!image || !codec)
        return {};
    opj_cparameters_t parameters;
    configure(parameters, spec, options);
    if (!opj_setup_encoder(codec.get(), &parameters, image.get()))
        return {};
    Sink sink;
    std::unique_ptr<opj_stream_t, decltype(&opj_stream_destroy)> stream(
        opj_stream_create(1 << 16, OPJ_FALSE), opj_stream_destroy);
    opj_stream_set_user_data(stream.get(), &sink, nullptr);
    opj_stream_set_write_function(stream.get(), writeBytes);
    opj_stream_set_skip_function(stream.get(), skipBytes);
    opj_stream_set_seek_function(stream.get(), seekTo);
    if (!opj_start_compress(codec.get(), image.get(), stream.get()) ||
        !opj_encode(codec.get(), stream.get()) || !opj_end_compress(codec.get(), stream.get()))
        return {};
    return sink.bytes;
}

}  // namespace synthetic
