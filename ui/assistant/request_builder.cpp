#include "ui/assistant/request_builder.h"

namespace ui {
namespace {

DraftItem textItem(const QString& text) {
    return {DraftItem::Kind::Text, text, -1};
}
DraftItem imageItem(int index) {
    return {DraftItem::Kind::Image, {}, index};
}

void appendImages(QList<DraftItem>& items, int count) {
    for (int i = 0; i < count; ++i) {
        items << imageItem(i);
    }
}

}  // namespace

QList<OutputLanguage> outputLanguages() {
    return {
        {QStringLiteral("en"), QStringLiteral("English"), QString()},
        {QStringLiteral("pt"), QStringLiteral("Português"),
         QStringLiteral("Write the whole answer in Brazilian Portuguese.")},
        {QStringLiteral("zh"), QStringLiteral("中文"),
         QStringLiteral("Write the whole answer in Simplified Chinese.")},
        {QStringLiteral("es"), QStringLiteral("Español"),
         QStringLiteral("Write the whole answer in Spanish.")},
    };
}

QString languageInstruction(const QString& code) {
    for (const OutputLanguage& language : outputLanguages()) {
        if (language.code == code) {
            return language.instruction;
        }
    }
    return {};
}

QString composeQuestion(const PromptInputs& inputs) {
    QStringList parts;
    QStringList context;
    if (!inputs.indication.trimmed().isEmpty()) {
        context << QStringLiteral("Clinical indication: %1").arg(inputs.indication.trimmed());
    }
    if (!inputs.comparison.trimmed().isEmpty()) {
        context << QStringLiteral("Comparison: %1").arg(inputs.comparison.trimmed());
    }
    if (!context.isEmpty()) {
        parts << context.join(QLatin1Char('\n'));
    }
    if (!inputs.question.trimmed().isEmpty()) {
        parts << inputs.question.trimmed();
    }
    const QString language = languageInstruction(inputs.languageCode);
    if (!language.isEmpty()) {
        parts << language;
    }
    return parts.join(QStringLiteral("\n\n"));
}

QList<DraftItem> orderItems(const PromptTemplate& t, const QString& question, int imageCount) {
    QList<DraftItem> items;
    switch (t.placement) {
        case ImagePlacement::None:
            break;
        case ImagePlacement::BeforeText:
            appendImages(items, imageCount);
            break;
        case ImagePlacement::AfterText:
            items << textItem(t.instruction.isEmpty() ? question : t.instruction);
            appendImages(items, imageCount);
            return t.instruction.isEmpty() ? items : items << textItem(question);
        case ImagePlacement::Interleaved:
            if (!t.instruction.isEmpty()) {
                items << textItem(t.instruction);
            }
            for (int i = 0; i < imageCount; ++i) {
                items << imageItem(i);
                // The reference server labels slice 1 only when there are two or more.
                if (imageCount >= 2) {
                    items << textItem(QStringLiteral("SLICE %1").arg(i + 1));
                }
            }
            break;
    }
    items << textItem(question);
    return items;
}

DraftRequest buildDraftRequest(const PromptTemplate& t, const PromptInputs& inputs,
                               const QList<DraftImage>& images) {
    DraftRequest request;
    request.templateName = t.provenance();
    request.systemPrompt = t.systemPrompt;
    request.sampling = inputs.sampling;
    if (t.usesImages()) {
        request.images = images;
    }
    DraftTurn turn;
    turn.items = orderItems(t, composeQuestion(inputs), int(request.images.size()));
    request.turns << turn;
    return request;
}

}  // namespace ui
