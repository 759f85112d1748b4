// The CPU decode kernels at every ISA level this CPU offers (scalar, AVX2, AVX-512), against
// double-precision references: bf16 matrix-vector products, quantization and the quantized
// products (whose integer arithmetic must be exact for the quantized operands), the
// transposed dequantization prefill uses, the GELU, softmax and attention helpers, and the
// bf16 row passes of prefill and image encoding (softmax, LayerNorm, RMSNorm).
// Shapes include widths that are not multiples of the vector lengths and row counts that are
// not multiples of the 16-row tiles.

#include <QtTest>

#include <cmath>
#include <random>
#include <vector>

#include "inference/kernels/bf16_elementwise.h"
#include "inference/kernels/cpu_features.h"
#include "inference/kernels/gemv_bf16.h"
#include "inference/kernels/gemv_quant.h"
#include "inference/kernels/vector_math.h"

using namespace inference::kernels;

namespace {

struct Matrix {
    std::int64_t rows = 0;
    std::int64_t cols = 0;
    std::vector<bf16_t> w;
};

Matrix randomMatrix(std::int64_t rows, std::int64_t cols, unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal(0.0f, 1.0f / std::sqrt(float(cols)));
    Matrix m{rows, cols, std::vector<bf16_t>(std::size_t(rows * cols))};
    for (bf16_t& v : m.w) {
        v = floatToBf16(normal(rng));
    }
    return m;
}

std::vector<float> randomVector(std::int64_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    std::vector<float> x(static_cast<std::size_t>(n));
    for (float& v : x) {
        v = bf16ToFloat(floatToBf16(normal(rng)));
    }
    return x;
}

struct Quantized {
    QuantShape shape;
    std::vector<std::uint8_t> data;
    std::vector<std::uint8_t> parameters;
    QuantMatrix view() const { return {shape, data.data(), parameters.data()}; }
};

Quantized quantize(const Matrix& m, QuantFormat format, std::int64_t group) {
    Quantized q;
    q.shape = {format, m.rows, m.cols, format == QuantFormat::Int4Group ? group : 0};
    q.data.resize(q.shape.dataBytes());
    q.parameters.resize(q.shape.parameterBytes());
    quantizeRows(q.shape, m.w.data(), m.cols, 0, q.shape.paddedRows(), q.data.data(),
                 q.parameters.data());
    return q;
}

void addIsaRows() {
    QTest::addColumn<int>("isa");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("cols");
    const Isa best = activeIsa();
    for (int isa = 0; isa <= int(best); ++isa) {
        for (const auto& [rows, cols] : {std::pair{16, 64}, {72, 96}, {130, 144}, {37, 2560}}) {
            const QString name = QStringLiteral("%1 %2x%3")
                                     .arg(QLatin1String(isaName(Isa(isa))))
                                     .arg(rows)
                                     .arg(cols);
            QTest::newRow(qPrintable(name)) << isa << rows << cols;
        }
    }
}

// Restores the detected ISA level after each test function.
struct IsaCap {
    explicit IsaCap(int isa) { setIsaCap(Isa(isa)); }
    ~IsaCap() { setIsaCap(Isa::Avx512); }
};

}  // namespace

class CpuKernelsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void bf16ProductsAreFloat32Accurate_data() { addIsaRows(); }
    void bf16ProductsAreFloat32Accurate();
    void quantizedProductsAreExactForTheirOperands_data() { addIsaRows(); }
    void quantizedProductsAreExactForTheirOperands();
    void quantizationErrorIsBounded();
    void transposedDequantizationMatches_data() { addIsaRows(); }
    void transposedDequantizationMatches();
    void activationCodesAgreeAcrossIsas();
    void vectorHelpersMatchReferences_data();
    void vectorHelpersMatchReferences();
    void bf16RowPassesMatchReferences_data() { vectorHelpersMatchReferences_data(); }
    void bf16RowPassesMatchReferences();
};

// Exact products of bf16 operands summed in float32: the error is float32 summation error.
void CpuKernelsTest::bf16ProductsAreFloat32Accurate() {
    QFETCH(int, isa);
    QFETCH(int, rows);
    QFETCH(int, cols);
    const IsaCap cap(isa);
    const Matrix m = randomMatrix(rows, cols, 1);
    const std::vector<float> x = randomVector(cols, 2);
    std::vector<bf16_t> xb(x.size());
    for (std::size_t k = 0; k < x.size(); ++k) {
        xb[k] = floatToBf16(x[k]);
    }
    std::vector<float> y(std::size_t(rows), NAN);
    gemvBf16(m.w.data(), cols, cols, xb.data(), y.data(), 0, rows);
    for (int r = 0; r < rows; ++r) {
        double exact = 0.0, magnitude = 0.0;
        for (int k = 0; k < cols; ++k) {
            const double term = double(bf16ToFloat(m.w[std::size_t(r * cols + k)])) * x[std::size_t(k)];
            exact += term;
            magnitude += std::fabs(term);
        }
        QVERIFY2(std::fabs(y[std::size_t(r)] - exact) <= 1e-6 * magnitude + 1e-7,
                 qPrintable(QStringLiteral("row %1: %2 vs %3").arg(r).arg(y[std::size_t(r)]).arg(exact)));
    }
}

