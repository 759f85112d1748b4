#pragma once
// Internal (libtorch): a loaded Gemma 3 / MedGemma model — vision tower, projector and text
// decoder built from canonical weights — plus image encoding.
//
// Ownership: in bf16 mode on the CPU the weights that are bf16 in the checkpoint are used in
// place (non-owning views of the mapping); `storage` keeps that mapping alive for the model's
// lifetime. On another device the model holds device copies and releases the mapping.
// Float32 mode (or other checkpoint dtypes) holds converted copies. With quantization (bf16
// compute only), the text decoder's projections, embedding and head are quantized copies: held
// by a QuantizedStore for the CPU kernels, or as device tensors (device_quant.h) on a GPU or
// with the CPU kernels off; the vision tower and projector stay bf16.
// Thread-safety: immutable after load (thread-compatible): any number of threads may run
// const methods concurrently, each with its own Session.

#include <memory>
#include <optional>

#include <ATen/ATen.h>

#include "inference/compute_type.h"
#include "inference/config.h"
#include "inference/projector.h"
#include "inference/quantized_store.h"
#include "inference/result.h"
#include "inference/stop_flag.h"
#include "inference/text_decoder.h"
#include "inference/vision_tower.h"
#include "inference/weight_reader.h"
#include "inference/weights.h"

namespace inference {

class Model {
public:
    // Builds the model from the tensors `lookup` finds. Every tensor the config implies must be
    // present with the config's shape (MissingTensor / ShapeMismatch otherwise); a vision tower
    // and projector are loaded when config.hasVision().
    // `quantization` (bf16 compute only, else InvalidRequest) quantizes the decoder. On a
    // device other than the CPU every weight is copied there once (the matrices to quantize
    // only in quantized form) and the forward pass runs through libtorch's ops
    // (device_path.h).
    static Result<std::shared_ptr<const Model>> load(
        const ModelConfig& config, const WeightLookup& lookup, std::shared_ptr<const void> storage,
        ComputeType computeType,
        const std::optional<QuantizationSettings>& quantization = std::nullopt,
        at::Device device = at::kCPU);
    // The same from a validated ModelWeights; the model keeps a copy (sharing the mapping).
    static Result<std::shared_ptr<const Model>> load(
        const ModelConfig& config, const ModelWeights& weights, ComputeType computeType,
        const std::optional<QuantizationSettings>& quantization = std::nullopt,
        at::Device device = at::kCPU);

    // pixels: [N, 3, S, S] float32 on any device (S = vision image_size). Returns the soft-token
    // embeddings [N, mm_tokens_per_image, text hidden] in the compute dtype. `visionOut`, when
    // given, receives the vision tower outputs [N, P*P, vision hidden]. InvalidRequest for a
    // text-only model or a wrong pixel shape; Cancelled when `stop` is set.
    Result<at::Tensor> encodeImages(const at::Tensor& pixels, const StopFlag& stop,
                                    at::Tensor* visionOut = nullptr) const;

    const ModelConfig& config() const { return m_config; }
    ComputeType computeType() const { return m_computeType; }
    at::ScalarType scalarType() const { return scalarTypeOf(m_computeType); }
    // Where the weights live and the forward pass runs.
    at::Device device() const { return m_device; }
    // Options for activations and caches: the compute dtype on the model's device.
    at::TensorOptions activationOptions() const {
        return at::TensorOptions().dtype(scalarType()).device(m_device);
    }
    const TextDecoder& decoder() const { return m_decoder; }
    bool hasVision() const { return m_vision != nullptr; }
    // Bytes of host weight copies this model owns (0 when every weight is used in place),
    // quantized matrices included.
    std::uint64_t ownedWeightBytes() const { return m_ownedBytes; }
    // Bytes of weights held in the memory of a non-CPU device.
    std::uint64_t deviceWeightBytes() const { return m_deviceBytes; }
    // The quantized matrices, or null for a model without quantization.
    const QuantizedStore* quantizedStore() const { return m_quantized.get(); }

private:
    Model() = default;
    Status quantize(const WeightLookup& lookup, const QuantizationSettings& settings);

    ModelConfig m_config;
    ComputeType m_computeType = ComputeType::BFloat16;
    at::Device m_device = at::kCPU;
    std::shared_ptr<const void> m_storage;
    std::unique_ptr<VisionTower> m_vision;
    std::unique_ptr<Projector> m_projector;
    TextDecoder m_decoder;
    std::shared_ptr<QuantizedStore> m_quantized;
    std::uint64_t m_ownedBytes = 0;
    std::uint64_t m_deviceBytes = 0;
};

}  // namespace inference
