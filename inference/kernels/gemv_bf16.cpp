#include "inference/kernels/gemv_bf16.h"

#include "inference/kernels/cpu_features.h"

namespace inference::kernels {

void gemvBf16(const bf16_t* w, std::int64_t rowStride, std::int64_t cols, const bf16_t* x,
              float* y, std::int64_t rowBegin, std::int64_t rowEnd) {
    if (activeBf16Dot()) {
        detail::gemvBf16Avx512(w, rowStride, cols, x, y, rowBegin, rowEnd);
    } else if (activeIsa() != Isa::Scalar) {
        detail::gemvBf16Avx2(w, rowStride, cols, x, y, rowBegin, rowEnd);
    } else {
        detail::gemvBf16Scalar(w, rowStride, cols, x, y, rowBegin, rowEnd);
    }
}

namespace detail {

void gemvBf16Scalar(const bf16_t* w, std::int64_t rowStride, std::int64_t cols, const bf16_t* x,
                    float* y, std::int64_t rowBegin, std::int64_t rowEnd) {
    for (std::int64_t r = rowBegin; r < rowEnd; ++r) {
        const bf16_t* row = w + r * rowStride;
        // Four partial sums, as the vector kernels have, keep the rounding error comparable.
        float sums[4] = {0, 0, 0, 0};
        std::int64_t k = 0;
        for (; k + 4 <= cols; k += 4) {
            for (int j = 0; j < 4; ++j) {
                sums[j] += bf16ToFloat(row[k + j]) * bf16ToFloat(x[k + j]);
            }
        }
        for (; k < cols; ++k) {
            sums[0] += bf16ToFloat(row[k]) * bf16ToFloat(x[k]);
        }
        y[r] = (sums[0] + sums[1]) + (sums[2] + sums[3]);
    }
}

}  // namespace detail
}  // namespace inference::kernels
