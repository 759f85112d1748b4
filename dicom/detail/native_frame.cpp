#include "dicom/detail/native_frame.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcelem.h>
#include <dcmtk/dcmdata/dcfcache.h>

namespace dicom::detail {

Result<FrameCells> readNativeFrame(DcmElement& pixels, const PixelLayout& layout, int frame) {
    if (Status s = checkPixelDataLength(layout, pixels.getLength()); !s)
        return s.error();
    const std::uint64_t firstBit = layout.bitsPerFrame() * std::uint64_t(frame);
    const std::uint64_t endBit = firstBit + layout.bitsPerFrame();
    const std::uint64_t firstByte = firstBit / 8;
    FrameCells out;
    out.layout = layout;
    out.layout.frames = 1;
    out.bitOffset = unsigned(firstBit % 8);
    out.bytes.resize(std::size_t((endBit + 7) / 8 - firstByte));
    DcmFileCache cache;
    // Little endian whatever the file's order: OW values are swapped per 16-bit word by DCMTK,
    // OB values are left alone, which is how PS3.5 defines big endian pixel data.
    const OFCondition s = pixels.getPartialValue(
        out.bytes.data(), Uint32(firstByte), Uint32(out.bytes.size()), &cache, EBO_LittleEndian);
    if (s.bad())
        return Error{ErrorCode::Corrupt,
                     std::string("the pixel data cannot be read (") + s.text() + ")"};
    return out;
}

}  // namespace dicom::detail
