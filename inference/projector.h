#pragma once
// Internal (libtorch): Gemma 3's multimodal projector (spec §6.4): the SigLIP output as a
// patch grid, average-pooled with kernel = stride = poolKernel, Gemma RMSNorm (1 + w) with the
// vision layer_norm_eps, then x @ mm_input_projection_weight (a raw [vision, text] parameter,
// not transposed). No bias, no activation, no embedding scale.
// Thread-safety: immutable after load.

#include <ATen/ATen.h>

#include "inference/config.h"
#include "inference/weight_reader.h"

namespace inference {

class Projector {
public:
    // Reads the "projector.*" tensors; failures are recorded in reader.status().
    static Projector load(const ModelConfig& config, WeightReader& reader);

    // visionHidden: [P*P, visionHidden] (compute dtype). Returns the soft-token embeddings
    // [mm_tokens_per_image, textHidden] in the compute dtype, token t = row * side + col of
    // the pooled grid.
    at::Tensor forward(const at::Tensor& visionHidden) const;

private:
    std::int64_t m_patchesPerSide = 0;
    std::int64_t m_poolKernel = 1;
    double m_eps = 1e-6;
    at::Tensor m_normPlusOne;  // [visionHidden] float32
    at::Tensor m_projection;   // [visionHidden, textHidden]
};

}  // namespace inference
