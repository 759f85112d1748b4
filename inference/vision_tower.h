#pragma once
// Internal (libtorch): the SigLIP vision encoder (spec §6.1-6.3): patch embedding (a
// stride = kernel convolution, computed as one matmul over flattened patches), learned
// absolute positions, pre-LayerNorm encoder layers with biases and tanh-GELU, post-LayerNorm.
// Weights are canonical "vision.*" tensors in the compute dtype.
// Thread-safety: immutable after load; forward() may run concurrently on different inputs.

#include <vector>

#include <ATen/ATen.h>

#include "inference/config.h"
#include "inference/result.h"
#include "inference/stop_flag.h"
#include "inference/weight_reader.h"

namespace inference {

class VisionTower {
public:
    // The MLP runs on the CPU in blocks of this many rows (its 4,304-wide intermediate stays in
    // cache, and a stop request is checked between blocks); a GPU takes all rows at once.
    static constexpr std::int64_t kMlpRows = 1024;

    // Reads every vision tensor; failures are recorded in reader.status().
    static VisionTower load(const VisionConfig& config, WeightReader& reader);

    // pixels: [3, S, S] float32, S = image_size. Returns last_hidden_state [P*P, hidden] in
    // the compute dtype (P = patches per side, row-major patch order). Cancelled when `stop`
    // is set (checked inside the attention, after it, between the MLP's row blocks of
    // kMlpRows tokens and after the MLP of every layer: a 4,096-patch layer is ~0.2 TFLOP, so
    // a check every block keeps a stop within ~200 ms even on a slow machine).
    Result<at::Tensor> forward(const at::Tensor& pixels, const StopFlag& stop) const;

private:
    struct Layer {
        at::Tensor norm1Weight, norm1Bias, qWeight, qBias, kWeight, kBias, vWeight, vBias;
        at::Tensor outWeight, outBias, norm2Weight, norm2Bias;
        at::Tensor fc1Weight, fc1Bias, fc2Weight, fc2Bias;
    };

    static Layer loadLayer(const VisionConfig& config, WeightReader& reader, int index);
    at::Tensor embed(const at::Tensor& pixels) const;
    // Undefined when `stop` interrupted the attention.
    at::Tensor attentionBlock(const Layer& layer, const at::Tensor& hidden,
                              const StopFlag& stop) const;
    // Undefined when `stop` was set between two row blocks.
    at::Tensor mlpBlock(const Layer& layer, const at::Tensor& hidden, const StopFlag& stop) const;

    VisionConfig m_config;
    at::Tensor m_patchWeight;  // [hidden, channels * patch * patch]
    at::Tensor m_patchBias;
    at::Tensor m_positions;  // [P*P, hidden]
    std::vector<Layer> m_layers;
    at::Tensor m_postNormWeight, m_postNormBias;
};

}  // namespace inference
