#include "inference/lm_head.h"

#include <cmath>

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

}  // namespace

at::Tensor computeLogits(const at::Tensor& hidden, const at::Tensor& weight,
                         std::optional<double> softcap) {
    at::Tensor logits = at::linear(hidden, weight).to(at::kFloat);
    if (weight.scalar_type() != at::kFloat) {
        refineNearMaximum(logits, hidden, weight);
    }
    if (softcap) {
        logits = at::tanh(logits / *softcap).mul_(*softcap);
    }
    return logits;
}

}  // namespace inference
