#include "photo_files.h"

#include <fstream>

#include <lcms2.h>
#include <opencv2/imgcodecs.hpp>

#include <QByteArray>

namespace photofiles {
namespace {

void put16(Bytes& b, unsigned v) {
    b.push_back(std::uint8_t(v));
    b.push_back(std::uint8_t(v >> 8));
}
void put32(Bytes& b, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) b.push_back(std::uint8_t(v >> (8 * i)));
}
void put32be(Bytes& b, std::uint32_t v) {
    for (int i = 3; i >= 0; --i) b.push_back(std::uint8_t(v >> (8 * i)));
}
void append(Bytes& b, const Bytes& more) { b.insert(b.end(), more.begin(), more.end()); }
void append(Bytes& b, const char* text, std::size_t n) { b.insert(b.end(), text, text + n); }

std::uint32_t crc32(const std::uint8_t* data, std::size_t n) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (std::size_t i = 0; i < n; ++i) {
        crc ^= data[i];
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

Bytes pngChunk(const char* type, const Bytes& data) {
    Bytes body(type, type + 4);
    append(body, data);
    Bytes chunk;
    put32be(chunk, std::uint32_t(data.size()));
    append(chunk, body);
    put32be(chunk, crc32(body.data(), body.size()));
    return chunk;
}

Bytes encode(const char* ext, const cv::Mat& bgr, const std::vector<int>& params = {}) {
    Bytes out;
    cv::imencode(ext, bgr, out, params);
    return out;
}

struct Entry {
    unsigned tag, type;
    std::uint32_t count, value;
};

void putOffset(Bytes& b, std::uint64_t v, bool big) {
    put32(b, std::uint32_t(v));
    if (big) put32(b, std::uint32_t(v >> 32));
}

// One page: its IFD, then the values that do not fit, then the pixels. BigTIFF entries are 20
// bytes with 8-byte counts and values, classic ones 12 with 4.
void tiffPage(Bytes& out, const TiffPage& page, bool last, bool big) {
    const cv::Mat& m = page.rgb;
    const unsigned spp = unsigned(m.channels()), bits = m.depth() == CV_16U ? 16u : 8u;
    const std::size_t ifdAt = out.size();
    std::vector<Entry> entries = {{256, 4, 1, std::uint32_t(m.cols)}, {257, 4, 1, std::uint32_t(m.rows)},
                                  {258, 3, spp, bits},                 {259, 3, 1, 1},
                                  {262, 3, 1, spp == 3 ? 2u : 1u},     {273, 4, 1, 0},
                                  {277, 3, 1, spp},                    {278, 4, 1, std::uint32_t(m.rows)},
                                  {279, 4, 1, std::uint32_t(m.total() * m.elemSize())}, {284, 3, 1, 1}};
    if (page.orientation != 1) entries.insert(entries.begin() + 6, {274, 3, 1, std::uint32_t(page.orientation)});
    if (!page.icc.empty()) entries.push_back({34675, 7, std::uint32_t(page.icc.size()), 0});
    const std::size_t extraAt = ifdAt + (big ? 8 + 20 * entries.size() + 8 : 2 + 12 * entries.size() + 4);
    Bytes extra;
    for (auto& e : entries) {
        if (e.tag == 258 && spp == 3) {
            e.value = std::uint32_t(extraAt + extra.size());
            for (int i = 0; i < 3; ++i) put16(extra, bits);
        } else if (e.tag == 34675) {
            e.value = std::uint32_t(extraAt + extra.size());
            append(extra, page.icc);
        }
        if (extra.size() % 2) extra.push_back(0);
    }
    const std::size_t pixelsAt = extraAt + extra.size();
    for (auto& e : entries)
        if (e.tag == 273) e.value = std::uint32_t(pixelsAt);
    putOffset(out, entries.size(), big);
    if (!big) out.resize(out.size() - 2);  // classic TIFF counts entries in 16 bits
    for (const auto& e : entries) {
        put16(out, e.tag);
        put16(out, e.type);
        putOffset(out, e.count, big);
        const bool inlineShort = e.type == 3 && e.count == 1;
        if (inlineShort) {
            put16(out, e.value);
            put16(out, 0);
            if (big) put32(out, 0);
        } else {
            putOffset(out, e.value, big);
        }
    }
    const std::size_t pageEnd = pixelsAt + m.total() * m.elemSize();
    putOffset(out, last ? 0u : pageEnd + (pageEnd % 2), big);
    append(out, extra);
    const cv::Mat c = m.isContinuous() ? m : m.clone();
    out.insert(out.end(), c.data, c.data + c.total() * c.elemSize());  // little-endian host
    if (out.size() % 2) out.push_back(0);
}

}  // namespace

Bytes exifBlock(int orientation) {
    Bytes b = {'I', 'I', 42, 0};
    put32(b, 8);
    put16(b, 1);
    put16(b, 0x0112);
    put16(b, 3);
    put32(b, 1);
    put16(b, unsigned(orientation));
    put16(b, 0);
    put32(b, 0);
    return b;
}

Bytes adobeRgbProfile() {
    const cmsCIExyY white = {0.3127, 0.3290, 1.0};  // D65
    const cmsCIExyYTRIPLE primaries = {{0.64, 0.33, 1.0}, {0.21, 0.71, 1.0}, {0.15, 0.06, 1.0}};
    cmsToneCurve* gamma = cmsBuildGamma(nullptr, 563.0 / 256.0);
    cmsToneCurve* curves[3] = {gamma, gamma, gamma};
    cmsHPROFILE profile = cmsCreateRGBProfile(&white, &primaries, curves);
    cmsMLU* description = cmsMLUalloc(nullptr, 1);
    cmsMLUsetASCII(description, "en", "US", "Synthetic Adobe RGB (1998) compatible");
    cmsWriteTag(profile, cmsSigProfileDescriptionTag, description);
    cmsUInt32Number size = 0;
    cmsSaveProfileToMem(profile, nullptr, &size);
    Bytes out(size);
    cmsSaveProfileToMem(profile, out.data(), &size);
    cmsMLUfree(description);
    cmsFreeToneCurve(gamma);
    cmsCloseProfile(profile);
    return out;
}

Bytes tiff(const std::vector<TiffPage>& pages, bool big) {
    Bytes out = {'I', 'I', std::uint8_t(big ? 43 : 42), 0};
    if (big) {
        put16(out, 8);  // offset size
        put16(out, 0);
        putOffset(out, 16, true);
    } else {
        put32(out, 8);
    }
    for (std::size_t i = 0; i < pages.size(); ++i) tiffPage(out, pages[i], i + 1 == pages.size(), big);
    return out;
}

Bytes png(const cv::Mat& bgr, int orientation, const Bytes& icc) {
    Bytes file = encode(".png", bgr);
    Bytes chunks;
    if (orientation != 1) append(chunks, pngChunk("eXIf", exifBlock(orientation)));
    if (!icc.empty()) {
        const QByteArray packed = qCompress(reinterpret_cast<const uchar*>(icc.data()), int(icc.size()));
        Bytes data = {'s', 'y', 'n', 't', 'h', 'e', 't', 'i', 'c', 0, 0};  // keyword, NUL, method 0
        data.insert(data.end(), packed.begin() + 4, packed.end());       // qCompress prefixes a length
        append(chunks, pngChunk("iCCP", data));
    }
    file.insert(file.begin() + 33, chunks.begin(), chunks.end());  // after the signature and IHDR
    return file;
}

Bytes jpeg(const cv::Mat& bgr, int orientation, const Bytes& icc) {
    Bytes file = encode(".jpg", bgr, {cv::IMWRITE_JPEG_QUALITY, 95});
    Bytes segments;
    if (orientation != 1) {
        Bytes data;
        append(data, "Exif\0\0", 6);
        append(data, exifBlock(orientation));
        segments.insert(segments.end(), {0xFF, 0xE1, std::uint8_t((data.size() + 2) >> 8), std::uint8_t(data.size() + 2)});
        append(segments, data);
    }
    if (!icc.empty()) {
        Bytes data;
        append(data, "ICC_PROFILE\0", 12);
        data.push_back(1);
        data.push_back(1);
        append(data, icc);
        segments.insert(segments.end(), {0xFF, 0xE2, std::uint8_t((data.size() + 2) >> 8), std::uint8_t(data.size() + 2)});
        append(segments, data);
    }
    file.insert(file.begin() + 2, segments.begin(), segments.end());
    return file;
}

Bytes webp(const cv::Mat& bgr, int orientation, const Bytes& icc) {
    const Bytes simple = encode(".webp", bgr, {cv::IMWRITE_WEBP_QUALITY, 101});
    if (orientation == 1 && icc.empty()) return simple;
    const Bytes image(simple.begin() + 12, simple.end());  // the VP8L chunk with its header
    Bytes vp8x;
    append(vp8x, "VP8X", 4);
    put32(vp8x, 10);
    vp8x.push_back(std::uint8_t((icc.empty() ? 0 : 0x20) | (orientation != 1 ? 0x08 : 0)));
    vp8x.insert(vp8x.end(), {0, 0, 0});
    for (std::uint32_t v : {std::uint32_t(bgr.cols - 1), std::uint32_t(bgr.rows - 1)})
        vp8x.insert(vp8x.end(), {std::uint8_t(v), std::uint8_t(v >> 8), std::uint8_t(v >> 16)});
    Bytes body = {'W', 'E', 'B', 'P'};
    append(body, vp8x);
    const auto chunk = [&](const char* type, const Bytes& data) {
        append(body, type, 4);
        put32(body, std::uint32_t(data.size()));
        append(body, data);
        if (data.size() % 2) body.push_back(0);
    };
    if (!icc.empty()) chunk("ICCP", icc);
    append(body, image);
    if (orientation != 1) chunk("EXIF", exifBlock(orientation));
    Bytes file = {'R', 'I', 'F', 'F'};
    put32(file, std::uint32_t(body.size()));
    append(file, body);
    return file;
}

void write(const std::string& path, const Bytes& bytes) {
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
}

}  // namespace photofiles
