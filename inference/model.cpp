#include "inference/model.h"

#include <algorithm>
#include <string>

#include "inference/kernels/cpu_features.h"

namespace inference {
namespace {

Status checkPixels(const at::Tensor& pixels, const VisionConfig& vision) {
    const std::int64_t side = vision.imageSize;
    if (pixels.dim() != 4 || pixels.size(1) != vision.numChannels || pixels.size(2) != side ||
        pixels.size(3) != side) {
        return makeError(ErrorCode::InvalidRequest,
                         "pixel values must be [N, " + std::to_string(vision.numChannels) + ", " +
                             std::to_string(side) + ", " + std::to_string(side) + "]");
    }
    return {};
}

}  // namespace

Result<std::shared_ptr<const Model>> Model::load(
    const ModelConfig& config, const WeightLookup& lookup, std::shared_ptr<const void> storage,
    ComputeType computeType, const std::optional<QuantizationSettings>& quantization,
    at::Device device) {
    if (quantization && computeType != ComputeType::BFloat16) {
        return makeError(ErrorCode::InvalidRequest,
                         "quantized weights run with bfloat16 activations; choose bfloat16");
    }
    std::shared_ptr<Model> model(new Model());
    model->m_config = config;
    model->m_computeType = computeType;
    model->m_device = device;
    model->m_storage = std::move(storage);
    WeightReader reader(lookup, scalarTypeOf(computeType), device);
    if (quantization && !device.is_cpu()) {
        // The matrices to quantize are read in place and quantized on the host; only their
        // quantized form reaches the device (a 27B model's bf16 matrices would not fit it).
        reader.keepOnHost(&TextDecoder::isQuantizable);
    }
    if (config.hasVision()) {
        model->m_vision = std::make_unique<VisionTower>(VisionTower::load(*config.vision, reader));
        model->m_projector = std::make_unique<Projector>(Projector::load(config, reader));
    }
    const bool causalLm = config.architecture == "Gemma3ForCausalLM";
    model->m_decoder = TextDecoder::load(config, reader, causalLm);
    if (!reader.status()) {
        return reader.status().error();
    }
    model->m_ownedBytes = reader.copiedBytes();
    model->m_deviceBytes = reader.deviceBytes();
    if (quantization) {
        if (Status status = model->quantize(lookup, *quantization); !status) {
            return status.error();
        }
    }
    if (!device.is_cpu()) {
        // Every weight now lives on the device (quantized ones too): the mapping, as much host
        // memory as the weights once read, is let go.
        model->m_storage.reset();
    }
    return std::shared_ptr<const Model>(std::move(model));
}

Status Model::quantize(const WeightLookup& lookup, const QuantizationSettings& settings) {
    std::vector<QuantTarget> targets;
    std::uint64_t denseCopies = 0;
    for (const auto& [name, weight] : m_decoder.projections()) {
        const TensorView* source = lookup(name);
        // A converted (owned) dense copy is dropped once quantized.
        if (!source || weight->dense().data_ptr() != static_cast<const void*>(source->data)) {
            denseCopies += weight->dense().nbytes();
        }
        targets.push_back({name, weight, source});
    }
    Result<std::shared_ptr<QuantizedStore>> store = QuantizedStore::build(targets, settings);
    if (!store) {
        return store.error();
    }
    m_ownedBytes = m_ownedBytes - std::min(m_ownedBytes, denseCopies);
    if (!m_device.is_cpu() || !kernels::cpuKernelsEnabled()) {
        // No CPU kernels to run the store's layout: each matrix moves to the device in plain
        // tensors (device_quant.h) and the host store is let go.
        for (const QuantTarget& target : targets) {
            auto matrix = std::make_shared<const DeviceQuantMatrix>(
                DeviceQuantMatrix::fromKernelLayout(target.weight->quant(), m_device));
            (m_device.is_cpu() ? m_ownedBytes : m_deviceBytes) += matrix->bytes();
            *target.weight = LinearWeight(matrix, target.weight->computeType());
        }
    } else {
        m_quantized = store.value();
        m_ownedBytes += m_quantized->bytes();
    }
    if (m_decoder.headTied()) {
        m_decoder.tieHead();
    }
    return {};
}

Result<std::shared_ptr<const Model>> Model::load(
    const ModelConfig& config, const ModelWeights& weights, ComputeType computeType,
    const std::optional<QuantizationSettings>& quantization, at::Device device) {
    auto shared = std::make_shared<const ModelWeights>(weights);
    const WeightLookup lookup = [raw = shared.get()](const std::string& name) {
        return raw->find(name);
    };
    return load(config, lookup, shared, computeType, quantization, device);
}

Result<at::Tensor> Model::encodeImages(const at::Tensor& pixels, const StopFlag& stop,
                                       at::Tensor* visionOut) const {
    if (!m_vision) {
        return makeError(ErrorCode::InvalidRequest, "this model has no vision tower");
    }
    if (Status status = checkPixels(pixels, *m_config.vision); !status) {
        return status.error();
    }
    if (pixels.size(0) == 0) {
        return at::empty({0, m_config.mmTokensPerImage, m_config.text.hiddenSize},
                         activationOptions());
    }
    std::vector<at::Tensor> features;
    std::vector<at::Tensor> hidden;
    // One image at a time bounds the attention memory of a 4,096-patch image.
    for (std::int64_t i = 0; i < pixels.size(0); ++i) {
        Result<at::Tensor> encoded = m_vision->forward(pixels[i].to(m_device), stop);
        if (!encoded) {
            return encoded.error();
        }
        features.push_back(m_projector->forward(encoded.value()));
        if (visionOut) {
            hidden.push_back(encoded.value());
        }
    }
    if (visionOut) {
        *visionOut = at::stack(hidden);
    }
    return at::stack(features);
}

}  // namespace inference