// The kernels' integer dot products are exact; only the float32 block and group scaling
// rounds. Reference: dequantized weights times dequantized activations, in double.
void CpuKernelsTest::quantizedProductsAreExactForTheirOperands() {
    QFETCH(int, isa);
    QFETCH(int, rows);
    QFETCH(int, cols);
    const IsaCap cap(isa);
    const Matrix m = randomMatrix(rows, cols, 3);
    const std::vector<float> x = randomVector(cols, 4);
    for (const auto& [format, group] : {std::pair{QuantFormat::Int8Row, 0}, {QuantFormat::Int4Group, 32},
                                        {QuantFormat::Int4Group, 64}, {QuantFormat::Int4Group, 128}}) {
        const Quantized q = quantize(m, format, group);
        ActivationQ8 a;
        a.quantize(x.data(), cols, q.shape.paddedCols());
        std::vector<float> y(std::size_t(rows), NAN);
        gemvQuant(q.view(), a, y.data(), 0, q.shape.tiles());
        for (int r = 0; r < rows; ++r) {
            double exact = 0.0, magnitude = 0.0;
            for (int k = 0; k < cols; ++k) {
                const double term = double(dequantizedWeight(q.view(), r, k)) *
                                    a.scales()[k / kActivationBlock] * a.values()[k];
                exact += term;
                magnitude += std::fabs(term);
            }
            QVERIFY2(std::fabs(y[std::size_t(r)] - exact) <= 2e-6 * magnitude + 1e-6,
                     qPrintable(QStringLiteral("format %1 group %2 row %3: %4 vs %5")
                                    .arg(int(format)).arg(group).arg(r)
                                    .arg(y[std::size_t(r)]).arg(exact)));
        }
    }
}

// int8 rounds to nearest: within half a step of the row scale. int4 refits each group's scale
// and minimum by least squares, which may clip an extreme value: within one min/max step,
// and a root-mean-square error below the min/max coding's step / sqrt(12).
void CpuKernelsTest::quantizationErrorIsBounded() {
    const Matrix m = randomMatrix(48, 256, 5);
    const Quantized q8 = quantize(m, QuantFormat::Int8Row, 0);
    const Quantized q4 = quantize(m, QuantFormat::Int4Group, 32);
    double worst8 = 0.0, worst4 = 0.0, squares4 = 0.0, steps4 = 0.0;
    for (int r = 0; r < 48; ++r) {
        float maxAbs = 0.0f;
        for (int k = 0; k < 256; ++k) {
            maxAbs = std::max(maxAbs, std::fabs(bf16ToFloat(m.w[std::size_t(r * 256 + k)])));
        }
        for (int k = 0; k < 256; ++k) {
            const float w = bf16ToFloat(m.w[std::size_t(r * 256 + k)]);
            worst8 = std::max(worst8, std::fabs(dequantizedWeight(q8.view(), r, k) - w) / (maxAbs / 127.0));
        }
        for (int g = 0; g < 8; ++g) {
            float low = 1e30f, high = -1e30f;
            for (int k = g * 32; k < g * 32 + 32; ++k) {
                low = std::min(low, bf16ToFloat(m.w[std::size_t(r * 256 + k)]));
                high = std::max(high, bf16ToFloat(m.w[std::size_t(r * 256 + k)]));
            }
            const double step = (high - low) / 15.0;
            for (int k = g * 32; k < g * 32 + 32; ++k) {
                const double e = std::fabs(dequantizedWeight(q4.view(), r, k) -
                                           bf16ToFloat(m.w[std::size_t(r * 256 + k)]));
                worst4 = std::max(worst4, e / step);
                squares4 += e * e;
                steps4 += step * step / 12.0;
            }
        }
    }
    const double rms4 = std::sqrt(squares4 / steps4);
    qInfo("int8: largest error %.3f of a step; int4: largest %.3f of a min/max step, rms %.3f "
          "of step/sqrt(12)", worst8, worst4, rms4);
    QVERIFY(worst8 <= 0.5 + 1e-3);
    QVERIFY(worst4 <= 1.0);
    QVERIFY(rms4 < 1.0);
}

