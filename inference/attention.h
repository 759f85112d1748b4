#pragma once
// Internal (libtorch): scaled dot-product attention with the numerics of transformers' eager
// path (spec §4.3 steps 5-9, §6.2): scores q·kᵀ in the compute dtype (bf16 matmuls accumulate
// in float32), optional soft-cap in float32, mask, softmax computed in float32 and rounded once
// to the compute dtype, times v. The scale is applied to q before the product (float32
// arithmetic, one rounding; exact for power-of-two scales such as Gemma 3 4B's 1/16).
//
// Grouped-query attention without copying K/V: query head h uses KV head h / (Hq / Hkv).
// Query rows are processed in blocks so that the score matrix stays within a fixed budget (a
// 4,096-token SigLIP layer or a long prompt never materialises [L, L] for all heads at once),
// and with a mask each block reads only the key range it can see (a sliding layer costs
// O(L · window), not O(L²)). Masks are built per block as booleans from positions. Without a
// mask and with many query rows (the vision tower) heads are taken one at a time in cache-sized
// row blocks of plain 2-D matmuls, with the bf16 softmax computed in place.
// Thread-safety: pure functions.

#include <cstdint>
#include <optional>

#include <ATen/ATen.h>

#include "inference/image_blocks.h"
#include "inference/stop_flag.h"

namespace inference {

// Which keys a query may see (spec §5). Keys cover the contiguous positions
// [keyStart, keyStart + Lk); queries the positions [queryStart, queryStart + Lq), which are also
// the last Lq key positions.
struct AttentionMask {
    std::int64_t queryStart = 0;
    std::int64_t keyStart = 0;
    std::int64_t window = 0;              // sliding window; 0 = unlimited (global layers)
    const ImageBlocks* blocks = nullptr;  // image blocks of the query tokens (may be null)
};

struct AttentionParams {
    double scale = 1.0;                   // multiplies q·kᵀ
    std::optional<double> softcap;        // attn_logit_softcapping, when configured
    const AttentionMask* mask = nullptr;  // null: every query sees every key (vision, decode)
    // Checked between query blocks, so that one long attention (a 4,096-patch SigLIP layer,
    // a long prompt) does not delay a stop request.
    const StopFlag* stop = nullptr;
    // Fused attention (a GPU with libtorch 2.1+) takes the mask as one [rows, keys] matrix,
    // built on the host and copied to the device. Every layer of a kind in one prefill chunk
    // has the same mask, so the caller may keep it here: built by the first such layer,
    // reused by the others while its shape fits (may be null).
    at::Tensor* fusedMaskCache = nullptr;
};

// q: [Hq, Lq, D]; k, v: [Hkv, Lk, D] (Hq a multiple of Hkv), all in one dtype.
// Returns [Lq, Hq * D] in q's dtype, heads concatenated in order; an undefined tensor when
// params.stop was set before the computation finished.
at::Tensor attend(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                  const AttentionParams& params);

}  // namespace inference
