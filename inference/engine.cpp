#include "inference/engine.h"

#include <chrono>
#include <new>

#include <ATen/Parallel.h>

#include "inference/cuda_driver.h"
#include "inference/engine_impl.h"
#include "inference/engine_variant.h"
#include "inference/process_memory.h"
#include "inference/runtime_info.h"

namespace inference {
namespace {

using Clock = std::chrono::steady_clock;

bool looksLikeOutOfMemory(const std::string& message) {
    return message.find("out of memory") != std::string::npos ||
           message.find("DefaultCPUAllocator") != std::string::npos ||
           message.find("CUDA error: out of memory") != std::string::npos ||
           message.find("bad_alloc") != std::string::npos;
}

std::vector<std::int64_t> stopIdsOf(const ModelConfigs& configs) {
    std::vector<std::int64_t> ids = configs.generation.eosTokenIds;
    for (std::int64_t id : configs.model.eosTokenIds) {
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
            ids.push_back(id);
        }
    }
    return ids;
}

ModelInfo makeInfo(const LoadOptions& options, const ModelDirectory& dir,
                   const std::optional<TokenizerBundle>& tokenizer, std::int64_t context) {
    const ModelConfig& config = dir.configs.model;
    ModelInfo info;
    info.directory = options.directory;
    info.architecture = config.architecture;
    info.parameterCount = dir.description.parameterCount;
    info.weightBytes = dir.description.fileBytes;
    for (const auto& file : dir.description.files) {
        info.weightFiles.push_back(file.path);
    }
    info.hasVision = config.hasVision();
    info.hasTokenizer = tokenizer.has_value();
    info.instructionTuned = dir.chatTemplate.has_value();
    info.variant = variantName(options.directory, config, info.parameterCount,
                               info.instructionTuned);
    info.summary = dir.description.summary();
    info.contextLength = context;
    info.tokensPerImage = config.hasVision() ? config.mmTokensPerImage : 0;
    info.imageSize = config.hasVision() ? config.vision->imageSize : 0;
    info.precision = options.precision == Precision::Float32 ? "float32" : "bfloat16";
    info.quantization = options.quantization == Quantization::None ? "none"
                        : options.quantization == Quantization::Int8
                            ? "int8"
                            : "int4 g" + std::to_string(options.groupSize);
    info.device = options.device == Device::Cuda ? "cuda" : "cpu";
    return info;
}

// The quantization a LoadOptions asks for, checked; nullopt for none.
Result<std::optional<QuantizationSettings>> quantizationOf(const LoadOptions& options,
                                                           const ModelDirectory& dir) {
    if (options.quantization == Quantization::None) {
        return std::optional<QuantizationSettings>();
    }
    if (options.precision != Precision::BFloat16) {
        return makeError(ErrorCode::InvalidRequest,
                         "quantized weights run with bfloat16 precision, not float32");
    }
    QuantizationSettings settings;
    settings.format = options.quantization == Quantization::Int8 ? kernels::QuantFormat::Int8Row
                                                                 : kernels::QuantFormat::Int4Group;
    settings.group = options.groupSize;
    if (settings.format == kernels::QuantFormat::Int4Group &&
        settings.group != 32 && settings.group != 64 && settings.group != 128) {
        return makeError(ErrorCode::InvalidRequest,
                         "the int4 group size must be 32, 64 or 128, not " +
                             std::to_string(settings.group));
    }
    if (options.quantizationCache) {
        settings.cacheDirectory = options.directory;
    }
    for (const WeightFile& file : dir.weights.files()) {
        settings.sourceFiles.push_back(file.path);
    }
    return std::optional<QuantizationSettings>(settings);
}

Result<std::unique_ptr<Engine::Impl>> loadImpl(const LoadOptions& options,
                                               const ProgressListener& progress,
                                               const std::atomic<bool>* stop) {
    const auto start = Clock::now();
    auto report = [&](double fraction) {
        if (progress) {
            progress({Phase::LoadingWeights, fraction});
        }
    };
    if (options.device == Device::Cuda && !cudaAvailable()) {
        return makeError(ErrorCode::DeviceUnavailable,
                         "no CUDA device is available to this build; use the CPU");
    }
    at::set_num_threads(options.threads > 0 ? options.threads : defaultThreadCount());
    report(0.0);
    Result<ModelDirectory> dir = openModelDirectory(options.directory);
    if (!dir) {
        return dir.error();
    }
    report(0.3);
    if (stop && stop->load()) {
        return makeError(ErrorCode::Cancelled, "loading stopped on request");
    }
    auto impl = std::make_unique<Engine::Impl>();
    impl->options = options;
    impl->configs = dir->configs;
    if (dir->files.tokenizerJsonPath) {
        Result<TokenizerBundle> bundle = TokenizerBundle::loadFromDirectory(options.directory);
        if (!bundle) {
            return bundle.error();
        }
        impl->tokenizer = std::move(bundle).value();
    }
    report(0.5);
    const ComputeType compute =
        options.precision == Precision::Float32 ? ComputeType::Float32 : ComputeType::BFloat16;
    Result<std::optional<QuantizationSettings>> quantization = quantizationOf(options, *dir);
    if (!quantization) {
        return quantization.error();
    }
    const at::Device device =
        options.device == Device::Cuda ? at::Device(at::kCUDA, 0) : at::Device(at::kCPU);
    Result<std::shared_ptr<const Model>> model =
        Model::load(dir->configs.model, dir->weights, compute, quantization.value(), device);
    if (!model) {
        return model.error();
    }
    impl->model = model.value();
    impl->session = std::make_unique<Session>(impl->model);
    impl->stopIds = stopIdsOf(dir->configs);
    const std::size_t element = compute == ComputeType::Float32 ? 4 : 2;
    // The KV cache lives where the model runs: free GPU memory (after the weights) for a model
    // on the GPU, when the driver says; free RAM otherwise.
    const std::optional<DeviceMemory> gpu =
        device.is_cpu() ? std::nullopt : cudaDeviceMemory(device.index());
    const std::int64_t context = contextLimitForMemory(
        dir->configs.model.text, element, gpu ? gpu->freeBytes : availableMemoryBytes());
    impl->info = makeInfo(options, dir.value(), impl->tokenizer, context);
    for (const MemoryRegion& region : impl->model->decoder().decodeRegions()) {
        impl->info.decodeBytesPerToken += region.bytes;
    }
    for (const at::Tensor& tensor : impl->model->decoder().decodeDeviceTensors()) {
        impl->info.decodeBytesPerToken += tensor.nbytes();
    }
    impl->loadSeconds = std::chrono::duration<double>(Clock::now() - start).count();
    report(1.0);
    return impl;
}

}  // namespace

