// The float32 forward pass against the fixture goldens (an independent float32 port of
// transformers' Gemma3ForConditionalGeneration, eager attention): SigLIP output, projector
// output, the hidden state entering every decoder layer, the final norm and the logits of the
// last three positions, for both checkpoints and all three cases. Tolerance 1e-4 everywhere
// (tests/fixtures/README.md); the measured maxima are printed.

#include <QtTest>

#include <ATen/ATen.h>

#include "forward_test_support.h"
#include "inference/generation.h"

using namespace inference;

namespace {

constexpr double kTolerance = 1e-4;

struct CaseRun {
    std::map<std::string, at::Tensor> golden;
    ForwardTrace trace;
    at::Tensor logits;  // last 3 positions
};

// Runs a case on the golden pixel values, so that the forward pass is checked on its own.
CaseRun runCase(const QString& checkpoint, const QString& caseName) {
    CaseRun run;
    run.golden = fwdtest::goldenTensors(checkpoint, caseName);
    PromptInput prompt;
    prompt.ids = fwdtest::goldenCase(checkpoint, caseName).ids;
    if (run.golden.count("pixel_values")) {
        prompt.pixelValues = run.golden.at("pixel_values");
    }
    const StopFlag stop{false};
    auto model = fwdtest::model(checkpoint, ComputeType::Float32);
    auto logits = forwardLogits(*model, prompt, stop, 3, &run.trace);
    if (!logits) {
        throw std::runtime_error(logits.error().message);
    }
    run.logits = logits.value();
    return run;
}

void addRows() {
    QTest::addColumn<QString>("checkpoint");
    QTest::addColumn<QString>("caseName");
    for (const QString& checkpoint : fwdtest::checkpointNames()) {
        for (const fwdtest::GoldenCase& c : fwdtest::goldenCases(checkpoint)) {
            QTest::newRow(qPrintable(checkpoint + QLatin1Char('/') + c.name))
                << checkpoint << c.name;
        }
    }
}

void expectClose(const char* what, const at::Tensor& ours, const at::Tensor& golden) {
    QCOMPARE(ours.sizes(), golden.sizes());
    const double diff = fwdtest::maxAbsDiff(ours, golden);
    qInfo("%-26s max |diff| %.3g", what, diff);
    QVERIFY2(diff <= kTolerance, what);
}

}  // namespace

class ForwardGoldenTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesGolden_data() { addRows(); }
    void matchesGolden();
    void topLogitsMatchGolden_data() { addRows(); }
    void topLogitsMatchGolden();
};

void ForwardGoldenTest::matchesGolden() {
    QFETCH(QString, checkpoint);
    QFETCH(QString, caseName);
    const CaseRun run = runCase(checkpoint, caseName);
    if (run.golden.count("vision_last_hidden_state")) {
        expectClose("vision_last_hidden_state", run.trace.visionHidden,
                    run.golden.at("vision_last_hidden_state"));
        expectClose("image_features", run.trace.imageFeatures, run.golden.at("image_features"));
    }
    const at::Tensor& layers = run.golden.at("layer_inputs");
    QCOMPARE(static_cast<std::int64_t>(run.trace.layerInputs.size()), layers.size(0));
    for (std::int64_t i = 0; i < layers.size(0); ++i) {
        const std::string what = "layer_inputs[" + std::to_string(i) + "]";
        expectClose(what.c_str(), run.trace.layerInputs[static_cast<std::size_t>(i)], layers[i]);
    }
    expectClose("final_norm_output", run.trace.finalNorm, run.golden.at("final_norm_output"));
    expectClose("logits_last3", run.logits, run.golden.at("logits_last3"));
}

void ForwardGoldenTest::topLogitsMatchGolden() {
    QFETCH(QString, checkpoint);
    QFETCH(QString, caseName);
    const CaseRun run = runCase(checkpoint, caseName);
    const at::Tensor top = std::get<1>(at::topk(run.logits[2], 20));
    const std::vector<std::int64_t> ours(top.data_ptr<std::int64_t>(),
                                         top.data_ptr<std::int64_t>() + 20);
    QCOMPARE(ours, fwdtest::goldenCase(checkpoint, caseName).top20);
}

QTEST_APPLESS_MAIN(ForwardGoldenTest)
#include "test_forward_golden.moc"
