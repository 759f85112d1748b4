#pragma once
// Matrix-vector products over quantized weights (quant_format.h) for one-token decode steps.
//
// The activation vector is quantized per token to int8 in blocks of 32 (symmetric, one float
// scale per block, as llama.cpp's Q8 activations), so the inner loop is an integer dot product
// (AVX-512 VNNI vpdpbusd: 64 weight bytes x 4 broadcast activations -> 16 row sums) and
// floating point appears once per block. Results:
//   Int8Row:   y[r] = s[r] * (sum_b xs_b * sum_k (q+128) x_k  -  128 * sum_b xs_b * sum(x_b))
//   Int4Group: y[r] = sum_g scale[r,g] * sum_{b in g} xs_b * (u . x_b) + min[r,g] * D_g,
//              D_g = sum_{b in g} xs_b * sum(x_b)
// Thread-safety: pure functions over read-only data; threads may compute disjoint tiles of y.

#include <cstdint>
#include <vector>

#include "inference/kernels/quant_format.h"

namespace inference::kernels {

// A token's activations quantized for the kernels. Buffers grow on reserve() only, so a decode
// step that reuses the object allocates nothing.
class ActivationQ8 {
public:
    void reserve(std::int64_t paddedCols);
    // Quantizes x[0, cols) into paddedCols values (zeros past cols); paddedCols is a multiple
    // of 32 and at most the reserved size.
    void quantize(const float* x, std::int64_t cols, std::int64_t paddedCols);

    const std::int8_t* values() const { return m_values.data(); }
    const float* scales() const { return m_scales.data(); }
    // xs_b * sum of the block's int8 values, per block.
    const float* blockSums() const { return m_blockSums.data(); }
    float totalSum() const { return m_totalSum; }  // sum of blockSums()
    std::int64_t paddedCols() const { return m_paddedCols; }

private:
    std::vector<std::int8_t> m_values;
    std::vector<float> m_scales;
    std::vector<float> m_blockSums;
    float m_totalSum = 0.0f;
    std::int64_t m_paddedCols = 0;
};

// y[r] for the rows of tiles [tileBegin, tileEnd), padding rows excluded; y indexed by row.
// x.paddedCols() must equal matrix.shape.paddedCols().
void gemvQuant(const QuantMatrix& matrix, const ActivationQ8& x, float* y,
               std::int64_t tileBegin, std::int64_t tileEnd);

namespace detail {
void quantizeActivationScalar(const float* x, std::int64_t cols, std::int64_t paddedCols,
                              std::int8_t* values, float* scales, float* blockSums);
void quantizeActivationAvx512(const float* x, std::int64_t cols, std::int64_t paddedCols,
                              std::int8_t* values, float* scales, float* blockSums);
void gemvQuantScalar(const QuantMatrix& m, const ActivationQ8& x, float* y,
                     std::int64_t tileBegin, std::int64_t tileEnd);
void gemvQuantAvx2(const QuantMatrix& m, const ActivationQ8& x, float* y,
                   std::int64_t tileBegin, std::int64_t tileEnd);
void gemvQuantAvx512(const QuantMatrix& m, const ActivationQ8& x, float* y,
                     std::int64_t tileBegin, std::int64_t tileEnd);
}  // namespace detail

}  // namespace inference::kernels
