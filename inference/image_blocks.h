#pragma once
// Image blocks of a token sequence: maximal runs of `<image_soft_token>` ids (token_type_ids
// == 1 in transformers). Tokens of one block attend to each other bidirectionally (spec §5.3);
// each image and each pan-and-scan crop is its own block.
// Thread-safety: plain values.

#include <cstdint>
#include <utility>
#include <vector>

namespace inference {

struct ImageBlocks {
    std::vector<std::int32_t> blockOf;  // per token: block index, or -1 for a text token
    std::vector<std::pair<std::int64_t, std::int64_t>> extents;  // per block: [begin, end)

    bool empty() const { return extents.empty(); }
};

// Blocks of ids[0, count), indices relative to `ids`.
ImageBlocks findImageBlocks(const std::int64_t* ids, std::int64_t count, std::int64_t imageTokenId);

// Splits [0, count) into prefill chunks of about `chunkTokens` tokens (> 0) whose boundaries
// never fall inside an image block (a chunk grows to the end of a block it would cut).
// Returns the chunk end indices, the last one being `count`.
std::vector<std::int64_t> planPrefillChunks(const ImageBlocks& blocks, std::int64_t count,
                                            std::int64_t chunkTokens);

}  // namespace inference