void CpuKernelsTest::transposedDequantizationMatches() {
    QFETCH(int, isa);
    QFETCH(int, rows);
    QFETCH(int, cols);
    const IsaCap cap(isa);
    const Matrix m = randomMatrix(rows, cols, 6);
    for (const auto& [format, group] : {std::pair{QuantFormat::Int8Row, 0}, {QuantFormat::Int4Group, 64}}) {
        const Quantized q = quantize(m, format, group);
        const std::int64_t ld = q.shape.paddedRows();
        std::vector<bf16_t> out(static_cast<std::size_t>(cols * ld));
        dequantizeTransposed(q.view(), 0, ld, out.data(), ld);
        std::vector<bf16_t> row(static_cast<std::size_t>(cols));
        for (int r = 0; r < rows; ++r) {
            dequantizeRow(q.view(), r, row.data());
            for (int k = 0; k < cols; ++k) {
                QCOMPARE(out[std::size_t(k * ld + r)], row[std::size_t(k)]);
            }
        }
    }
}

// The per-token int8 codes must not depend on the ISA, so every level computes the same sums.
void CpuKernelsTest::activationCodesAgreeAcrossIsas() {
    const std::vector<float> x = randomVector(300, 7);
    std::vector<std::vector<std::int8_t>> codes;
    for (int isa = 0; isa <= int(activeIsa()); ++isa) {
        const IsaCap cap(isa);
        ActivationQ8 a;
        a.quantize(x.data(), 300, 320);
        codes.emplace_back(a.values(), a.values() + 320);
        for (int k = 300; k < 320; ++k) {
            QCOMPARE(int(a.values()[k]), 0);
        }
    }
    for (const auto& c : codes) {
        QVERIFY(c == codes.front());
    }
}

void CpuKernelsTest::vectorHelpersMatchReferences_data() {
    QTest::addColumn<int>("isa");
    for (int isa = 0; isa <= int(activeIsa()); ++isa) {
        QTest::newRow(isaName(Isa(isa))) << isa;
    }
}

void CpuKernelsTest::vectorHelpersMatchReferences() {
    QFETCH(int, isa);
    const IsaCap cap(isa);
    std::vector<float> gate(101), up(101), out(101);
    for (int i = 0; i < 101; ++i) {
        gate[std::size_t(i)] = (i - 50) * 0.37f;
        up[std::size_t(i)] = 1.0f - i * 0.01f;
    }
    geluTanhMul(gate.data(), up.data(), out.data(), 101);
    for (int i = 0; i < 101; ++i) {
        const double g = gate[std::size_t(i)];
        const double expected =
            0.5 * g * (1.0 + std::tanh(0.7978845608028654 * (g + 0.044715 * g * g * g))) * up[std::size_t(i)];
        QVERIFY(std::fabs(out[std::size_t(i)] - expected) <= 2e-6 * std::fabs(expected) + 1e-7);
    }
    std::vector<float> logits(77);
    for (int i = 0; i < 77; ++i) {
        logits[std::size_t(i)] = float(std::sin(i * 1.3) * 9.0);
    }
    std::vector<float> p = logits;
    softmaxInPlace(p.data(), 77);
    double z = 0.0;
    const double top = *std::max_element(logits.begin(), logits.end());
    for (float v : logits) {
        z += std::exp(v - top);
    }
    for (int i = 0; i < 77; ++i) {
        QVERIFY(std::fabs(p[std::size_t(i)] - std::exp(logits[std::size_t(i)] - top) / z) <= 1e-7);
    }
    // Attention: bf16 keys and values; the AVX-512 path rounds q and p to bf16 (as a bf16
    // model's activations are), so the bound is bf16's relative step times the magnitude.
    const std::int64_t heads = 3, n = 45, dim = 64;
    const std::vector<float> q = randomVector(heads * dim, 8);
    const Matrix keys = randomMatrix(n, dim, 9);
    const Matrix values = randomMatrix(n, dim, 10);
    std::vector<float> scores(static_cast<std::size_t>(heads * n)), context(std::size_t(heads * dim));
    attentionScores(q.data(), heads, keys.w.data(), n, dim, scores.data());
    for (std::int64_t h = 0; h < heads; ++h) {
        for (std::int64_t j = 0; j < n; ++j) {
            double s = 0.0, magnitude = 0.0;
            for (std::int64_t d = 0; d < dim; ++d) {
                const double t = q[std::size_t(h * dim + d)] * bf16ToFloat(keys.w[std::size_t(j * dim + d)]);
                s += t;
                magnitude += std::fabs(t);
            }
            QVERIFY(std::fabs(scores[std::size_t(h * n + j)] - s) <= 4e-3 * magnitude + 1e-6);
        }
        softmaxInPlace(scores.data() + h * n, n);
    }
    attentionValues(scores.data(), heads, values.w.data(), n, dim, context.data());
    for (std::int64_t h = 0; h < heads; ++h) {
        for (std::int64_t d = 0; d < dim; ++d) {
            double s = 0.0, magnitude = 0.0;
            for (std::int64_t j = 0; j < n; ++j) {
                const double t = scores[std::size_t(h * n + j)] * bf16ToFloat(values.w[std::size_t(j * dim + d)]);
                s += t;
                magnitude += std::fabs(t);
            }
            QVERIFY(std::fabs(context[std::size_t(h * dim + d)] - s) <= 4e-3 * magnitude + 1e-6);
        }
    }
}

