#include "ui/model/model_text.h"

#include <QCoreApplication>
#include <QLocale>

namespace ui {
namespace {

// The translation context of the texts in this file.
class Text {
    Q_DECLARE_TR_FUNCTIONS(ui::ModelManager)
};

QString scaled(double value, const char* const (&units)[4], double base) {
    int unit = 0;
    while (value >= base && unit < 3) {
        value /= base;
        ++unit;
    }
    const int decimals = value >= 100 ? 0 : value >= 10 ? 1 : 2;
    return QStringLiteral("%1 %2").arg(QLocale().toString(value, 'f', decimals),
                                       QLatin1String(units[unit]));
}

}  // namespace

QString formatBytes(quint64 bytes) {
    static const char* const kUnits[4] = {"kB", "MB", "GB", "TB"};
    if (bytes < 1000) {
        return Text::tr("%1 bytes").arg(bytes);
    }
    return scaled(double(bytes) / 1000.0, kUnits, 1000.0);
}

QString formatParameters(quint64 count) {
    static const char* const kUnits[4] = {"", "K", "M", "B"};
    return count < 1000 ? QString::number(count) : scaled(double(count), kUnits, 1000.0);
}

const MemoryEstimate& estimateFor(const ModelSummary& model, ModelPrecision precision) {
    switch (precision) {
        case ModelPrecision::Float32:
            return model.float32;
        case ModelPrecision::Int8:
            return model.int8;
        case ModelPrecision::Int4:
            return model.int4;
        case ModelPrecision::BFloat16:
            break;
    }
    return model.bfloat16;
}

bool memoryFits(const ModelSummary& model, ModelPrecision precision, ModelDevice device,
                const RuntimeFacts& facts) {
    const bool gpu = device == ModelDevice::Cuda;
    const quint64 available = gpu ? facts.vramFree : facts.ramAvailable;
    const quint64 needed =
        estimateFor(model, precision).total() + (gpu ? facts.gpuRuntimeBytes : 0);
    return available == 0 || needed <= available;
}

QString memoryText(const ModelSummary& model, ModelPrecision precision, ModelDevice device,
                   const RuntimeFacts& facts) {
    const MemoryEstimate& m = estimateFor(model, precision);
    QString text =
        Text::tr("Needs about %1 (weights %2 + KV cache %3 for %4 tokens + working memory %5).")
            .arg(formatBytes(m.total()), formatBytes(m.weights), formatBytes(m.kvCache),
                 QLocale().toString(m.contextTokens), formatBytes(m.activations));
    text += QLatin1Char(' ');
    text += facts.ramAvailable > 0
                ? Text::tr("%1 of memory (RAM) free now.").arg(formatBytes(facts.ramAvailable))
                : Text::tr("The free memory could not be read.");
    if (facts.cudaAvailable) {
        text += QLatin1Char(' ');
        text += facts.vramFree > 0
                    ? Text::tr("%1 free on the GPU.").arg(formatBytes(facts.vramFree))
                    : Text::tr("GPU memory not reported.");
        if (device == ModelDevice::Cuda && facts.gpuRuntimeBytes > 0) {
            text += QLatin1Char(' ');
            text += Text::tr("On the GPU, CUDA itself takes about %1 more.")
                        .arg(formatBytes(facts.gpuRuntimeBytes));
        }
    }
    if (!memoryFits(model, precision, device, facts)) {
        text += QLatin1Char(' ');
        text +=
            device == ModelDevice::Cuda
                ? Text::tr("This is more than the GPU has free: choose the CPU, or a smaller "
                           "model.")
            : precision == ModelPrecision::Float32
                ? Text::tr("This is more than is free: choose bfloat16, or close other programs.")
            : precision == ModelPrecision::BFloat16
                ? Text::tr("This is more than is free: choose int8 or int4 weights, or close "
                           "other programs.")
                : Text::tr(
                      "This is more than is free: close other programs, or choose a smaller "
                      "model such as MedGemma 4B.");
    }
    return text;
}

QString sourceText(const ModelSummary& model) {
    return model.fromCache ? Text::tr("Hugging Face cache: %1").arg(model.repoId)
                           : Text::tr("Chosen folder");
}

QString howToGetModelHtml(const QString& cacheDirectory) {
    return Text::
        tr("<h3>No MedGemma model was found</h3>"
           "<p>Viewing works without one; drafting and the text assistant need MedGemma.</p>"
           "<ol>"
           "<li>Sign in at <b>huggingface.co</b> and open <b>google/medgemma-4b-it</b> "
           "(or google/medgemma-1.5-4b-it).</li>"
           "<li>Accept the <b>Health AI Developer Foundations</b> terms of use on that page "
           "(access is granted at once).</li>"
           "<li>Download the whole model (about 8.6 GB), e.g. with "
           "<tt>hf download google/medgemma-4b-it</tt> after <tt>hf auth login</tt>.</li>"
           "<li>Come back here and press <b>Search again</b>: models in the Hugging Face "
           "cache (<tt>%1</tt>) are found automatically. A copy elsewhere can be chosen with "
           "<b>Choose folder…</b> (the folder with config.json and the .safetensors files).</li>"
           "</ol>"
           "<p>The model runs on this computer; nothing is sent anywhere. Research use only, "
           "not for diagnosis.</p>")
            .arg(cacheDirectory.toHtmlEscaped());
}

}  // namespace ui
