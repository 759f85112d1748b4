#include "inference/static_decode.h"

#include <cstdlib>
#include <cstring>
#include <limits>

#include "inference/decode_step.h"
#include "inference/lm_head.h"
#include "inference/rms_norm.h"

namespace inference {
namespace {

const char* decodeOverride() {
    const char* setting = std::getenv("MEDGEMMA_DECODE");
    return setting ? setting : "";
}

at::Tensor firstStorageOf(const std::vector<KvCache::LayerStorage>& storage, bool sliding) {
    for (const KvCache::LayerStorage& layer : storage) {
        if (layer.sliding == sliding) {
            return layer.k;
        }
    }
    return {};
}

}  // namespace

DecodePath decodePathFor(const Model& model) {
    if (kernelDecodeSupported(model)) {
        return DecodePath::CpuKernels;
    }
    if (std::strcmp(decodeOverride(), "eager") == 0) {
        return DecodePath::Eager;
    }
    if (std::strcmp(decodeOverride(), "static") == 0) {
        return DecodePath::Static;
    }
    return model.device().is_cpu() ? DecodePath::Eager : DecodePath::Static;
}

StaticDecoder::StaticDecoder(const Model& model, const KvCache& cache) : m_model(model) {
    for (int i = 0; i < cache.layerCount(); ++i) {
        m_storage.push_back(cache.layerStorage(i));
    }
    const TextDecoder& decoder = model.decoder();
    const at::Device device = model.device();
    const auto longs = at::TensorOptions().dtype(at::kLong).device(device);
    m_token = at::zeros({1}, longs);
    m_position = at::zeros({1}, longs);
    m_logits = at::zeros({decoder.config().vocabSize},
                         at::TensorOptions().dtype(at::kFloat).device(device));
    m_embeddingScale =
        at::scalar_tensor(decoder.embeddingScale(), at::kFloat).to(device, model.scalarType());
    m_localFrequencies = decoder.rope(true).inverseFrequencies().to(device);
    m_globalFrequencies = decoder.rope(false).inverseFrequencies().to(device);
    for (bool sliding : {true, false}) {
        const at::Tensor storage = firstStorageOf(m_storage, sliding);
        if (storage.defined()) {
            (sliding ? m_localSlots : m_globalSlots) = at::arange(storage.size(1), longs);
        }
    }
    std::string why;
    m_description = "libtorch, fixed shapes";
    if (device.is_cuda() && cudaGraphsEnabled(&why)) {
        m_description = "cuda graph";
    } else {
        m_description += device.is_cuda() ? " (" + why + ")" : "";
    }
}

bool StaticDecoder::boundTo(const KvCache& cache) const {
    if (cache.layerCount() != static_cast<int>(m_storage.size())) {
        return false;
    }
    for (int i = 0; i < cache.layerCount(); ++i) {
        const KvCache::LayerStorage now = cache.layerStorage(i);
        const KvCache::LayerStorage& bound = m_storage[static_cast<std::size_t>(i)];
        if (!now.k.is_same(bound.k) || !now.v.is_same(bound.v)) {
            return false;
        }
    }
    return true;
}

void StaticDecoder::setInput(std::int64_t token, std::int64_t position) {
    // fill_ takes the value as a kernel argument: no copy from host memory.
    m_token.fill_(token);
    m_position.fill_(position);
}

void StaticDecoder::step() {
    if (!m_captureTried) {
        m_captureTried = true;
        tryCapture();
    }
    if (m_graph.captured()) {
        m_graph.replay();
    } else {
        compute();
    }
}

void StaticDecoder::tryCapture() {
    if (!m_model.device().is_cuda() || !cudaGraphsEnabled()) {
        return;
    }
    const at::Tensor token = m_token.clone();
    const at::Tensor position = m_position.clone();
    const std::string failure = m_graph.capture([this] { compute(); },
                                                [&] {
                                                    m_token.copy_(token);
                                                    m_position.copy_(position);
                                                });
    if (!failure.empty()) {
        m_description = "libtorch, fixed shapes (" + failure + ")";
    }
}

StaticDecoder::RingView StaticDecoder::ringView(bool sliding) const {
    const at::Tensor& slots = sliding ? m_localSlots : m_globalSlots;
    RingView view;
    if (!slots.defined()) {
        return view;
    }
    // Full layers: slot = position. Rings: position mod size; a ring sized below the window
    // never wraps within the context it was sized for.
    view.slotIndex = sliding ? m_position.remainder(slots.size(0)) : m_position;
    view.hidden = slots > m_position;
    // As rope.cpp: float32 angles position * inv_freq, both halves, cast to the compute dtype.
    const at::Tensor& frequencies = sliding ? m_localFrequencies : m_globalFrequencies;
    const at::Tensor angles = m_position.to(at::kFloat) * frequencies;
    const at::Tensor both = at::cat({angles, angles}).unsqueeze(0);
    view.cos = at::cos(both).to(m_model.scalarType());
    view.sin = at::sin(both).to(m_model.scalarType());
    return view;
}

void StaticDecoder::compute() {
    const TextDecoder& decoder = m_model.decoder();
    const RingView local = ringView(true);
    const RingView global = ringView(false);
    at::Tensor hidden = decoder.embedding().gatherRows(m_token) * m_embeddingScale;  // [1, H]
    for (const DecoderLayer& layer : decoder.layers()) {
        const RingView& view = layer.params().sliding ? local : global;
        hidden = layer.forwardWith(
            hidden, [&](const at::Tensor& normed) { return attention(layer, normed, view); },
            nullptr);
    }
    const at::Tensor normed =
        gemmaRmsNorm(hidden, decoder.finalNorm(), decoder.config().rmsNormEps);
    m_logits.copy_(fixedShapeHeadLogits(normed, decoder.head(), decoder.finalSoftcap())[0]);
    m_token.copy_(at::argmax(m_logits).view({1}));
    m_position.add_(1);
}

// As DecoderLayer::selfAttention and attend() for one query row, over every slot of the
// layer's storage with the slots the token must not see masked out.
at::Tensor StaticDecoder::attention(const DecoderLayer& layer, const at::Tensor& x,
                                    const RingView& view) const {
    const DecoderLayerParams& p = layer.params();
    const KvCache::LayerStorage& cache = m_storage[static_cast<std::size_t>(p.index)];
    const DecoderLayer::QueryKeyValue qkv = layer.projectQkv(x, view.cos, view.sin);
    cache.k.index_copy_(1, view.slotIndex, qkv.k);
    cache.v.index_copy_(1, view.slotIndex, qkv.v);
    const at::Tensor grouped =
        qkv.q.mul(p.scale).reshape({p.kvHeads, p.heads / p.kvHeads, p.headDim});
    at::Tensor scores = at::matmul(grouped, cache.k.transpose(1, 2));  // [Hkv, group, slots]
    if (p.softcap) {
        scores =
            at::tanh(scores.to(at::kFloat) / *p.softcap).mul_(*p.softcap).to(scores.scalar_type());
    }
    scores.masked_fill_(view.hidden, -std::numeric_limits<float>::infinity());
    const at::Tensor context = at::matmul(at::softmax(scores, -1), cache.v);  // [Hkv, group, D]
    return layer.weights().o.forward(context.reshape({1, p.heads * p.headDim}));
}

}  // namespace inference
