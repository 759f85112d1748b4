#include "ui/model/model_text.h"

#include <QCoreApplication>
#include <QLocale>

namespace ui {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("ui::ModelManager", text);
}

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
        return tr("%1 bytes").arg(bytes);
    }
    return scaled(double(bytes) / 1000.0, kUnits, 1000.0);
}

QString formatParameters(quint64 count) {
    static const char* const kUnits[4] = {"", "K", "M", "B"};
    return count < 1000 ? QString::number(count) : scaled(double(count), kUnits, 1000.0);
}

const MemoryEstimate& estimateFor(const ModelSummary& model, ModelPrecision precision) {
    return precision == ModelPrecision::Float32 ? model.float32 : model.bfloat16;
}

bool memoryFits(const ModelSummary& model, ModelPrecision precision, const RuntimeFacts& facts) {
    return facts.ramAvailable == 0 || estimateFor(model, precision).total() <= facts.ramAvailable;
}

QString memoryText(const ModelSummary& model, ModelPrecision precision, const RuntimeFacts& facts) {
    const MemoryEstimate& m = estimateFor(model, precision);
    QString text =
        tr("Needs about %1 (weights %2 + KV cache %3 for %4 tokens + working memory %5).")
            .arg(formatBytes(m.total()), formatBytes(m.weights), formatBytes(m.kvCache),
                 QLocale().toString(m.contextTokens), formatBytes(m.activations));
    text += QLatin1Char(' ');
    text += facts.ramAvailable > 0
                ? tr("%1 of memory (RAM) free now.").arg(formatBytes(facts.ramAvailable))
                : tr("The free memory could not be read.");
    if (facts.cudaAvailable) {
        text += QLatin1Char(' ');
        text += facts.vramFree > 0 ? tr("%1 free on the GPU.").arg(formatBytes(facts.vramFree))
                                   : tr("GPU memory not reported.");
    }
    if (!memoryFits(model, precision, facts)) {
        text += QLatin1Char(' ');
        text += precision == ModelPrecision::Float32
                    ? tr("This is more than is free: choose bfloat16, or close other programs.")
                    : tr("This is more than is free: close other programs, or choose a smaller "
                         "model such as MedGemma 4B.");
    }
    return text;
}

QString sourceText(const ModelSummary& model) {
    return model.fromCache ? tr("Hugging Face cache: %1").arg(model.repoId) : tr("Chosen folder");
}

QString howToGetModelHtml(const QString& cacheDirectory) {
    return tr("<h3>No MedGemma model was found</h3>"
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