Error errorFromException(const char* what, const std::exception& e) {
    const std::string message = e.what();
    if (dynamic_cast<const std::bad_alloc*>(&e) || looksLikeOutOfMemory(message)) {
        return makeError(ErrorCode::OutOfMemory,
                         std::string("not enough memory while ") + what +
                             " (" + message.substr(0, message.find('\n')) + ")");
    }
    return makeError(ErrorCode::Internal, std::string("unexpected failure while ") + what + ": " +
                                              message.substr(0, message.find('\n')));
}

double Stats::prefillTokensPerSecond() const {
    return prefillSeconds > 0 ? double(promptTokens) / prefillSeconds : 0.0;
}

double Stats::decodeTokensPerSecond() const {
    // The first token comes out of the prefill; the decode steps make the others.
    return decodeSeconds > 0 && generatedTokens > 1 ? double(generatedTokens - 1) / decodeSeconds
                                                    : 0.0;
}

Engine::Engine(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Engine::~Engine() = default;

Result<std::unique_ptr<Engine>> Engine::load(const LoadOptions& options,
                                             const ProgressListener& progress,
                                             const std::atomic<bool>* stop) {
    Result<std::unique_ptr<Impl>> impl = guarded<std::unique_ptr<Impl>>(
        "loading the model", [&] { return loadImpl(options, progress, stop); });
    if (!impl) {
        return impl.error();
    }
    return std::unique_ptr<Engine>(new Engine(std::move(impl).value()));
}

const ModelInfo& Engine::info() const { return m_impl->info; }

std::string describeError(const Error& error) {
    switch (error.code) {
        case ErrorCode::FileNotFound:
            return "A model file is missing: " + error.message;
        case ErrorCode::InvalidFile:
            return "A model file is damaged or incomplete (re-download it): " + error.message;
        case ErrorCode::UnsupportedModel:
            return "This model is not one the workstation can run: " + error.message;
        case ErrorCode::ShapeMismatch:
        case ErrorCode::MissingTensor:
        case ErrorCode::UnexpectedTensor:
            return "The weights do not match the model's config.json (mixed or partial "
                   "download?): " + error.message;
        case ErrorCode::InvalidRequest:
            return "The request cannot be run: " + error.message;
        case ErrorCode::ContextTooLong:
            return "The request is too long for the model: " + error.message +
                   ". Select fewer images or shorten the text.";
        case ErrorCode::OutOfMemory:
            return "The computer ran out of memory: " + error.message +
                   ". Close other programs, select fewer images, or use a smaller model.";
        case ErrorCode::DeviceUnavailable:
            return "The chosen device cannot be used: " + error.message;
        case ErrorCode::Cancelled:
            return "Stopped.";
        case ErrorCode::Internal:
            break;
    }
    return "Internal error in the engine: " + error.message;
}

}  // namespace inference
