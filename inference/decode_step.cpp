#include "inference/decode_step.h"

#include <algorithm>
#include <cmath>

#include <ATen/Parallel.h>

#include "inference/kernels/cpu_features.h"
#include "inference/kernels/vector_math.h"

namespace inference {
namespace {

using kernels::bf16_t;

// Gemma RMSNorm in float32 (rms_norm.h): x * rsqrt(mean(x^2) + eps) * (1 + w); out may be x.
void rmsNorm(const float* x, const at::Tensor& onePlusWeight, std::int64_t n, double eps,
             float* out) {
    double sum = 0.0;
    for (std::int64_t i = 0; i < n; ++i) {
        sum += double(x[i]) * double(x[i]);
    }
    const float inverse = 1.0f / std::sqrt(float(sum / double(n)) + float(eps));
    const float* w = onePlusWeight.data_ptr<float>();
    for (std::int64_t i = 0; i < n; ++i) {
        out[i] = x[i] * inverse * w[i];
    }
}

void addInto(float* hidden, const float* x, std::int64_t n) {
    for (std::int64_t i = 0; i < n; ++i) {
        hidden[i] += x[i];
    }
}

// Rotate-half RoPE (rope.h) with cos/sin of one position, halves equal.
void rotate(float* x, const float* cos, const float* sin, std::int64_t dim) {
    const std::int64_t half = dim / 2;
    for (std::int64_t i = 0; i < half; ++i) {
        const float a = x[i];
        const float b = x[i + half];
        x[i] = a * cos[i] - b * sin[i];
        x[i + half] = b * cos[i] + a * sin[i];
    }
}

void ropeTable(const RotaryEmbedding& rope, std::int64_t position, float* cos, float* sin) {
    const at::Tensor& inverse = rope.inverseFrequencies();
    const float* f = inverse.data_ptr<float>();
    for (std::int64_t i = 0; i < inverse.numel(); ++i) {
        // float32 angle as rope.cpp computes it (position as float times the frequency).
        const float angle = float(position) * f[i];
        cos[i] = std::cos(angle);
        sin[i] = std::sin(angle);
    }
}

void storeBf16(const float* x, std::int64_t n, bf16_t* out) {
    for (std::int64_t i = 0; i < n; ++i) {
        out[i] = kernels::floatToBf16(x[i]);
    }
}

bf16_t* bf16Data(const at::Tensor& t) {
    return reinterpret_cast<bf16_t*>(t.data_ptr<at::BFloat16>());
}

}  // namespace

// Runs one step over the model's layers with the workspace's buffers.
class DecodeStepRunner {
public:
    DecodeStepRunner(const Model& model, KvCache& cache, DecodeWorkspace& ws)
        : m_decoder(model.decoder()), m_cache(cache), m_ws(ws) {}

    Result<at::Tensor> run(std::int64_t token, const StopFlag& stop) {
        const std::int64_t position = m_cache.length();
        embed(token);
        ropeTable(m_decoder.rope(true), position, m_ws.m_localCos.data(), m_ws.m_localSin.data());
        ropeTable(m_decoder.rope(false), position, m_ws.m_globalCos.data(),
                  m_ws.m_globalSin.data());
        for (const DecoderLayer& layer : m_decoder.layers()) {
            if (stopRequested(stop)) {
                return cancelledError("the decoder layers");
            }
            attention(layer, position);
            mlp(layer);
        }
        m_cache.commit(position + 1);
        return head();
    }

private:
    std::int64_t hiddenSize() const { return m_decoder.config().hiddenSize; }
    DecodeThreadPool* pool() const { return m_ws.m_pool.get(); }

    void embed(std::int64_t token) {
        const LinearWeight& table = m_decoder.embedding();
        const bf16_t* row = m_ws.m_row.data();
        if (table.isQuantized()) {
            kernels::dequantizeRow(table.quant(), token, m_ws.m_row.data());
        } else {
            row = bf16Data(table.dense()) + token * table.dense().stride(0);
        }
        // As TextDecoder::embed: the product is rounded to the compute dtype.
        const float scale = m_decoder.embeddingScale();
        for (std::int64_t i = 0; i < hiddenSize(); ++i) {
            m_ws.m_hidden[i] =
                kernels::bf16ToFloat(kernels::floatToBf16(kernels::bf16ToFloat(row[i]) * scale));
        }
    }

