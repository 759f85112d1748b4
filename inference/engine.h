#pragma once
// The public face of the MedGemma engine: load a model directory as published on Hugging Face,
// then turn requests (a conversation, a raw prompt or token ids, plus images) into streamed
// text. Everything else in inference/ is an implementation detail of this header.
//
// Ownership: Engine owns the model (weights memory-mapped from the directory) and its
// tokenizer. Requests and results are plain values.
// Thread-safety: load() and the Engine's methods may run on any thread; one generate() or
// logits() call runs at a time per Engine (calls are serialised internally). The stop flag may
// be set from any thread; callbacks run on the calling thread.
// Failure modes: every expected failure is an Error with a stable ErrorCode and an English
// message naming the file and tensor concerned; no exception leaves this header's functions.

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "inference/chat_template_types.h"
#include "inference/memory_bandwidth.h"
#include "inference/result.h"
#include "inference/sampler.h"

namespace inference {

enum class Device { Cpu, Cuda };
enum class Precision { BFloat16, Float32 };
enum class Quantization { None, Int8, Int4 };

struct LoadOptions {
    std::string directory;                   // holds config.json, *.safetensors, tokenizer.json
    Device device = Device::Cpu;
    Precision precision = Precision::BFloat16;
    int threads = 0;                         // compute threads; 0 = every core
    // The text decoder's matrices, embedding and head quantized at load (bfloat16 precision
    // only): Int8 symmetric per output channel; Int4 asymmetric per group of `groupSize` (32,
    // 64 or 128) input columns. The vision tower and projector stay bfloat16.
    Quantization quantization = Quantization::None;
    int groupSize = 64;
    // Keep the quantized weights in a cache file beside the model (model.q8.cache,
    // model.q4g64.cache, ...) and map it at the next load instead of quantizing again. Skipped
    // silently where the folder cannot be written.
    bool quantizationCache = true;
};

// What a model manager and provenance record show about a loaded model.
struct ModelInfo {
    std::string directory;
    std::string variant;         // e.g. "MedGemma 4B (instruction-tuned)", or the architecture
    std::string summary;         // one line: parameters, dtype, size, layers, vision
    std::string architecture;
    std::uint64_t parameterCount = 0;
    std::uint64_t weightBytes = 0;
    std::vector<std::string> weightFiles;
    bool hasVision = false;
    bool hasTokenizer = false;   // false: only token-id requests work
    bool instructionTuned = false;  // has a chat template
    std::int64_t contextLength = 0;   // tokens the engine accepts (prompt + new tokens)
    std::int64_t tokensPerImage = 0;  // soft tokens per image block
    std::int64_t imageSize = 0;       // pixels per side the vision tower takes
    std::string precision;            // "bfloat16" / "float32"
    std::string quantization;         // "none", "int8" or "int4 g64" (group size)
    std::string device;               // "cpu" / "cuda"
    // Weight bytes a decode step reads on the CPU (decoder matrices and head, as stored; 0 on
    // another device): with the machine's read bandwidth, the floor of decode speed.
    std::uint64_t decodeBytesPerToken = 0;
};

// An image as the application prepared it (padded, windowed): 8-bit, 1, 3 or 4 channels,
// row-major, interleaved. The engine resizes and normalises it itself.
struct ImageInput {
    int width = 0;
    int height = 0;
    int channels = 3;
    std::vector<std::uint8_t> pixels;
};

// An image already preprocessed elsewhere: [3, size, size] float32, channel-first.
struct PixelInput {
    int size = 0;
    std::vector<float> chw;
};

struct Request {
    enum class Kind { Chat, Raw, Ids };
    Kind kind = Kind::Chat;
    std::vector<ChatMessage> messages;  // Chat: rendered with the model's template
    bool addGenerationPrompt = true;    // Chat
    std::string rawPrompt;              // Raw: used as is; BOS per add_bos_token
    std::vector<std::int32_t> ids;      // Ids: complete, image blocks expanded
    // Bound in order to the image blocks of the prompt: all `images`, then all `pixels`.
    std::vector<ImageInput> images;
    std::vector<PixelInput> pixels;
    SamplingParams sampling;            // greedy unless temperature > 0
    std::int64_t maxNewTokens = 512;
    bool ignoreStopIds = false;         // benchmarks: always generate maxNewTokens
};

enum class Phase { LoadingWeights, EncodingImages, ReadingPrompt, Writing };

struct Progress {
    Phase phase = Phase::LoadingWeights;
    double fraction = 0;  // 0..1 within the phase
};

struct Stats {
    double loadSeconds = 0;
    double imageEncodeSeconds = 0;
    std::int64_t images = 0;
    std::int64_t promptTokens = 0;
    double prefillSeconds = 0;
    std::int64_t generatedTokens = 0;
    double decodeSeconds = 0;
    double timeToFirstTokenSeconds = 0;  // request start to the first generated token
    std::uint64_t peakResidentBytes = 0;
    // How the decode steps ran: "cpu kernels", "libtorch", "cuda graph", or "libtorch, fixed
    // shapes" with the reason there was no graph.
    std::string decodePath;
    double prefillTokensPerSecond() const;
    double decodeTokensPerSecond() const;
};

enum class StopReason {
    EndOfTurn,  // a stop id of generation_config.json (e.g. <end_of_turn>)
    MaxTokens,  // maxNewTokens reached
    Stopped,    // the stop flag or the text callback ended it; the text so far is kept
};

struct Output {
    std::string text;                  // detokenised, special tokens skipped
    std::vector<std::int32_t> tokens;  // generated ids (a final stop id included)
    std::vector<std::int32_t> promptIds;
    // The prompt as text, before image blocks are expanded (each boi token such as
    // "<start_of_image>" stands for one image's block): the chat template's output, a Raw
    // request's text, or an Ids request's ids decoded with special tokens. Kept for provenance.
    std::string renderedPrompt;
    StopReason reason = StopReason::MaxTokens;
    Stats stats;
};

// Receives text as it is generated; chunks never end inside a UTF-8 character. Return false to
// stop (the call then ends with StopReason::Stopped).
using TextCallback = std::function<bool(std::string_view chunk)>;
using ProgressListener = std::function<void(const Progress&)>;

class Engine {
public:
    // Opens, validates and maps the model. `stop` (optional) aborts a long load.
    static Result<std::unique_ptr<Engine>> load(const LoadOptions& options,
                                                const ProgressListener& progress = {},
                                                const std::atomic<bool>* stop = nullptr);
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    const ModelInfo& info() const;

    // The token ids a request's prompt becomes (no images needed; image blocks are counted).
    Result<std::vector<std::int32_t>> promptIds(const Request& request) const;

    // Runs the request. Stopping (flag or callback) is not an error: the Output says Stopped.
    Result<Output> generate(const Request& request, const TextCallback& onText,
                            const ProgressListener& progress, const std::atomic<bool>& stop);

    // Float32 logits of every prompt position, row-major [L, vocab] (for comparisons with other
    // implementations); `vocab` receives the row length.
    Result<std::vector<float>> logits(const Request& request, std::int64_t* vocab,
                                      const std::atomic<bool>& stop);

    // Reads the weights a decode step reads, with the engine's compute threads, and reports
    // the best of `passes` (memory_bandwidth.h): the decode floor on this machine now. On a GPU
    // the same weights are reduced there (device_bandwidth.h); empty (bytes 0) when that
    // fails. Waits for a running request.
    ReadBandwidth measureDecodeReadBandwidth(int passes = 3) const;

    struct Impl;  // opaque: the implementation's state

private:
    explicit Engine(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

// A clinician-readable sentence for an error, for the GUI and the CLI.
std::string describeError(const Error& error);

}  // namespace inference
