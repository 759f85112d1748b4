#include "dicom/detail/j2k_stream.h"

#include <algorithm>
#include <cstring>

namespace dicom::detail {
namespace {

using Source = J2kMemoryStream::Source;

OPJ_SIZE_T readBytes(void* buffer, OPJ_SIZE_T count, void* user) {
    auto* s = static_cast<Source*>(user);
    if (s->position >= s->size)
        return OPJ_SIZE_T(-1);  // OpenJPEG's end of stream
    const std::size_t n = std::min<std::size_t>(count, s->size - s->position);
    std::memcpy(buffer, s->data + s->position, n);
    s->position += n;
    return n;
}

// Past the end: stop there and answer -1, as OpenJPEG's own file stream does at end of file.
OPJ_OFF_T skipBytes(OPJ_OFF_T count, void* user) {
    auto* s = static_cast<Source*>(user);
    if (count < 0 || std::uint64_t(count) > s->size - s->position) {
        s->position = s->size;
        return -1;
    }
    s->position += std::size_t(count);
    return count;
}

OPJ_BOOL seekTo(OPJ_OFF_T position, void* user) {
    auto* s = static_cast<Source*>(user);
    if (position < 0 || std::uint64_t(position) > s->size)
        return OPJ_FALSE;
    s->position = std::size_t(position);
    return OPJ_TRUE;
}

void keepError(const char* message, void* user) {
    auto* error = static_cast<std::string*>(user);
    *error = message ? message : "";
    while (!error->empty() && (error->back() == '\n' || error->back() == ' '))
        error->pop_back();
}

void ignore(const char*, void*) {}

}  // namespace

J2kDecoder::J2kDecoder(OPJ_CODEC_FORMAT format) : m_codec(opj_create_decompress(format)) {
    if (!m_codec)
        return;
    opj_set_error_handler(m_codec.get(), keepError, m_error.get());
    opj_set_warning_handler(m_codec.get(), ignore, nullptr);
    opj_set_info_handler(m_codec.get(), ignore, nullptr);
}

J2kMemoryStream::J2kMemoryStream(const std::uint8_t* data, std::size_t size)
    : m_source(std::make_unique<Source>(Source{data, size, 0})),
      m_stream(opj_stream_create(64 * 1024, OPJ_TRUE)) {
    if (!m_stream)
        return;
    opj_stream_set_user_data(m_stream.get(), m_source.get(), nullptr);
    opj_stream_set_user_data_length(m_stream.get(), size);
    opj_stream_set_read_function(m_stream.get(), readBytes);
    opj_stream_set_skip_function(m_stream.get(), skipBytes);
    opj_stream_set_seek_function(m_stream.get(), seekTo);
}

}  // namespace dicom::detail
