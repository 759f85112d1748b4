// Engine requests: prompt building, generation with streamed text, and the logits dump.
#include <chrono>

#include "inference/chat_template.h"
#include "inference/device_bandwidth.h"
#include "inference/engine_impl.h"
#include "inference/generation.h"
#include "inference/image_preprocess.h"
#include "inference/process_memory.h"
#include "inference/tokenizer_incremental.h"

namespace inference {
namespace {

using Clock = std::chrono::steady_clock;

int countImageBlocks(const std::vector<std::int32_t>& ids, std::int64_t imageToken) {
    int blocks = 0;
    bool inside = false;
    for (std::int32_t id : ids) {
        const bool image = id == imageToken;
        blocks += image && !inside ? 1 : 0;
        inside = image;
    }
    return blocks;
}

Result<PixelValues> preprocessOne(const ImageInput& image, const PreprocessorConfig& config,
                                  std::size_t index) {
    const std::size_t expected = std::size_t(image.width) * std::size_t(image.height) *
                                 std::size_t(std::max(image.channels, 0));
    if (image.width < 1 || image.height < 1 || expected == 0 || image.pixels.size() != expected) {
        return makeError(ErrorCode::InvalidRequest,
                         "image " + std::to_string(index + 1) + " has no pixels or a size that "
                         "does not match its data");
    }
    Image8View view;
    view.data = image.pixels.data();
    view.width = image.width;
    view.height = image.height;
    view.channels = image.channels;
    view.strideBytes = std::size_t(image.width) * std::size_t(image.channels);
    return preprocessImage(view, config);
}

Progress toProgress(ProgressStage stage, std::int64_t done, std::int64_t total) {
    const double fraction = total > 0 ? double(done) / double(total) : 1.0;
    return {stage == ProgressStage::ImageEncoding ? Phase::EncodingImages : Phase::ReadingPrompt,
            fraction};
}

// The text Output::renderedPrompt records; empty when there is no tokenizer.
Result<std::string> renderPromptText(const Engine::Impl& impl, const Request& request) {
    if (!impl.tokenizer) {
        return std::string();
    }
    const PromptSettings& settings = impl.tokenizer->prompt;
    switch (request.kind) {
        case Request::Kind::Chat: {
            ChatTemplateOptions options;
            options.addGenerationPrompt = request.addGenerationPrompt;
            options.bosToken = settings.bosToken;
            options.imageMarker = settings.boiToken;
            return renderChatTemplate(request.messages, options);
        }
        case Request::Kind::Raw:
            return request.rawPrompt;
        case Request::Kind::Ids:
            break;
    }
    return impl.tokenizer->tokenizer.decode(request.ids, /*skipSpecial=*/false);
}

}  // namespace

Result<std::vector<std::int32_t>> Engine::Impl::encode(const Request& request,
                                                       int* imageSlots) const {
    if (request.kind == Request::Kind::Ids) {
        if (imageSlots) {
            *imageSlots = countImageBlocks(request.ids, configs.model.imageTokenId);
        }
        return request.ids;
    }
    if (!tokenizer) {
        return makeError(ErrorCode::FileNotFound,
                         "tokenizer.json is missing from " + options.directory +
                             "; only token-id requests work without it");
    }
    Result<PromptIds> prompt =
        request.kind == Request::Kind::Chat
            ? encodeChatPrompt(tokenizer->tokenizer, request.messages,
                               request.addGenerationPrompt, tokenizer->prompt)
            : encodeRawPrompt(tokenizer->tokenizer, request.rawPrompt, tokenizer->prompt);
    if (!prompt) {
        return prompt.error();
    }
    if (imageSlots) {
        *imageSlots = prompt->imageCount;
    }
    return prompt->ids;
}

Result<PromptInput> Engine::Impl::buildPrompt(const Request& request) const {
    int slots = 0;
    Result<std::vector<std::int32_t>> ids = encode(request, &slots);
    if (!ids) {
        return ids.error();
    }
    const std::size_t given = request.images.size() + request.pixels.size();
    if (std::size_t(slots) != given) {
        return makeError(ErrorCode::InvalidRequest,
                         "the prompt has " + std::to_string(slots) + " image place(s) but " +
                             std::to_string(given) + " image(s) were given");
    }
    if (given > 0 && !model->hasVision()) {
        return makeError(ErrorCode::InvalidRequest,
                         "this model reads text only; remove the images");
    }
    PromptInput prompt;
    prompt.ids.assign(ids->begin(), ids->end());
    if (given == 0) {
        return prompt;
    }
    const std::int64_t size = configs.model.vision->imageSize;
    prompt.pixelValues = at::empty({std::int64_t(given), 3, size, size}, at::kFloat);
    float* out = prompt.pixelValues.data_ptr<float>();
    const std::size_t plane = std::size_t(3 * size * size);
    for (std::size_t i = 0; i < request.images.size(); ++i) {
        Result<PixelValues> pixels = preprocessOne(request.images[i], configs.preprocessor, i);
        if (!pixels) {
            return pixels.error();
        }
        if (pixels->chw.size() != plane) {
            return makeError(ErrorCode::InvalidRequest,
                             "preprocessor_config.json's image size differs from the vision "
                             "tower's " + std::to_string(size) + " pixels");
        }
        std::copy(pixels->chw.begin(), pixels->chw.end(), out + i * plane);
    }
    for (std::size_t j = 0; j < request.pixels.size(); ++j) {
        const PixelInput& p = request.pixels[j];
        if (p.size != size || p.chw.size() != plane) {
            return makeError(ErrorCode::InvalidRequest,
                             "preprocessed image " + std::to_string(j + 1) + " is not [3, " +
                                 std::to_string(size) + ", " + std::to_string(size) + "]");
        }
        std::copy(p.chw.begin(), p.chw.end(), out + (request.images.size() + j) * plane);
    }
    return prompt;
}

Result<std::vector<std::int32_t>> Engine::promptIds(const Request& request) const {
    return m_impl->encode(request, nullptr);
}

Result<Output> Engine::generate(const Request& request, const TextCallback& onText,
                                const ProgressListener& progress, const std::atomic<bool>& stop) {
    std::lock_guard<std::mutex> lock(m_impl->mutex);
    return guarded<Output>("generating text", [&]() -> Result<Output> {
        const Clock::time_point start = Clock::now();
        Result<PromptInput> prompt = m_impl->buildPrompt(request);
        if (!prompt) {
            return prompt.error();
        }
        Output output;
        output.promptIds.assign(prompt->ids.begin(), prompt->ids.end());
        if (Result<std::string> text = renderPromptText(*m_impl, request)) {
            output.renderedPrompt = std::move(text).value();
        }
        std::optional<IncrementalDecoder> decoder;
        if (m_impl->tokenizer) {
            decoder.emplace(m_impl->tokenizer->tokenizer, /*skipSpecial=*/true);
        }
        bool callbackStopped = false;
        auto emit = [&](const std::string& chunk) {
            if (chunk.empty()) {
                return true;
            }
            output.text += chunk;
            callbackStopped = onText && !onText(chunk);
            return !callbackStopped;
        };
        const TokenCallback onToken = [&](std::int64_t id) {
            if (output.stats.generatedTokens == 0) {
                output.stats.timeToFirstTokenSeconds =
                    std::chrono::duration<double>(Clock::now() - start).count();
            }
            output.stats.generatedTokens += 1;
            if (progress && request.maxNewTokens > 0) {
                progress({Phase::Writing,
                          double(output.stats.generatedTokens) / double(request.maxNewTokens)});
            }
            return decoder ? emit(decoder->push(std::int32_t(id))) : true;
        };
        const ProgressCallback stageProgress =
            [&](ProgressStage stage, std::int64_t done, std::int64_t total) {
                if (progress) {
                    progress(toProgress(stage, done, total));
                }
            };
        GenerationOptions options;
        options.maxNewTokens = std::max<std::int64_t>(request.maxNewTokens, 1);
        options.sampling = request.sampling;
        if (!request.ignoreStopIds) {
            options.stopTokenIds = m_impl->stopIds;
        }
        options.contextLimit = m_impl->info.contextLength;
        options.progress = &stageProgress;
        Result<GenerationOutput> result =
            inference::generate(*m_impl->session, prompt.value(), options, onToken, stop);
        if (!result && result.error().code != ErrorCode::Cancelled) {
            return result.error();
        }
        if (decoder && !callbackStopped) {
            emit(decoder->finish());
        }
        const GenerationStats& s = m_impl->session->stats();
        output.stats.loadSeconds = m_impl->loadSeconds;
        output.stats.images = s.images;
        output.stats.imageEncodeSeconds = s.imageEncodeSeconds;
        output.stats.promptTokens = s.promptTokens;
        output.stats.prefillSeconds = s.prefillSeconds;
        output.stats.decodeSeconds = s.decodeSeconds;
        output.stats.decodePath = s.decodePath;
        output.stats.peakResidentBytes = peakResidentBytes();
        if (!result) {
            output.reason = StopReason::Stopped;
            return output;
        }
        for (std::int64_t id : result->tokens) {
            output.tokens.push_back(std::int32_t(id));
        }
        output.reason = result->finish == FinishReason::StopToken ? StopReason::EndOfTurn
                        : result->finish == FinishReason::Callback ? StopReason::Stopped
                                                                   : StopReason::MaxTokens;
        return output;
    });
}

Result<std::vector<float>> Engine::logits(const Request& request, std::int64_t* vocab,
                                          const std::atomic<bool>& stop) {
    std::lock_guard<std::mutex> lock(m_impl->mutex);
    return guarded<std::vector<float>>("computing logits", [&]() -> Result<std::vector<float>> {
        Result<PromptInput> prompt = m_impl->buildPrompt(request);
        if (!prompt) {
            return prompt.error();
        }
        Result<at::Tensor> logits = forwardLogits(*m_impl->model, prompt.value(), stop, 0);
        if (!logits) {
            return logits.error();
        }
        const at::Tensor values = logits->to(at::kCPU, at::kFloat).contiguous();
        if (vocab) {
            *vocab = values.size(1);
        }
        return std::vector<float>(values.data_ptr<float>(),
                                  values.data_ptr<float>() + values.numel());
    });
}

ReadBandwidth Engine::measureDecodeReadBandwidth(int passes) const {
    std::lock_guard<std::mutex> lock(m_impl->mutex);
    const TextDecoder& decoder = m_impl->model->decoder();
    if (!m_impl->model->device().is_cpu()) {
        Result<ReadBandwidth> read =
            guarded<ReadBandwidth>("reading the weights on the GPU", [&]() -> Result<ReadBandwidth> {
                return measureTensorReadBandwidth(decoder.decodeDeviceTensors(), passes);
            });
        return read ? read.value() : ReadBandwidth{};
    }
    return measureReadBandwidth(decoder.decodeRegions(), m_impl->options.threads, passes);
}

}  // namespace inference