    void attention(const DecoderLayer& layer, std::int64_t position) {
        const DecoderLayerParams& p = layer.params();
        const DecoderLayerWeights& w = layer.weights();
        const std::int64_t d = p.headDim;
        rmsNorm(m_ws.m_hidden.data(), w.inputNorm, hiddenSize(), p.eps, m_ws.m_normed.data());
        m_ws.m_input.prepare(w.q, m_ws.m_normed.data());
        const VectorProduct qkv[3] = {
            {&w.q, m_ws.m_q.data()}, {&w.k, m_ws.m_k.data()}, {&w.v, m_ws.m_v.data()}};
        multiplyVector(qkv, 3, m_ws.m_input, pool());
        const float* cos = p.sliding ? m_ws.m_localCos.data() : m_ws.m_globalCos.data();
        const float* sin = p.sliding ? m_ws.m_localSin.data() : m_ws.m_globalSin.data();
        for (std::int64_t h = 0; h < p.heads; ++h) {
            float* q = m_ws.m_q.data() + h * d;
            rmsNorm(q, w.qNorm, d, p.eps, q);
            rotate(q, cos, sin, d);
            for (std::int64_t i = 0; i < d; ++i) {
                q[i] *= float(p.scale);
            }
        }
        const KvCache::TokenSlot slot = m_cache.tokenSlot(p.index, position);
        const std::int64_t slots = slot.k.size(1);
        for (std::int64_t h = 0; h < p.kvHeads; ++h) {
            float* k = m_ws.m_k.data() + h * d;
            rmsNorm(k, w.kNorm, d, p.eps, k);
            rotate(k, cos, sin, d);
            storeBf16(k, d, bf16Data(slot.k) + (h * slots + slot.slot) * d);
            storeBf16(m_ws.m_v.data() + h * d, d, bf16Data(slot.v) + (h * slots + slot.slot) * d);
        }
        attendHeads(p, slot);
        m_ws.m_input.prepare(w.o, m_ws.m_context.data());
        const VectorProduct o{&w.o, m_ws.m_projected.data()};
        multiplyVector(&o, 1, m_ws.m_input, pool());
        rmsNorm(m_ws.m_projected.data(), w.postAttentionNorm, hiddenSize(), p.eps,
                m_ws.m_projected.data());
        addInto(m_ws.m_hidden.data(), m_ws.m_projected.data(), hiddenSize());
    }

    // Query heads grouped by their KV head; one KV head per thread at a time.
    void attendHeads(const DecoderLayerParams& p, const KvCache::TokenSlot& slot) {
        const std::int64_t d = p.headDim;
        const std::int64_t group = p.heads / p.kvHeads;
        const std::int64_t n = slot.used;
        const std::int64_t slots = slot.k.size(1);
        const bf16_t* keys = bf16Data(slot.k);
        const bf16_t* values = bf16Data(slot.v);
        parallelChunks(pool(), p.kvHeads, 1, [&](std::int64_t first, std::int64_t last) {
            for (std::int64_t h = first; h < last; ++h) {
                float* scores = m_ws.m_scores.data() + h * group * n;
                kernels::attentionScores(m_ws.m_q.data() + h * group * d, group,
                                         keys + h * slots * d, n, d, scores);
                for (std::int64_t g = 0; g < group; ++g) {
                    float* row = scores + g * n;
                    if (p.softcap) {
                        const float cap = float(*p.softcap);
                        for (std::int64_t j = 0; j < n; ++j) {
                            row[j] = cap * std::tanh(row[j] / cap);
                        }
                    }
                    kernels::softmaxInPlace(row, n);
                }
                kernels::attentionValues(scores, group, values + h * slots * d, n, d,
                                         m_ws.m_context.data() + h * group * d);
            }
        });
    }

    void mlp(const DecoderLayer& layer) {
        const DecoderLayerParams& p = layer.params();
        const DecoderLayerWeights& w = layer.weights();
        rmsNorm(m_ws.m_hidden.data(), w.preFeedforwardNorm, hiddenSize(), p.eps,
                m_ws.m_normed.data());
        m_ws.m_input.prepare(w.gate, m_ws.m_normed.data());
        gatedUnits(w);
        m_ws.m_input.prepare(w.down, m_ws.m_act.data());
        const VectorProduct down{&w.down, m_ws.m_projected.data()};
        multiplyVector(&down, 1, m_ws.m_input, pool());
        rmsNorm(m_ws.m_projected.data(), w.postFeedforwardNorm, hiddenSize(), p.eps,
                m_ws.m_projected.data());
        addInto(m_ws.m_hidden.data(), m_ws.m_projected.data(), hiddenSize());
    }

