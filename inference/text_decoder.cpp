#include "inference/text_decoder.h"

#include <cmath>
#include <string>

#include "inference/lm_head.h"
#include "inference/rms_norm.h"
#include "inference/weights.h"

namespace inference {

TextDecoder TextDecoder::load(const ModelConfig& config, WeightReader& reader,
                              bool applyFinalSoftcap) {
    const TextConfig& text = config.text;
    TextDecoder decoder;
    decoder.m_config = text;
    decoder.m_computeType = reader.computeType();
    decoder.m_device = reader.device();
    // transformers keeps sqrt(hidden) as a float32 buffer and casts it to the weight dtype.
    decoder.m_embeddingScale =
        at::scalar_tensor(std::sqrt(static_cast<double>(text.hiddenSize)), at::kFloat)
            .to(decoder.m_computeType)
            .to(at::kFloat)
            .item<float>();
    decoder.m_embedding =
        LinearWeight(reader.compute("text.embed_tokens.weight", {text.vocabSize, text.hiddenSize}));
    decoder.m_head = decoder.m_embedding;
    // As in transformers, tie_word_embeddings wins over a stored lm_head copy.
    if (!text.tieWordEmbeddings && reader.contains("lm_head.weight")) {
        decoder.m_head =
            LinearWeight(reader.compute("lm_head.weight", {text.vocabSize, text.hiddenSize}));
        decoder.m_headTied = false;
    }
    for (int i = 0; i < text.numLayers; ++i) {
        decoder.m_layers.push_back(DecoderLayer::load(text, reader, i));
    }
    decoder.m_finalNorm = reader.normPlusOne("text.norm.weight", {text.hiddenSize});
    if (applyFinalSoftcap) {
        decoder.m_finalSoftcap = text.finalLogitSoftcapping;
    }
    decoder.m_localRope = RotaryEmbedding(text.headDim, text.ropeLocal);
    decoder.m_globalRope = RotaryEmbedding(text.headDim, text.ropeGlobal);
    return decoder;
}

at::Tensor TextDecoder::embed(const at::Tensor& ids) const {
    const at::Tensor scale = at::scalar_tensor(embeddingScale(), at::kFloat).to(m_computeType);
    return m_embedding.gatherRows(ids.to(m_device)) * scale.to(m_device);
}

bool TextDecoder::isQuantizable(const std::string& name) {
    return isTextLayerProjection(name) || name == "text.embed_tokens.weight" ||
           name == "lm_head.weight";
}

std::vector<std::pair<std::string, LinearWeight*>> TextDecoder::projections() {
    std::vector<std::pair<std::string, LinearWeight*>> list;
    for (std::size_t i = 0; i < m_layers.size(); ++i) {
        DecoderLayerWeights& w = m_layers[i].mutableWeights();
        const std::string p = "text.layers." + std::to_string(i) + ".";
        list.emplace_back(p + "self_attn.q_proj.weight", &w.q);
        list.emplace_back(p + "self_attn.k_proj.weight", &w.k);
        list.emplace_back(p + "self_attn.v_proj.weight", &w.v);
        list.emplace_back(p + "self_attn.o_proj.weight", &w.o);
        list.emplace_back(p + "mlp.gate_proj.weight", &w.gate);
        list.emplace_back(p + "mlp.up_proj.weight", &w.up);
        list.emplace_back(p + "mlp.down_proj.weight", &w.down);
    }
    list.emplace_back("text.embed_tokens.weight", &m_embedding);
    if (!m_headTied) {
        list.emplace_back("lm_head.weight", &m_head);
    }
    return list;
}

ChunkContext TextDecoder::makeChunk(std::int64_t start, std::int64_t length,
                                    const ImageBlocks& blocks, const StopFlag& stop) const {
    ChunkContext chunk;
    chunk.start = start;
    chunk.blocks = &blocks;
    chunk.stop = &stop;
    const at::ScalarType type = computeType();
    // The tables are computed in float32 on the CPU (as transformers computes them) and moved
    // once per chunk.
    auto [localCos, localSin] = m_localRope.table(start, length);
    auto [globalCos, globalSin] = m_globalRope.table(start, length);
    chunk.localCos = localCos.to(m_device, type);
    chunk.localSin = localSin.to(m_device, type);
    chunk.globalCos = globalCos.to(m_device, type);
    chunk.globalSin = globalSin.to(m_device, type);
    return chunk;
}

Result<at::Tensor> TextDecoder::forward(at::Tensor hidden, std::int64_t start,
                                        const ImageBlocks& blocks, KvCache& cache,
                                        const StopFlag& stop, const LayerObserver* observer) const {
    const ChunkContext chunk = makeChunk(start, hidden.size(0), blocks, stop);
    for (std::size_t i = 0; i < m_layers.size(); ++i) {
        if (stopRequested(stop)) {
            return cancelledError("the decoder layers");
        }
        if (observer) {
            (*observer)(static_cast<int>(i), hidden);
        }
        hidden = m_layers[i].forward(hidden, chunk, cache);
        if (!hidden.defined()) {
            return cancelledError("the decoder layers");
        }
    }
    return gemmaRmsNorm(hidden, m_finalNorm, m_config.rmsNormEps);
}

std::vector<const LinearWeight*> TextDecoder::decodeMatrices() const {
    std::vector<const LinearWeight*> matrices;
    for (const DecoderLayer& layer : m_layers) {
        const DecoderLayerWeights& w = layer.weights();
        matrices.insert(matrices.end(), {&w.q, &w.k, &w.v, &w.o, &w.gate, &w.up, &w.down});
    }
    matrices.push_back(&m_head);
    return matrices;
}

std::vector<MemoryRegion> TextDecoder::decodeRegions() const {
    std::vector<MemoryRegion> regions;
    for (const LinearWeight* m : decodeMatrices()) {
        m->appendStreamedRegions(regions);
    }
    return regions;
}

std::vector<at::Tensor> TextDecoder::decodeDeviceTensors() const {
    std::vector<at::Tensor> tensors;
    for (const LinearWeight* m : decodeMatrices()) {
        m->appendDeviceTensors(tensors);
    }
    return tensors;
}

at::Tensor TextDecoder::logits(const at::Tensor& normed) const {
    return headLogits(normed, m_head, m_finalSoftcap);
}

}  // namespace inference
