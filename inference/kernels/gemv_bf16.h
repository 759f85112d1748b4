#pragma once
// Matrix-vector products over bf16 weights for one-token decode steps: y = W x with W
// [rows, cols] row-major bf16 (used in place from the checkpoint mapping) and x bf16.
// Products of bf16 values are exact in float32 and are accumulated in float32, so y equals a
// float32 matmul of the same bf16 operands up to summation order.
//
// The kernels stream W once and keep x in L1: the speed of a decode step is the speed at which
// memory delivers the weights. Callers split rows across threads (several matrices may be
// split as one range, so one pass over memory serves q, k and v together).
// Thread-safety: pure functions; threads may write disjoint rows of y concurrently.

#include <cstdint>

#include "inference/kernels/bf16.h"

namespace inference::kernels {

// y[r] = sum_k w[r * rowStride + k] * x[k] for r in [rowBegin, rowEnd); y is indexed by r.
void gemvBf16(const bf16_t* w, std::int64_t rowStride, std::int64_t cols, const bf16_t* x,
              float* y, std::int64_t rowBegin, std::int64_t rowEnd);

namespace detail {
void gemvBf16Scalar(const bf16_t* w, std::int64_t rowStride, std::int64_t cols, const bf16_t* x,
                    float* y, std::int64_t rowBegin, std::int64_t rowEnd);
void gemvBf16Avx2(const bf16_t* w, std::int64_t rowStride, std::int64_t cols, const bf16_t* x,
                  float* y, std::int64_t rowBegin, std::int64_t rowEnd);
void gemvBf16Avx512(const bf16_t* w, std::int64_t rowStride, std::int64_t cols, const bf16_t* x,
                    float* y, std::int64_t rowBegin, std::int64_t rowEnd);
}  // namespace detail

}  // namespace inference::kernels
