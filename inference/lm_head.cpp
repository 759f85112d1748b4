#include "inference/lm_head.h"

#include <algorithm>
#include <cmath>

#include "inference/decode_linear.h"
#include "inference/device_path.h"

namespace inference {
namespace {

// Candidates within 4 bf16 steps (2^-6 relative) of the row maximum: bf16 rounding moves each
// entry by at most half a step, so the true maximum is always among them.
constexpr double kRefineMargin = 1.0 / 64.0;

void refineNearMaximum(at::Tensor& logits, const at::Tensor& hidden, const at::Tensor& weight) {
    for (std::int64_t row = 0; row < logits.size(0); ++row) {
        at::Tensor values = logits[row];
        const double top = values.max().item<double>();
        const double margin = (std::fabs(top) + 1e-6) * kRefineMargin;
        const at::Tensor candidates = at::nonzero(values >= top - margin).squeeze(1);
        const at::Tensor rows = weight.index_select(0, candidates).to(at::kFloat);
        const at::Tensor exact = at::mv(rows, hidden[row].to(at::kFloat));
        values.index_copy_(0, candidates, exact);
    }
}

at::Tensor softcapped(at::Tensor logits, std::optional<double> softcap) {
    return softcap ? at::tanh(logits / *softcap).mul_(*softcap) : logits;
}

}  // namespace

at::Tensor computeLogits(const at::Tensor& hidden, const at::Tensor& weight,
                         std::optional<double> softcap) {
    at::Tensor logits = at::linear(hidden, weight).to(at::kFloat);
    if (weight.scalar_type() != at::kFloat) {
        refineNearMaximum(logits, hidden, weight);
    }
    return softcapped(logits, softcap);
}

at::Tensor headLogits(const at::Tensor& hidden, const LinearWeight& head,
                      std::optional<double> softcap) {
    if (head.isDeviceQuantized()) {
        return softcapped(head.forward(hidden).to(at::kFloat), softcap);
    }
    const bool kernels =
        head.isQuantized() ||
        (useCpuKernels(hidden) && head.computeType() == at::kBFloat16 && hidden.size(0) == 1);
    if (!kernels) {
        return computeLogits(hidden, head.dense(), softcap);
    }
    const at::Tensor rows = hidden.to(at::kFloat).contiguous();
    at::Tensor logits = at::empty({rows.size(0), head.rows()}, at::kFloat);
    VectorInput input;
    input.reserve(head.cols());
    for (std::int64_t r = 0; r < rows.size(0); ++r) {
        input.prepare(head, rows.data_ptr<float>() + r * rows.size(1));
        const VectorProduct product{&head, logits.data_ptr<float>() + r * head.rows()};
        multiplyVector(&product, 1, input);
    }
    return softcapped(logits, softcap);
}

at::Tensor fixedShapeHeadLogits(const at::Tensor& hidden, const LinearWeight& head,
                                std::optional<double> softcap) {
    if (head.isQuantized() || head.isDeviceQuantized() || head.computeType() == at::kFloat) {
        return headLogits(hidden, head, softcap);
    }
    const at::Tensor& weight = head.dense();
    at::Tensor logits = at::linear(hidden, weight).to(at::kFloat);  // [1, V]
    at::Tensor row = logits[0];
    const at::Tensor candidates =
        std::get<1>(at::topk(row, std::min(kFixedRefinedLogits, row.size(0))));
    const at::Tensor exact =
        at::mv(weight.index_select(0, candidates).to(at::kFloat), hidden[0].to(at::kFloat));
    row.index_copy_(0, candidates, exact);
    return softcapped(logits, softcap);
}

}  // namespace inference
