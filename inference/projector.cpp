#include "inference/projector.h"

#include "inference/rms_norm.h"

namespace inference {

Projector Projector::load(const ModelConfig& config, WeightReader& reader) {
    Projector projector;
    const VisionConfig& vision = *config.vision;
    projector.m_patchesPerSide = vision.patchesPerSide();
    projector.m_poolKernel = config.poolKernel();
    projector.m_eps = vision.layerNormEps;
    projector.m_normPlusOne =
        reader.normPlusOne("projector.mm_soft_emb_norm.weight", {vision.hiddenSize});
    projector.m_projection = reader.compute("projector.mm_input_projection_weight",
                                            {vision.hiddenSize, config.text.hiddenSize});
    return projector;
}

at::Tensor Projector::forward(const at::Tensor& visionHidden) const {
    const std::int64_t width = visionHidden.size(1);
    const at::Tensor grid =
        visionHidden.transpose(0, 1).reshape({1, width, m_patchesPerSide, m_patchesPerSide});
    // Pooling accumulates in float32 and rounds once, as the bf16 CPU kernel does.
    const at::Tensor pooled = at::avg_pool2d(grid.to(at::kFloat), {m_poolKernel, m_poolKernel},
                                             {m_poolKernel, m_poolKernel})
                                  .flatten(2)
                                  .squeeze(0)
                                  .transpose(0, 1)
                                  .to(visionHidden.scalar_type());
    const at::Tensor normed = gemmaRmsNorm(pooled, m_normPlusOne, m_eps);
    return at::matmul(normed, m_projection).to(visionHidden.scalar_type());
}

}  // namespace inference
