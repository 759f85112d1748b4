#include "inference/attention.h"

#include <algorithm>
#include <limits>

#include <torch/version.h>

#include "inference/activations.h"
#include "inference/device_path.h"

// libtorch's fused attention (flash and memory-efficient kernels on CUDA) from 2.1 on, where it
// takes a scale; Debian's libtorch 1.13 has none, and the CPU uses its own path below anyway.
// (MEDGEMMA_FORCE_FUSED_ATTENTION: only for the syntax check of tests/project.)
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 1) || \
    defined(MEDGEMMA_FORCE_FUSED_ATTENTION)
#define MEDGEMMA_HAVE_FUSED_ATTENTION 1
#endif

namespace inference {
namespace {

// Score elements per query block (64 MiB in float32): large enough for efficient matmuls,
// small enough for 4,096-token vision layers and long prompts.
constexpr std::int64_t kScoreBudget = std::int64_t{1} << 24;
// Per-head path: score elements per block (4 MiB in bf16, a cache-sized block), and the query
// rows from which it is used.
constexpr std::int64_t kBlockElements = std::int64_t{1} << 21;
constexpr std::int64_t kPerHeadMinRows = 64;

struct KeyRange {
    std::int64_t begin = 0;  // key index (not position)
    std::int64_t end = 0;
};

// Keys visible to query rows [r0, r1): causal up to the last row (or the end of an image block
// a row belongs to), and back to the window start of the first row (or the start of its block).
KeyRange visibleKeys(const AttentionMask& mask, std::int64_t r0, std::int64_t r1,
                     std::int64_t keyCount) {
    std::int64_t first = mask.queryStart + r0;
    std::int64_t last = mask.queryStart + r1 - 1;
    std::int64_t low = mask.window > 0 ? first - mask.window + 1 : mask.keyStart;
    if (mask.blocks && !mask.blocks->empty()) {
        for (std::int64_t r = r0; r < r1; ++r) {
            const std::int32_t block = mask.blocks->blockOf[static_cast<std::size_t>(r)];
            if (block >= 0) {
                const auto& extent = mask.blocks->extents[static_cast<std::size_t>(block)];
                low = std::min(low, mask.queryStart + extent.first);
                last = std::max(last, mask.queryStart + extent.second - 1);
            }
        }
    }
    KeyRange range;
    range.begin = std::clamp<std::int64_t>(low - mask.keyStart, 0, keyCount);
    range.end = std::clamp<std::int64_t>(last + 1 - mask.keyStart, range.begin, keyCount);
    return range;
}

// Block ids of keys [begin, end): keys before the query chunk belong to no block.
at::Tensor keyBlockIds(const AttentionMask& mask, const KeyRange& keys) {
    at::Tensor ids = at::full({keys.end - keys.begin}, -1, at::kInt);
    auto* out = ids.data_ptr<std::int32_t>();
    for (std::int64_t c = keys.begin; c < keys.end; ++c) {
        const std::int64_t row = mask.keyStart + c - mask.queryStart;
        if (row >= 0) {
            out[c - keys.begin] = mask.blocks->blockOf[static_cast<std::size_t>(row)];
        }
    }
    return ids;
}

// Boolean [rows, keys] "may attend" matrix (spec §5.1-5.3).
at::Tensor allowedMatrix(const AttentionMask& mask, std::int64_t r0, std::int64_t r1,
                         const KeyRange& keys) {
    const auto longOptions = at::TensorOptions().dtype(at::kLong);
    const at::Tensor queryPos =
        at::arange(mask.queryStart + r0, mask.queryStart + r1, longOptions).unsqueeze(1);
    const at::Tensor keyPos =
        at::arange(mask.keyStart + keys.begin, mask.keyStart + keys.end, longOptions).unsqueeze(0);
    at::Tensor allowed = keyPos <= queryPos;
    if (mask.window > 0) {
        allowed.logical_and_((queryPos - keyPos) < mask.window);
    }
    if (mask.blocks && !mask.blocks->empty()) {
        const auto begin = mask.blocks->blockOf.begin();
        const at::Tensor queryBlocks =
            at::tensor(std::vector<std::int32_t>(begin + r0, begin + r1), at::kInt).unsqueeze(1);
        const at::Tensor keyBlocks = keyBlockIds(mask, keys).unsqueeze(0);
        allowed.logical_or_((queryBlocks == keyBlocks).logical_and_(queryBlocks >= 0));
    }
    return allowed;
}

// One block of query rows (already scaled, heads grouped per KV head: [Hkv, group * n, D])
// over its keys; `allowed` is [n, keys] or undefined when every key is visible.
at::Tensor attendBlock(const at::Tensor& qBlock, const at::Tensor& kBlock, const at::Tensor& vBlock,
                       const at::Tensor& allowed, std::optional<double> softcap,
                       std::int64_t group) {
    at::Tensor scores = at::matmul(qBlock, kBlock.transpose(1, 2));
    if (softcap) {
        scores = at::tanh(scores.to(at::kFloat) / *softcap).mul_(*softcap).to(qBlock.scalar_type());
    }
    if (allowed.defined()) {
        scores.view({kBlock.size(0), group, allowed.size(0), allowed.size(1)})
            .masked_fill_(allowed.logical_not(), -std::numeric_limits<float>::infinity());
    }
    // libtorch's softmax of bf16 input computes in float32 and rounds once: the values of
    // transformers' softmax(dtype=float32).to(bf16), without a float32 copy of the scores.
    return at::matmul(at::softmax(scores, -1), vBlock);
}

// Unmasked attention over many query rows (a SigLIP layer: 4,096 x 4,096 per head): one head
// at a time, in blocks of rows whose bf16 score block stays cache-sized. Per head the matmuls
// are plain 2-D products with keys pre-transposed once, which oneDNN runs near its bf16 peak,
// unlike the batched products with a 72-wide inner dimension. Softmax runs in place. The
// context is formed transposed, V^T S^T ([D, n]): with D = 72 as the row count oneDNN runs it
// at ~850 GFLOP/s against ~710 for S V with 72 columns (2 threads).
at::Tensor attendPerHead(const at::Tensor& scaled, const at::Tensor& k, const at::Tensor& v,
                         const AttentionParams& params) {
    const std::int64_t heads = scaled.size(0);
    const std::int64_t rows = scaled.size(1);
    const std::int64_t dim = scaled.size(2);
    const std::int64_t group = heads / k.size(0);
    const std::int64_t keys = k.size(1);
    const at::Tensor keysT = k.transpose(1, 2).contiguous();  // [Hkv, D, Lk]
    const at::Tensor valuesT = v.transpose(1, 2).contiguous();  // [Hkv, D, Lk]
    const std::int64_t blockRows = std::clamp<std::int64_t>(kBlockElements / keys, 16, rows);
    at::Tensor scores = at::empty({blockRows, keys}, scaled.options());
    at::Tensor contextT = at::empty({dim, blockRows}, scaled.options());
    at::Tensor out = at::empty({rows, heads * dim}, scaled.options());
    for (std::int64_t h = 0; h < heads; ++h) {
        for (std::int64_t r0 = 0; r0 < rows; r0 += blockRows) {
            if (params.stop && stopRequested(*params.stop)) {
                return {};
            }
            const std::int64_t n = std::min(blockRows, rows - r0);
            at::Tensor s = scores.narrow(0, 0, n);
            at::mm_out(s, scaled[h].narrow(0, r0, n), keysT[h / group]);
            if (params.softcap) {
                s.copy_(at::tanh(s.to(at::kFloat) / *params.softcap).mul_(*params.softcap));
            }
            softmaxRows(s);
            at::Tensor c = n == blockRows ? contextT : at::empty({dim, n}, scaled.options());
            at::mm_out(c, valuesT[h / group], s.t());
            out.narrow(0, r0, n).narrow(1, h * dim, dim).copy_(c.t());
        }
    }
    return out;
}

#ifdef MEDGEMMA_HAVE_FUSED_ATTENTION
// The mask of the whole chunk on `device` (undefined without a mask), from the caller's cache
// when it holds one of this shape.
at::Tensor fusedMask(const AttentionParams& params, std::int64_t rows, std::int64_t keys,
                     at::Device device) {
    if (!params.mask) {
        return {};
    }
    at::Tensor* cache = params.fusedMaskCache;
    if (cache && cache->defined() && cache->size(0) == rows && cache->size(1) == keys) {
        return *cache;
    }
    at::Tensor allowed = allowedMatrix(*params.mask, 0, rows, KeyRange{0, keys}).to(device);
    if (cache) {
        *cache = allowed;
    }
    return allowed;
}

// The whole chunk through libtorch's fused attention: q is already scaled (scale 1 here), so
// the values match the blocked path; `allowed` ([rows, keys], true = may attend) or undefined.
// Key/value heads are repeated for their query groups, which every 2.x release accepts.
at::Tensor attendFused(const at::Tensor& scaled, const at::Tensor& k, const at::Tensor& v,
                       const at::Tensor& allowed) {
    const std::int64_t heads = scaled.size(0);
    const std::int64_t rows = scaled.size(1);
    const std::int64_t dim = scaled.size(2);
    const std::int64_t group = heads / k.size(0);
    const at::Tensor keys = group > 1 ? k.repeat_interleave(group, 0) : k;
    const at::Tensor values = group > 1 ? v.repeat_interleave(group, 0) : v;
    const at::Tensor q4 = scaled.unsqueeze(0);
    const at::Tensor k4 = keys.unsqueeze(0);
    const at::Tensor v4 = values.unsqueeze(0);
    // The mask parameter is c10::optional before 2.4 and std::optional after: a Tensor or {}
    // converts to either.
    const at::Tensor context =
        allowed.defined()
            ? at::scaled_dot_product_attention(q4, k4, v4, allowed, 0.0, false, 1.0)
            : at::scaled_dot_product_attention(q4, k4, v4, {}, 0.0, false, 1.0);
    return context.squeeze(0).transpose(0, 1).reshape({rows, heads * dim});
}
#endif

}  // namespace

at::Tensor attend(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                  const AttentionParams& params) {
    const std::int64_t heads = q.size(0);
    const std::int64_t rows = q.size(1);
    const std::int64_t dim = q.size(2);
    const std::int64_t kvHeads = k.size(0);
    const std::int64_t group = heads / kvHeads;
    const std::int64_t keyCount = k.size(1);
    // The scale goes into q (float32 arithmetic, one rounding): exact for the power-of-two
    // scales of Gemma 3 4B, and it spares a pass over the [rows, keys] scores.
    const at::Tensor scaled = q.mul(params.scale).contiguous();
#ifdef MEDGEMMA_HAVE_FUSED_ATTENTION
    if (!useCpuKernels(q) && !params.softcap) {
        return attendFused(scaled, k, v, fusedMask(params, rows, keyCount, q.device()));
    }
#endif
    if (!params.mask && rows >= kPerHeadMinRows) {
        return attendPerHead(scaled, k, v, params);
    }
    at::Tensor out = at::empty({rows, heads * dim}, q.options());
    const at::Tensor grouped = scaled.view({kvHeads, group, rows, dim});
    const std::int64_t blockRows =
        std::max<std::int64_t>(1, kScoreBudget / std::max<std::int64_t>(1, heads * keyCount));
    for (std::int64_t r0 = 0; r0 < rows; r0 += blockRows) {
        if (params.stop && stopRequested(*params.stop)) {
            return {};
        }
        const std::int64_t n = std::min(rows, r0 + blockRows) - r0;
        const KeyRange keys =
            params.mask ? visibleKeys(*params.mask, r0, r0 + n, keyCount) : KeyRange{0, keyCount};
        // Built on the host (it reads the image-block table), used where the scores are.
        const at::Tensor allowed =
            params.mask ? allowedMatrix(*params.mask, r0, r0 + n, keys).to(q.device())
                        : at::Tensor();
        const at::Tensor context = attendBlock(
            grouped.narrow(2, r0, n).reshape({kvHeads, group * n, dim}),
            k.narrow(1, keys.begin, keys.end - keys.begin),
            v.narrow(1, keys.begin, keys.end - keys.begin), allowed, params.softcap, group);
        out.narrow(0, r0, n).copy_(
            context.view({heads, n, dim}).transpose(0, 1).reshape({n, heads * dim}));
    }
    return out;
}

}  // namespace inference
