#pragma once
// Reading one frame's compressed bytes out of an encapsulated Pixel Data: the fragments are
// located with fragment_index and only theirs are read from the file.
// Thread-safety: re-entrant; works on the dataset it is given.

#include <cstdint>
#include <vector>

#include "dicom/result.h"

class DcmDataset;
class DcmPixelSequence;

namespace dicom::detail {

// How a frame's codestream begins, for finding frames when the offset table is empty.
enum class StreamStart { Jpeg, Jpeg2000, Rle };

// True when `head` (the first bytes of a fragment) opens a codestream of that kind.
bool opensCodestream(StreamStart kind, const std::uint8_t* head, std::size_t size);

// Frame `frame` (0-based, of `frames`) with its fragments concatenated. `maxBytes` bounds what
// is read, so that lengths in a damaged file cannot make it allocate without limit.
// Fails with Corrupt.
Result<std::vector<std::uint8_t>> readCompressedFrame(DcmDataset& dataset,
                                                      DcmPixelSequence& fragments, StreamStart kind,
                                                      int frames, int frame,
                                                      std::uint64_t maxBytes);

}  // namespace dicom::detail
