#pragma once
// Internal (libtorch for storage only): matrix-vector products of one token through
// LinearWeights, split into chunks of rows across the compute threads: a DecodeThreadPool in
// decode steps, libtorch's OpenMP threads (at::parallel_for) elsewhere. Several matrices that
// read the same input are split as one range of rows, so q, k and v stream through memory in
// a single parallel pass.
// Thread-safety: the functions run their own parallel region; inputs are read-only and
// outputs are disjoint per chunk.

#include <cstdint>
#include <vector>

#include <ATen/Parallel.h>

#include "inference/decode_threads.h"
#include "inference/kernels/gemv_quant.h"
#include "inference/linear_weight.h"

namespace inference {

// A token's input vector prepared for one kind of matrix: bf16 values for dense bf16 weights,
// int8 blocks for quantized ones. Buffers grow on reserve() only.
class VectorInput {
public:
    void reserve(std::int64_t cols);
    // Prepares x[0, cols) for multiplication by `weight` (and by matrices of its format and
    // width).
    void prepare(const LinearWeight& weight, const float* x);

    const kernels::bf16_t* bf16() const { return m_bf16.data(); }
    const kernels::ActivationQ8& q8() const { return m_q8; }

private:
    std::vector<kernels::bf16_t> m_bf16;
    kernels::ActivationQ8 m_q8;
};

struct VectorProduct {
    const LinearWeight* weight = nullptr;
    float* out = nullptr;  // weight->rows() values
};

// Rows of work a matrix has for the thread split: groups of 4 rows (dense) or 16-row tiles.
std::int64_t rowsPerUnit(const LinearWeight& weight);
std::int64_t workUnits(const LinearWeight& weight);
// out rows of units [unitBegin, unitEnd) of one product.
void multiplyUnits(const VectorProduct& product, const VectorInput& x, std::int64_t unitBegin,
                   std::int64_t unitEnd);

// Units per chunk that a product's rows are claimed in: 64 rows, a few microseconds of
// streaming, so a descheduled thread's share is small and the claims are cheap.
std::int64_t chunkUnits(const LinearWeight& weight);

// fn(unitBegin, unitEnd) over chunks of `grain` units covering [0, units): on `pool` when
// given, else on libtorch's OpenMP threads.
void parallelChunks(DecodeThreadPool* pool, std::int64_t units, std::int64_t grain,
                    ChunkFunction fn);

// Every product's out = weight x, in one parallel pass.
void multiplyVector(const VectorProduct* products, std::size_t count, const VectorInput& x,
                    DecodeThreadPool* pool = nullptr);

}  // namespace inference
