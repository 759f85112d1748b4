#pragma once
// OpenJPEG objects with owners: a codec that records its error messages instead of printing
// them, and an input stream over bytes in memory.
// Thread-safety: each object belongs to one thread at a time; the bytes must outlive the stream.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include <openjpeg.h>

namespace dicom::detail {

struct J2kCodecDeleter {
    void operator()(opj_codec_t* codec) const { opj_destroy_codec(codec); }
};
struct J2kStreamDeleter {
    void operator()(opj_stream_t* stream) const { opj_stream_destroy(stream); }
};
struct J2kImageDeleter {
    void operator()(opj_image_t* image) const { opj_image_destroy(image); }
};
using J2kImagePtr = std::unique_ptr<opj_image_t, J2kImageDeleter>;

// A decompressor for `format` whose messages end up in lastError() rather than on a console.
class J2kDecoder {
public:
    explicit J2kDecoder(OPJ_CODEC_FORMAT format);
    opj_codec_t* get() const { return m_codec.get(); }
    bool valid() const { return m_codec != nullptr; }
    const std::string& lastError() const { return *m_error; }

private:
    std::unique_ptr<std::string> m_error = std::make_unique<std::string>();  // stable address
    std::unique_ptr<opj_codec_t, J2kCodecDeleter> m_codec;
};

// A read-only OpenJPEG stream over `size` bytes at `data`.
class J2kMemoryStream {
public:
    J2kMemoryStream(const std::uint8_t* data, std::size_t size);
    opj_stream_t* get() const { return m_stream.get(); }

    struct Source {
        const std::uint8_t* data = nullptr;
        std::size_t size = 0;
        std::size_t position = 0;
    };

private:
    std::unique_ptr<Source> m_source;  // stable address for the callbacks
    std::unique_ptr<opj_stream_t, J2kStreamDeleter> m_stream;
};

}  // namespace dicom::detail
