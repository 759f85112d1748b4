// The kernel decode path (decode_step.h) that generate() uses for bf16 models, against the
// libtorch path on the fixture checkpoints: every kernel step's logits against a fresh bf16
// full recomputation of the sequence so far (libtorch prefill), far past the sliding windows.
//
// Tolerance, stated and measured: both paths hold weights and cache in bf16 but round
// differently (libtorch rounds every activation to bf16 as transformers does; the kernels keep
// the residual stream, norms, RoPE and softmax in float32 and round only the inputs of each
// product). On these wide-spread random weights the per-step logits (RMS ~1) differ by at most
// 0.06-0.09 over 40 steps (values printed); bound 0.25, as test_bf16_forward allows against
// float32. Top-1 must agree wherever the recomputation's top-1/top-2 margin exceeds 0.1.
// The decode steps must also leave the cache exactly as prefill would (checked through the
// following steps) and run at every ISA level.

#include <QtTest>

#include <ATen/ATen.h>

#include "forward_test_support.h"
#include "inference/decode_step.h"
#include "inference/generation.h"
#include "inference/kernels/cpu_features.h"

using namespace inference;

namespace {

constexpr double kMaxBound = 0.25;
constexpr double kDecisiveMargin = 0.1;

double margin(const at::Tensor& row) {
    const at::Tensor top = std::get<0>(at::topk(row, 2));
    return (top[0] - top[1]).item<double>();
}

}  // namespace

class KernelDecodeTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void kernelStepsMatchRecomputation_data();
    void kernelStepsMatchRecomputation();
    void generationUsesTheKernels();
};

void KernelDecodeTest::kernelStepsMatchRecomputation_data() {
    QTest::addColumn<QString>("checkpoint");
    QTest::addColumn<QString>("caseName");
    QTest::addColumn<int>("isa");
    const int best = int(kernels::activeIsa());
    for (const QString& checkpoint : fwdtest::checkpointNames()) {
        for (int isa = 0; isa <= best; ++isa) {
            const QString name = checkpoint + QStringLiteral("/two_images/") +
                                 QLatin1String(kernels::isaName(kernels::Isa(isa)));
            QTest::newRow(qPrintable(name)) << checkpoint << QStringLiteral("two_images") << isa;
        }
    }
    QTest::newRow("tiny-medgemma/text_only")
        << QStringLiteral("tiny-medgemma") << QStringLiteral("text_only") << best;
}

void KernelDecodeTest::kernelStepsMatchRecomputation() {
    QFETCH(QString, checkpoint);
    QFETCH(QString, caseName);
    QFETCH(int, isa);
    kernels::setIsaCap(kernels::Isa(isa));
    const auto model = fwdtest::model(checkpoint, ComputeType::BFloat16);
    QVERIFY(kernelDecodeSupported(*model));
    PromptInput prompt = fwdtest::promptWithOwnPixels(checkpoint, fwdtest::goldenCase(checkpoint, caseName));
    const StopFlag stop{false};
    const int steps = 40;
    KvCache cache;
    cache.reset(model->config().text, model->scalarType(),
                static_cast<std::int64_t>(prompt.ids.size()) + steps);
    DecodeWorkspace workspace;
    workspace.reserve(*model, static_cast<std::int64_t>(prompt.ids.size()) + steps);
    PrefillOptions options;
    const at::Tensor features = encodePromptImages(*model, prompt, stop, options).value();
    at::Tensor next = prefill(*model, cache, prompt, features, stop, options).value()[0];
    double worst = 0.0;
    int agree = 0;
    for (int step = 0; step < steps; ++step) {
        prompt.ids.push_back(next.argmax().item<std::int64_t>());
        const at::Tensor kernel =
            kernelDecodeStep(*model, cache, workspace, prompt.ids.back(), stop).value().clone();
        const at::Tensor full = forwardLogits(*model, prompt, stop, 1).value()[0];
        worst = std::max(worst, fwdtest::maxAbsDiff(kernel, full));
        const bool same = kernel.argmax().item<std::int64_t>() == full.argmax().item<std::int64_t>();
        agree += same ? 1 : 0;
        if (margin(full) > kDecisiveMargin) {
            QVERIFY2(same, qPrintable(QStringLiteral("step %1").arg(step)));
        }
        next = kernel;
    }
    kernels::setIsaCap(kernels::Isa::Avx512);
    qInfo("%s kernels vs bf16 recomputation over %d steps: max |logit diff| %.3g, top-1 agrees "
          "at %d",
          kernels::isaName(kernels::Isa(isa)), steps, worst, agree);
    QVERIFY(worst <= kMaxBound);
}

// A bf16 Session's generation runs the kernel steps: its tokens are those of a manual
// prefill + kernelDecodeStep loop.
void KernelDecodeTest::generationUsesTheKernels() {
    const QString checkpoint = QStringLiteral("tiny-medgemma-b");
    const auto model = fwdtest::model(checkpoint, ComputeType::BFloat16);
    const PromptInput prompt =
        fwdtest::promptWithOwnPixels(checkpoint, fwdtest::goldenCase(checkpoint, QStringLiteral("one_image")));
    const StopFlag stop{false};
    Session session(model);
    GenerationOptions options;
    options.maxNewTokens = 12;
    const auto output = generate(session, prompt, options, {}, stop);
    QVERIFY(output.ok());
    KvCache cache;
    cache.reset(model->config().text, model->scalarType(), 200);
    DecodeWorkspace workspace;
    PrefillOptions prefillOptions;
    const at::Tensor features = encodePromptImages(*model, prompt, stop, prefillOptions).value();
    at::Tensor logits = prefill(*model, cache, prompt, features, stop, prefillOptions).value()[0];
    std::vector<std::int64_t> tokens;
    for (int i = 0; i < 12; ++i) {
        tokens.push_back(logits.argmax().item<std::int64_t>());
        logits = kernelDecodeStep(*model, cache, workspace, tokens.back(), stop).value();
    }
    QCOMPARE(output->tokens, tokens);
}

QTEST_APPLESS_MAIN(KernelDecodeTest)
#include "test_kernel_decode.moc"
