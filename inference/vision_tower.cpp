#include "inference/vision_tower.h"

#include <algorithm>
#include <cmath>
#include <string>

#include <ATen/Parallel.h>

#include "inference/activations.h"
#include "inference/attention.h"
#include "inference/device_path.h"
#include "inference/kernels/bf16_elementwise.h"

namespace inference {
namespace {

constexpr std::int64_t kNormGrainValues = 1 << 15;  // values per task: ~10 microseconds

// LayerNorm over the last dimension. bf16 on the CPU goes through one fused kernel with float32
// statistics and one rounding (libtorch 1.13's bf16 layer_norm is several times slower);
// other dtypes and devices use at::layer_norm.
at::Tensor layerNorm(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias,
                     double eps) {
    const std::int64_t cols = x.size(-1);
    if (!useCpuKernels(x) || x.scalar_type() != at::kBFloat16 || x.numel() == 0) {
        return at::layer_norm(x, {cols}, weight, bias, eps);
    }
    at::Tensor out = x.contiguous().clone();
    const at::Tensor w = weight.to(at::kFloat).contiguous();
    const at::Tensor b = bias.to(at::kFloat).contiguous();
    auto* data = reinterpret_cast<kernels::bf16_t*>(out.data_ptr<at::BFloat16>());
    const std::int64_t grain = std::max<std::int64_t>(1, kNormGrainValues / cols);
    at::parallel_for(0, out.numel() / cols, grain, [&](std::int64_t begin, std::int64_t end) {
        kernels::layerNormRowsBf16(data + begin * cols, end - begin, cols, w.data_ptr<float>(),
                                   b.data_ptr<float>(), float(eps));
    });
    return out;
}

}  // namespace

VisionTower VisionTower::load(const VisionConfig& config, WeightReader& reader) {
    VisionTower tower;
    tower.m_config = config;
    const std::int64_t hidden = config.hiddenSize;
    const std::int64_t patch = config.patchSize;
    const std::int64_t positions = config.patchesPerSide() * config.patchesPerSide();
    const at::Tensor patchWeight = reader.compute("vision.embeddings.patch_embedding.weight",
                                                  {hidden, config.numChannels, patch, patch});
    if (patchWeight.defined()) {
        tower.m_patchWeight = patchWeight.view({hidden, config.numChannels * patch * patch});
    }
    tower.m_patchBias = reader.compute("vision.embeddings.patch_embedding.bias", {hidden});
    tower.m_positions =
        reader.compute("vision.embeddings.position_embedding.weight", {positions, hidden});
    for (int i = 0; i < config.numLayers; ++i) {
        tower.m_layers.push_back(loadLayer(config, reader, i));
    }
    tower.m_postNormWeight = reader.compute("vision.post_layernorm.weight", {hidden});
    tower.m_postNormBias = reader.compute("vision.post_layernorm.bias", {hidden});
    return tower;
}

VisionTower::Layer VisionTower::loadLayer(const VisionConfig& config, WeightReader& reader,
                                          int index) {
    const std::string p = "vision.encoder.layers." + std::to_string(index) + ".";
    const std::int64_t h = config.hiddenSize;
    const std::int64_t m = config.intermediateSize;
    Layer layer;
    layer.norm1Weight = reader.compute(p + "layer_norm1.weight", {h});
    layer.norm1Bias = reader.compute(p + "layer_norm1.bias", {h});
    layer.qWeight = reader.compute(p + "self_attn.q_proj.weight", {h, h});
    layer.qBias = reader.compute(p + "self_attn.q_proj.bias", {h});
    layer.kWeight = reader.compute(p + "self_attn.k_proj.weight", {h, h});
    layer.kBias = reader.compute(p + "self_attn.k_proj.bias", {h});
    layer.vWeight = reader.compute(p + "self_attn.v_proj.weight", {h, h});
    layer.vBias = reader.compute(p + "self_attn.v_proj.bias", {h});
    layer.outWeight = reader.compute(p + "self_attn.out_proj.weight", {h, h});
    layer.outBias = reader.compute(p + "self_attn.out_proj.bias", {h});
    layer.norm2Weight = reader.compute(p + "layer_norm2.weight", {h});
    layer.norm2Bias = reader.compute(p + "layer_norm2.bias", {h});
    layer.fc1Weight = reader.compute(p + "mlp.fc1.weight", {m, h});
    layer.fc1Bias = reader.compute(p + "mlp.fc1.bias", {m});
    layer.fc2Weight = reader.compute(p + "mlp.fc2.weight", {h, m});
    layer.fc2Bias = reader.compute(p + "mlp.fc2.bias", {h});
    return layer;
}

at::Tensor VisionTower::embed(const at::Tensor& pixels) const {
    const std::int64_t c = m_config.numChannels;
    const std::int64_t p = m_config.patchSize;
    const std::int64_t side = m_config.patchesPerSide();
    // [C, S, S] -> [row, col, C, p, p] -> one flattened patch per row, in the (C, kh, kw) order
    // of the convolution kernel, so the convolution becomes a single matmul.
    const at::Tensor patches = pixels.to(m_patchWeight.scalar_type())
                                   .contiguous()
                                   .view({c, side, p, side, p})
                                   .permute({1, 3, 0, 2, 4})
                                   .reshape({side * side, c * p * p});
    return at::linear(patches, m_patchWeight, m_patchBias) + m_positions;
}

at::Tensor VisionTower::attentionBlock(const Layer& layer, const at::Tensor& hidden,
                                       const StopFlag& stop) const {
    const std::int64_t heads = m_config.numHeads;
    const std::int64_t headDim = m_config.hiddenSize / heads;
    const std::int64_t tokens = hidden.size(0);
    const at::Tensor x =
        layerNorm(hidden, layer.norm1Weight, layer.norm1Bias, m_config.layerNormEps);
    const auto project = [&](const at::Tensor& weight, const at::Tensor& bias) {
        return at::linear(x, weight, bias).view({tokens, heads, headDim}).transpose(0, 1);
    };
    AttentionParams params;
    params.scale = 1.0 / std::sqrt(static_cast<double>(headDim));
    params.stop = &stop;
    const at::Tensor context = attend(project(layer.qWeight, layer.qBias),
                                      project(layer.kWeight, layer.kBias).contiguous(),
                                      project(layer.vWeight, layer.vBias).contiguous(), params);
    if (!context.defined()) {
        return {};
    }
    return hidden + at::linear(context, layer.outWeight, layer.outBias);
}

at::Tensor VisionTower::mlpBlock(const Layer& layer, const at::Tensor& hidden,
                                 const StopFlag& stop) const {
    const at::Tensor x =
        layerNorm(hidden, layer.norm2Weight, layer.norm2Bias, m_config.layerNormEps);
    const std::int64_t tokens = hidden.size(0);
    if (tokens <= kMlpRows || !hidden.device().is_cpu()) {
        const at::Tensor inner = geluTanh(at::linear(x, layer.fc1Weight, layer.fc1Bias));
        return hidden + at::linear(inner, layer.fc2Weight, layer.fc2Bias);
    }
    // Rows are independent through the MLP, so blocks of rows give the same values.
    at::Tensor out = at::empty_like(hidden);
    for (std::int64_t r0 = 0; r0 < tokens; r0 += kMlpRows) {
        if (stopRequested(stop)) {
            return {};
        }
        const std::int64_t n = std::min(kMlpRows, tokens - r0);
        const at::Tensor inner =
            geluTanh(at::linear(x.narrow(0, r0, n), layer.fc1Weight, layer.fc1Bias));
        at::Tensor rows = out.narrow(0, r0, n);
        at::add_out(rows, hidden.narrow(0, r0, n),
                    at::linear(inner, layer.fc2Weight, layer.fc2Bias));
    }
    return out;
}

Result<at::Tensor> VisionTower::forward(const at::Tensor& pixels, const StopFlag& stop) const {
    at::Tensor hidden = embed(pixels);
    for (const Layer& layer : m_layers) {
        hidden = attentionBlock(layer, hidden, stop);
        if (!hidden.defined() || stopRequested(stop)) {
            return cancelledError("image encoding");
        }
        hidden = mlpBlock(layer, hidden, stop);
        if (!hidden.defined() || stopRequested(stop)) {
            return cancelledError("image encoding");
        }
    }
    return layerNorm(hidden, m_postNormWeight, m_postNormBias, m_config.layerNormEps);
}

}  // namespace inference