    // gate and up rows stream together, a chunk of 64 rows at a time, and the GELU gate is
    // applied while those rows' results are still in L1.
    void gatedUnits(const DecoderLayerWeights& w) {
        const std::int64_t perUnit = rowsPerUnit(w.gate);
        const std::int64_t rows = w.gate.rows();
        parallelChunks(pool(), workUnits(w.gate), chunkUnits(w.gate),
                       [&](std::int64_t first, std::int64_t last) {
                           multiplyUnits({&w.gate, m_ws.m_gate.data()}, m_ws.m_input, first, last);
                           multiplyUnits({&w.up, m_ws.m_up.data()}, m_ws.m_input, first, last);
                           const std::int64_t r0 = first * perUnit;
                           const std::int64_t r1 = std::min(rows, last * perUnit);
                           kernels::geluTanhMul(m_ws.m_gate.data() + r0, m_ws.m_up.data() + r0,
                                                m_ws.m_act.data() + r0, r1 - r0);
                       });
    }

    at::Tensor head() {
        const LinearWeight& head = m_decoder.head();
        rmsNorm(m_ws.m_hidden.data(), m_decoder.finalNorm(), hiddenSize(),
                m_decoder.config().rmsNormEps, m_ws.m_normed.data());
        m_ws.m_input.prepare(head, m_ws.m_normed.data());
        float* logits = m_ws.m_logits.data_ptr<float>();
        const VectorProduct product{&head, logits};
        multiplyVector(&product, 1, m_ws.m_input, pool());
        if (const std::optional<double> cap = m_decoder.finalSoftcap()) {
            for (std::int64_t i = 0; i < head.rows(); ++i) {
                logits[i] = float(*cap) * std::tanh(logits[i] / float(*cap));
            }
        }
        return m_ws.m_logits;
    }

    const TextDecoder& m_decoder;
    KvCache& m_cache;
    DecodeWorkspace& m_ws;
};

void DecodeWorkspace::reserve(const Model& model, std::int64_t contextCapacity) {
    const TextConfig& c = model.config().text;
    const auto grow = [](std::vector<float>& v, std::int64_t n) {
        if (std::int64_t(v.size()) < n) {
            v.resize(std::size_t(n));
        }
    };
    for (std::vector<float>* v : {&m_hidden, &m_normed, &m_projected}) {
        grow(*v, c.hiddenSize);
    }
    grow(m_q, c.numHeads * c.headDim);
    grow(m_context, c.numHeads * c.headDim);
    grow(m_k, c.numKvHeads * c.headDim);
    grow(m_v, c.numKvHeads * c.headDim);
    for (std::vector<float>* v : {&m_gate, &m_up, &m_act}) {
        grow(*v, c.intermediateSize);
    }
    for (std::vector<float>* v : {&m_localCos, &m_localSin, &m_globalCos, &m_globalSin}) {
        grow(*v, c.headDim);
    }
    grow(m_scores, c.numHeads * contextCapacity);
    if (std::int64_t(m_row.size()) < c.hiddenSize) {
        m_row.resize(std::size_t(c.hiddenSize));
    }
    m_input.reserve(std::max({c.hiddenSize, c.numHeads * c.headDim, c.intermediateSize}));
    if (!m_logits.defined() || m_logits.numel() != c.vocabSize) {
        m_logits = at::empty({c.vocabSize}, at::kFloat);
    }
    m_capacity = std::max(m_capacity, contextCapacity);
    // As many threads as libtorch uses (LoadOptions::threads); re-made if that changed.
    const int threads = at::get_num_threads();
    if (!m_pool || m_pool->size() != threads) {
        m_pool = std::make_unique<DecodeThreadPool>(threads);
    }
}

bool kernelDecodeSupported(const Model& model) {
    // Quantized matrices have no other decode path; dense bf16 ones take libtorch's when the
    // CPU kernels are switched off (the path of other devices).
    return model.device().is_cpu() && model.computeType() == ComputeType::BFloat16 &&
           (kernels::cpuKernelsEnabled() || model.quantizedStore() != nullptr);
}

Result<at::Tensor> kernelDecodeStep(const Model& model, KvCache& cache, DecodeWorkspace& workspace,
                                    std::int64_t token, const StopFlag& stop) {
    // A cache grown past the reserved context (KvCache doubles on demand) needs more scores;
    // doubling keeps that growth to a few allocations.
    const std::int64_t needed = cache.length() + 1;
    if (!workspace.fits(needed)) {
        workspace.reserve(model, std::max(needed, 2 * workspace.capacity()));
    }
    return DecodeStepRunner(model, cache, workspace).run(token, stop);
}

}  // namespace inference
