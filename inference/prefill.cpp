#include "inference/prefill.h"

#include <algorithm>
#include <string>

#include "inference/image_blocks.h"

namespace inference {
namespace {

std::int64_t imageCount(const PromptInput& prompt) {
    return prompt.pixelValues.defined() ? prompt.pixelValues.size(0) : 0;
}

at::Tensor idTensor(const std::vector<std::int64_t>& ids, std::int64_t begin, std::int64_t end) {
    return at::tensor(std::vector<std::int64_t>(ids.begin() + begin, ids.begin() + end), at::kLong);
}

// Embeddings of ids[begin, end) with image features written over the soft-token rows;
// `cursor` counts the feature rows consumed so far.
at::Tensor embedChunk(const TextDecoder& decoder, const PromptInput& prompt,
                      const at::Tensor& features, std::int64_t imageTokenId, std::int64_t begin,
                      std::int64_t end, std::int64_t& cursor) {
    at::Tensor embeddings = decoder.embed(idTensor(prompt.ids, begin, end));
    std::vector<std::int64_t> rows;
    for (std::int64_t i = begin; i < end; ++i) {
        if (prompt.ids[static_cast<std::size_t>(i)] == imageTokenId) {
            rows.push_back(i - begin);
        }
    }
    if (!rows.empty()) {
        const auto count = static_cast<std::int64_t>(rows.size());
        embeddings.index_copy_(0, at::tensor(rows, at::kLong).to(embeddings.device()),
                               features.narrow(0, cursor, count));
        cursor += count;
    }
    return embeddings;
}

// One prefill chunk ids[begin, end): embeddings, image features, every layer; commits the
// chunk to the cache and returns the final-norm output [end - begin, hidden].
Result<at::Tensor> runChunk(const Model& model, KvCache& cache, const PromptInput& prompt,
                            const at::Tensor& features, std::int64_t begin, std::int64_t end,
                            std::int64_t& cursor, const StopFlag& stop,
                            const PrefillOptions& options) {
    const TextDecoder& decoder = model.decoder();
    const std::int64_t imageTokenId = model.config().imageTokenId;
    const at::Tensor embeddings =
        embedChunk(decoder, prompt, features, imageTokenId, begin, end, cursor);
    const ImageBlocks blocks =
        findImageBlocks(prompt.ids.data() + begin, end - begin, imageTokenId);
    TextDecoder::LayerObserver observer;
    if (options.trace) {
        options.trace->layerInputs.clear();
        observer = [&](int, const at::Tensor& h) { options.trace->layerInputs.push_back(h); };
    }
    Result<at::Tensor> normed = decoder.forward(embeddings, begin, blocks, cache, stop,
                                                options.trace ? &observer : nullptr);
    if (!normed) {
        return normed.error();
    }
    cache.commit(end);
    if (options.trace) {
        options.trace->finalNorm = normed.value();
    }
    return normed;
}

}  // namespace

Status validatePrompt(const Model& model, const PromptInput& prompt) {
    const ModelConfig& config = model.config();
    if (prompt.ids.empty()) {
        return makeError(ErrorCode::InvalidRequest, "the prompt has no tokens");
    }
    for (std::int64_t id : prompt.ids) {
        if (id < 0 || id >= config.text.vocabSize) {
            return makeError(ErrorCode::InvalidRequest,
                             "token id " + std::to_string(id) + " is outside the vocabulary");
        }
    }
    const auto softTokens = static_cast<std::int64_t>(
        std::count(prompt.ids.begin(), prompt.ids.end(), config.imageTokenId));
    const std::int64_t images = imageCount(prompt);
    if (softTokens != images * config.mmTokensPerImage) {
        return makeError(ErrorCode::InvalidRequest,
                         "the prompt has " + std::to_string(softTokens) +
                             " image soft tokens but " + std::to_string(images) + " images need " +
                             std::to_string(images * config.mmTokensPerImage));
    }
    return {};
}

Result<at::Tensor> encodePromptImages(const Model& model, const PromptInput& prompt,
                                      const StopFlag& stop, const PrefillOptions& options) {
    const std::int64_t images = imageCount(prompt);
    if (images == 0) {
        return at::Tensor();
    }
    std::vector<at::Tensor> features;
    std::vector<at::Tensor> hidden;
    for (std::int64_t i = 0; i < images; ++i) {
        if (options.progress) {
            (*options.progress)(ProgressStage::ImageEncoding, i, images);
        }
        at::Tensor visionOut;
        Result<at::Tensor> encoded =
            model.encodeImages(prompt.pixelValues.narrow(0, i, 1), stop, &visionOut);
        if (!encoded) {
            return encoded.error();
        }
        features.push_back(encoded.value());
        hidden.push_back(visionOut);
    }
    if (options.progress) {
        (*options.progress)(ProgressStage::ImageEncoding, images, images);
    }
    if (options.trace) {
        options.trace->visionHidden = at::cat(hidden);
        options.trace->imageFeatures = at::cat(features);
    }
    return at::cat(features).flatten(0, 1);
}

Result<at::Tensor> prefill(const Model& model, KvCache& cache, const PromptInput& prompt,
                           const at::Tensor& imageFeatures, const StopFlag& stop,
                           const PrefillOptions& options) {
    const auto length = static_cast<std::int64_t>(prompt.ids.size());
    const ImageBlocks blocks =
        findImageBlocks(prompt.ids.data(), length, model.config().imageTokenId);
    const std::int64_t rows = options.logitRows > 0 ? std::min(options.logitRows, length) : length;
    std::vector<at::Tensor> normedRows;
    std::int64_t cursor = 0;
    std::int64_t begin = 0;
    for (std::int64_t end : planPrefillChunks(blocks, length, options.chunkTokens)) {
        if (options.progress) {
            (*options.progress)(ProgressStage::Prefill, begin, length);
        }
        Result<at::Tensor> normed =
            runChunk(model, cache, prompt, imageFeatures, begin, end, cursor, stop, options);
        if (!normed) {
            return normed.error();
        }
        // Keep only the rows whose logits are wanted (they may span several chunks).
        const std::int64_t first = std::max(begin, length - rows);
        if (first < end) {
            normedRows.push_back(normed->narrow(0, first - begin, end - first));
        }
        begin = end;
    }
    if (options.progress) {
        (*options.progress)(ProgressStage::Prefill, length, length);
    }
    return model.decoder().logits(at::cat(normedRows));
}

Result<at::Tensor> decodeStep(const Model& model, KvCache& cache, std::int64_t token,
                              const StopFlag& stop) {
    const TextDecoder& decoder = model.decoder();
    const std::int64_t position = cache.length();
    static const ImageBlocks kNoBlocks{{-1}, {}};
    Result<at::Tensor> normed = decoder.forward(decoder.embed(at::tensor({token}, at::kLong)),
                                                position, kNoBlocks, cache, stop);
    if (!normed) {
        return normed.error();
    }
    cache.commit(position + 1);
    return decoder.logits(normed.value())[0];
}

}  // namespace inference