namespace {

// |got - expected| within one bf16 rounding step of the expected value (the kernels compute in
// float32 and round to bf16 once), plus `floor` for values near zero.
bool withinBf16Step(bf16_t got, double expected, double floor) {
    return std::fabs(bf16ToFloat(got) - expected) <= std::fabs(expected) * (1.0 / 256) + floor;
}

std::vector<bf16_t> bf16Row(std::int64_t n, unsigned seed, float offset) {
    std::vector<bf16_t> row(static_cast<std::size_t>(n));
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal(offset, 3.0f);
    for (bf16_t& v : row) {
        v = floatToBf16(normal(rng));
    }
    return row;
}

}  // namespace

// Widths below and above the 8,192-value scratch row of the softmax, and norm widths that are
// not multiples of 16.
void CpuKernelsTest::bf16RowPassesMatchReferences() {
    QFETCH(int, isa);
    const IsaCap cap(isa);
    for (const std::int64_t cols : {std::int64_t{77}, std::int64_t{4096}, std::int64_t{9001}}) {
        std::vector<bf16_t> row = bf16Row(2 * cols, unsigned(cols), 0.0f);
        const std::vector<bf16_t> input = row;
        softmaxRowsBf16(row.data(), 2, cols, cols);
        for (std::int64_t r = 0; r < 2; ++r) {
            double top = -INFINITY, z = 0.0;
            for (std::int64_t c = 0; c < cols; ++c) {
                top = std::max<double>(top, bf16ToFloat(input[std::size_t(r * cols + c)]));
            }
            for (std::int64_t c = 0; c < cols; ++c) {
                z += std::exp(bf16ToFloat(input[std::size_t(r * cols + c)]) - top);
            }
            for (std::int64_t c = 0; c < cols; ++c) {
                const std::size_t i = std::size_t(r * cols + c);
                QVERIFY(withinBf16Step(row[i], std::exp(bf16ToFloat(input[i]) - top) / z, 1e-30));
            }
        }
    }
    const std::int64_t cols = 1157;
    std::vector<float> weight(cols), bias(cols);
    for (std::int64_t c = 0; c < cols; ++c) {
        weight[std::size_t(c)] = 0.5f + float(c % 7) * 0.25f;
        bias[std::size_t(c)] = float(c % 5) * 0.1f - 0.2f;
    }
    const std::vector<bf16_t> input = bf16Row(3 * cols, 5, 2.0f);
    std::vector<bf16_t> layerNormed = input, rmsNormed(input.size());
    layerNormRowsBf16(layerNormed.data(), 3, cols, weight.data(), bias.data(), 1e-6f);
    rmsNormRowsBf16(input.data(), rmsNormed.data(), 3, cols, weight.data(), 1e-6f);
    for (std::int64_t r = 0; r < 3; ++r) {
        double mean = 0.0, squares = 0.0, variance = 0.0;
        for (std::int64_t c = 0; c < cols; ++c) {
            const double x = bf16ToFloat(input[std::size_t(r * cols + c)]);
            mean += x / double(cols);
            squares += x * x / double(cols);
        }
        for (std::int64_t c = 0; c < cols; ++c) {
            const double d = bf16ToFloat(input[std::size_t(r * cols + c)]) - mean;
            variance += d * d / double(cols);
        }
        for (std::int64_t c = 0; c < cols; ++c) {
            const std::size_t i = std::size_t(r * cols + c);
            const double x = bf16ToFloat(input[i]);
            const double w = weight[std::size_t(c)];
            QVERIFY(withinBf16Step(layerNormed[i],
                                   (x - mean) / std::sqrt(variance + 1e-6) * w + bias[std::size_t(c)],
                                   1e-5));
            QVERIFY(withinBf16Step(rmsNormed[i], x / std::sqrt(squares + 1e-6) * w, 1e-5));
        }
    }
}

QTEST_APPLESS_MAIN(CpuKernelsTest)
#include "test_cpu_kernels.moc"
