#include "inference/image_blocks.h"

#include <algorithm>

namespace inference {

ImageBlocks findImageBlocks(const std::int64_t* ids, std::int64_t count,
                            std::int64_t imageTokenId) {
    ImageBlocks blocks;
    blocks.blockOf.assign(static_cast<std::size_t>(count), -1);
    for (std::int64_t i = 0; i < count; ++i) {
        if (ids[i] != imageTokenId) {
            continue;
        }
        if (i == 0 || ids[i - 1] != imageTokenId) {
            blocks.extents.emplace_back(i, i);
        }
        blocks.extents.back().second = i + 1;
        blocks.blockOf[static_cast<std::size_t>(i)] =
            static_cast<std::int32_t>(blocks.extents.size() - 1);
    }
    return blocks;
}

std::vector<std::int64_t> planPrefillChunks(const ImageBlocks& blocks, std::int64_t count,
                                            std::int64_t chunkTokens) {
    std::vector<std::int64_t> ends;
    std::int64_t begin = 0;
    while (begin < count) {
        std::int64_t end = std::min(count, begin + std::max<std::int64_t>(chunkTokens, 1));
        // A boundary between two tokens of one block moves to the end of that block.
        if (end < count && blocks.blockOf[end] >= 0 && blocks.blockOf[end - 1] >= 0) {
            end = blocks.extents[static_cast<std::size_t>(blocks.blockOf[end])].second;
        }
        ends.push_back(end);
        begin = end;
    }
    return ends;
}

}  // namespace inference
